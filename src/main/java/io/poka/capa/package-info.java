/**
 * CAPA: corrective and preventive actions (linked to an NCR or standalone), their status machine, the effectiveness
 * check Poka evaluates itself on stored data, the e-signed closure, the reopening on recurrence, overdue escalation
 * and the quality reports. Other modules use {@link io.poka.capa.CapaApi} and the events of this package.
 */
package io.poka.capa;
