package io.poka.lots.internal;

import static io.poka.lots.LotFixtures.newLot;
import static io.poka.lots.LotFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import io.poka.lots.LotStatus;
import io.poka.lots.LotView;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/lots/{id} reads through {@link LotReader} (one SELECT, no JTA transaction, no Hibernate session) for
 * speed: it must answer exactly what the entity-based view of {@link LotService} answers, held lots and absent
 * optional fields included, and an unknown id is still the lots' 404 problem.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LotReaderTest {
    private static final String LOTS = "/api/v1/lots";

    @Inject
    LotReader reader;

    @Inject
    LotService service;

    @Test
    void aHeldLotReadsTheSameAsTheEntityView() {
        Map<String, Object> body = newLot(unique("P"), unique("R"));
        body.put("quantity", new BigDecimal("12.500"));
        body.put("attributes", Map.of("order", "PO-1", "nested", Map.of("n", 3), "list", java.util.List.of(1, "a")));
        String id = Api.asAdmin().body(body).post(LOTS).then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("reason", "burr on edge")).post(LOTS + "/" + id + "/hold").then().statusCode(200);

        LotView fast = reader.find(UUID.fromString(id)).orElseThrow();

        assertEquals(service.lookup(UUID.fromString(id)).orElseThrow(), fast);
        assertEquals(LotStatus.ON_HOLD, fast.status());
        assertNotNull(fast.hold(), "the open hold is shown");
        assertEquals("burr on edge", fast.hold().reason());
        assertEquals(new BigDecimal("12.5"), fast.quantity(), "trailing zeros of numeric(19, 6) stripped");
        Api.asAdmin().get(LOTS + "/" + id).then().statusCode(200).header("ETag", "\"" + fast.version() + "\"")
                .body("hold.reason", equalTo("burr on edge")).body("attributes.nested.n", equalTo(3));
    }

    @Test
    void aLotWithoutOptionalFieldsReadsTheSameAsTheEntityView() {
        Map<String, Object> body = newLot(unique("P"), unique("R"));
        for (String optional : new String[] { "line", "station", "supplier", "supplierLot", "productionStart",
                "productionEnd", "attributes" }) {
            body.remove(optional);
        }
        String id = Api.asAdmin().body(body).post(LOTS).then().statusCode(201).extract().path("id");

        LotView fast = reader.find(UUID.fromString(id)).orElseThrow();

        assertEquals(service.lookup(UUID.fromString(id)).orElseThrow(), fast);
        assertEquals(null, fast.hold(), "no hold on a created lot");
        assertTrue(fast.attributes().isEmpty());
    }

    @Test
    void anUnknownLotIsTheNotFoundProblem() {
        assertTrue(reader.find(UUID.randomUUID()).isEmpty());
        Api.asAdmin().get(LOTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
