package io.poka.audit.internal;

/** Who an audit entry names: the user id (principal name) and printed name. */
record Actor(String userId, String printedName) {
    /** Changes made without a signed-in user: startup, schedulers, Kafka consumers, lockouts during login. */
    static final Actor SYSTEM = new Actor("system", "Poka (system)");
}
