package io.poka.scoring;

/** How much one variable contributed to a row's reconstruction error (squared standardised error / input width). */
public record Contribution(String variable, double value) {
}
