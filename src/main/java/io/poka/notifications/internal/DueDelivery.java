package io.poka.notifications.internal;

/** A delivery claimed by a worker (row locked until its transaction ends), with what sending it needs. */
record DueDelivery(DeliveryView delivery, String payload, String secret) {
}
