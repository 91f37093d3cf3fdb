package io.poka.telemetry.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.telemetry.VariableDefinition;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The catalogue cache on the ingestion path follows the catalogue: a (line, variable) looked up before it was defined
 * is known soon after it is defined, whether on this replica or on another one (which writes the database without an
 * event here); the default time to live of a miss (poka.telemetry.catalogue-unknown-ttl) is 1 s, of a hit 30 s.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CatalogueCacheTest {
    @Inject
    CatalogueService catalogue;

    @Inject
    VariableRepository repository;

    @Test
    void aVariableDefinedOnAnotherReplicaAfterALookupIsKnownWithinSeconds() {
        String line = TelemetryFixtures.newLine();
        assertFalse(catalogue.lookup(line, "temp").isPresent(), "not defined yet");
        // another replica: the row is written, this replica hears nothing of it
        VariableDefinition v = request(line).validated(UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> repository.insert(v, Instant.now()));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> catalogue.lookup(line, "temp").isPresent());
    }

    @Test
    void aLookupMadeWhileADefinitionCommitsDoesNotHideItAfterTheCommit() {
        String line = TelemetryFixtures.newLine();
        QuarkusTransaction.requiringNew().run(() -> {
            catalogue.create(request(line));
            // a reading of the line arrives on another thread before the definition commits: it is not known yet
            Optional<VariableDefinition> before = CompletableFuture.supplyAsync(() -> catalogue.lookup(line, "temp")).join();
            assertFalse(before.isPresent(), "uncommitted definitions are not visible to other transactions");
        });
        assertTrue(catalogue.lookup(line, "temp").isPresent(), "known as soon as the definition has committed");
    }

    private static VariableRequest request(String line) {
        return new VariableRequest(line, "temp", "degC", "", null, null, null, null, null, null, null, null, null, null);
    }
}
