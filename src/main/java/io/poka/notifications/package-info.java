/**
 * Notifications: tells subscribed people and systems (e-mail, signed webhooks) about incidents of the lines they
 * watch, once per incident, change and recipient, and escalates an incident nobody acknowledged. It observes
 * {@code io.poka.alerts.IncidentChanged}; other modules need nothing from it, so its root holds no API yet.
 */
package io.poka.notifications;
