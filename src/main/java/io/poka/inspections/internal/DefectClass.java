package io.poka.inspections.internal;

/** Classes of nonconformity (ISO 2859-1:1999 3.1.8): each class has its own AQL, plan and switching state. */
public enum DefectClass {
    CRITICAL, MAJOR, MINOR
}
