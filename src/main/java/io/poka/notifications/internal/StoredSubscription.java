package io.poka.notifications.internal;

/** A subscription with its secret, as the store holds it; never leaves the module (use {@link #view()}). */
record StoredSubscription(SubscriptionView view, String secret) {
}
