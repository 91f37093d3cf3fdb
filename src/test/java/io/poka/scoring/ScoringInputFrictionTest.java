package io.poka.scoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a new user meets first: misspelt hyperparameters, other delimiters, re-uploads, promotion onto a line. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ScoringInputFrictionTest {

    /** 200 rows of three noisy variables, different on every call (so its fingerprint is new). */
    private static String rows(String delimiter, String... names) {
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        StringBuilder csv = new StringBuilder(String.join(delimiter, names)).append('\n');
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < names.length; j++) {
                csv.append(j > 0 ? delimiter : "").append(String.format(Locale.ROOT, "%.6f", 10 + random.nextGaussian()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static io.restassured.response.Response upload(String name, String csv) {
        return ScoringFixtures.asQa().contentType("text/csv").queryParam("name", name).body(csv)
                .post("/api/v1/scoring/datasets");
    }

    @Test
    void aMisspeltHyperparameterIsRefusedWith400NamingItAndNothingIsQueued() {
        ScoringFixtures.qaManager();
        String dataset = upload("typo", rows(",", "x", "y")).then().statusCode(201).extract().path("id");
        String line = "typo-" + UUID.randomUUID();
        ScoringFixtures.asQa().body(Map.of("datasetId", dataset, "line", line, "hyperparameters",
                Map.of("latent_size", 4))).post("/api/v1/scoring/training-jobs").then().statusCode(400)
                .body("type", equalTo("urn:poka:problem:validation"))
                .body("errors[0].field", equalTo("hyperparameters.latent_size"))
                .body("errors[0].message", containsString("latentSize"));
        ScoringFixtures.asQa().get("/api/v1/scoring/training-jobs?line=" + line).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void theSameNumbersUploadedAgainGiveBackTheFirstDataSetWith200() {
        ScoringFixtures.qaManager();
        String csv = rows(",", "x", "y");
        JsonPath first = upload("first", csv).then().statusCode(201).extract().jsonPath();
        int count = ScoringFixtures.asQa().get("/api/v1/scoring/datasets").jsonPath().getList("$").size();
        upload("again", csv).then().statusCode(200).body("id", equalTo(first.getString("id")))
                .body("name", equalTo("first"));
        // the same numbers with semicolons and CRLF are the same content
        upload("again, other format", csv.replace(',', ';').replace("\n", "\r\n")).then().statusCode(200)
                .body("id", equalTo(first.getString("id")));
        assertEquals(count, ScoringFixtures.asQa().get("/api/v1/scoring/datasets").jsonPath().getList("$").size());
    }

    @Test
    void aWhitespaceSeparatedFileIsReadAndOneWithoutHeaderSaysMissingHeader() {
        ScoringFixtures.qaManager();
        upload("spaces", rows("   ", "x", "y", "z")).then().statusCode(201)
                .body("variables", equalTo(List.of("x", "y", "z")));
        upload("tabs", rows("\t", "x", "y")).then().statusCode(201).body("variables", equalTo(List.of("x", "y")));
        String headerless = rows("  ", "x", "y").lines().skip(1).map(l -> "  " + l).reduce("", (a, l) -> a + l + "\n");
        upload("no header", headerless).then().statusCode(422)
                .body("type", equalTo("urn:poka:problem:scoring/unusable-data"))
                .body("reason", equalTo("missing-header")).body("delimiter", equalTo("whitespace"))
                .body("detail", startsWith("Missing header"));
        upload("bad cell", "a;b\n1;2\n3;oops\n").then().statusCode(422).body("reason", equalTo("non-numeric"))
                .body("column", equalTo("b")).body("delimiter", equalTo("semicolon"));
    }

    @Test
    void aModelWhoseVariablesAreNotAllInTheLinesCatalogueIsNotPromoted() {
        ScoringFixtures.qaManager();
        String line = "catalogue-" + UUID.randomUUID();
        String dataset = upload("three variables", rows(",", "x", "y", "z")).then().statusCode(201).extract().path("id");
        String model = ScoringFixtures.train(dataset, line, 2);
        for (String variable : List.of("x", "y")) {
            Api.asAdmin().body(Map.of("line", line, "variable", variable, "unit", "u"))
                    .post("/api/v1/telemetry/variables").then().statusCode(201);
        }
        Map<String, Object> signed = Map.of("password", ScoringFixtures.qaPassword(), "meaning", "APPROVAL", "reason",
                "validated");
        ScoringFixtures.asQa().body(signed).post("/api/v1/scoring/models/" + model + "/promote").then().statusCode(422)
                .body("type", equalTo("urn:poka:problem:scoring/variables-not-in-catalogue"))
                .body("missingVariables", equalTo(List.of("z")));
        ScoringFixtures.asQa().get("/api/v1/scoring/models/" + model).then().statusCode(200).body("active", equalTo(false));
        Api.asAdmin().body(Map.of("line", line, "variable", "z", "unit", "u")).post("/api/v1/telemetry/variables")
                .then().statusCode(201);
        ScoringFixtures.asQa().body(signed).post("/api/v1/scoring/models/" + model + "/promote").then().statusCode(200)
                .body("action", equalTo("PROMOTED"));
    }
}
