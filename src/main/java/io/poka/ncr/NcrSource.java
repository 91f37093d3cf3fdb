package io.poka.ncr;

/** What opened a nonconformance report; the source reference of the report names the record it came from. */
public enum NcrSource {
    MANUAL, INSPECTION, INCIDENT, ANOMALY, CUSTOMER_COMPLAINT, SUPPLIER_ISSUE
}
