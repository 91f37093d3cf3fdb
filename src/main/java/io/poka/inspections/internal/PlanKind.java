package io.poka.inspections.internal;

/** How an inspection plan finds its sample size and Ac/Re: ISO 2859-1 tables, a fixed sample, or every unit. */
public enum PlanKind {
    ISO_2859_1, FIXED, FULL
}
