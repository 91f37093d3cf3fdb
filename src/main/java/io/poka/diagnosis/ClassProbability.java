package io.poka.diagnosis;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One class a diagnosis model knows ({@code normal} or {@code fault-NN}) and its probability for the window. */
public record ClassProbability(@Schema(example = "fault-01") String label, @Schema(example = "0.93") double probability) {
}
