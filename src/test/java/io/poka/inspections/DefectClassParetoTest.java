package io.poka.inspections;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Pareto of defect classes counts the nonconforming units inspections found per class, most first with the
 * cumulative share, for the lots of one line or the plans of one product over a range; bad ranges are problems.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DefectClassParetoTest {
    private static final String PATH = "/api/v1/inspections/defect-pareto";

    @Test
    void nonconformingUnitsPerDefectClassOfALineMostFirstWithTheCumulativeShare() {
        DefectParetoFixtures.Lines lines = DefectParetoFixtures.inspectedOnTwoLines();

        JsonPath a = Api.asAdmin().queryParam("line", lines.lineA()).get(PATH).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("MINOR", "MAJOR"), a.getList("defectClass"));
        assertEquals(List.of(5, 1), a.getList("nonconforming"));
        assertEquals(List.of(2, 2), a.getList("inspections"));
        assertEquals(List.of(100, 100), a.getList("sampled"), "n = 50 per class and lot (ISO 2859-1 code letter H)");
        assertEquals(5.0 / 6, a.getDouble("[0].cumulativeShare"), 1e-6);
        assertEquals(1.0, a.getDouble("[1].cumulativeShare"), 1e-6);

        JsonPath b = Api.asAdmin().queryParam("line", lines.lineB()).get(PATH).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("MAJOR", "MINOR"), b.getList("defectClass"));
        assertEquals(List.of(4, 0), b.getList("nonconforming"));

        JsonPath product = Api.asAdmin().queryParam("product", lines.product()).get(PATH).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("MAJOR", "MINOR"), product.getList("defectClass"), "5 each: ties by class name");
        assertEquals(List.of(5, 5), product.getList("nonconforming"));
        assertEquals(List.of(3, 3), product.getList("inspections"));
    }

    @Test
    void aRangeWithoutInspectionsIsEmptyAndABadRangeIsAProblem() {
        DefectParetoFixtures.Lines lines = DefectParetoFixtures.inspectedOnTwoLines();
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        Api.asAdmin().queryParam("line", lines.lineA()).queryParam("from", hourAgo.minus(1, ChronoUnit.DAYS).toString())
                .queryParam("to", hourAgo.toString()).get(PATH).then().statusCode(200).body("size()", equalTo(0));
        Api.asAdmin().queryParam("line", "no-such-line-" + lines.lineA()).get(PATH).then().statusCode(200)
                .body("size()", equalTo(0));
        Api.asAdmin().queryParam("from", hourAgo.toString()).queryParam("to", hourAgo.minusSeconds(1).toString())
                .get(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        Api.asAdmin().queryParam("from", "yesterday").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }
}
