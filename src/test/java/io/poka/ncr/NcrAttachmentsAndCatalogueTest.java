package io.poka.ncr;

import static io.poka.lots.LotFixtures.unique;
import static io.poka.ncr.NcrFixtures.NCRS;
import static io.poka.ncr.NcrFixtures.qa;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attachments are type-checked by content, size-limited and stored with SHA-256; the defect catalogue over REST. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NcrAttachmentsAndCatalogueTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static long attachments() {
        return ((Number) LotFixtures.query("select count(*) from ncr.attachment").get(0).get(0)).longValue();
    }

    @Test
    void aPhotoIsStoredWithItsSha256AndDownloadedByteForByte() throws Exception {
        String id = NcrFixtures.manual(unique("L"), unique("P"), "SURF-SCRATCH");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));

        String location = LotFixtures.as(Roles.INSPECTOR).contentType("image/png").body(PNG)
                .post(NCRS + "/" + id + "/attachments?fileName=scratch.png").then().statusCode(201)
                .body("mediaType", equalTo("image/png")).body("sizeBytes", equalTo(PNG.length))
                .body("sha256", equalTo(sha)).extract().header("Location");

        byte[] back = qa().get(location).then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(PNG, back);
        qa().get(NCRS + "/" + id + "/detail").then().body("attachments[0].fileName", equalTo("scratch.png"));
    }

    @Test
    void contentThatIsNoAllowedTypeOrNotAsDeclaredOrTooLargeIsRefusedAndNothingStored() {
        String id = NcrFixtures.manual(unique("L"), unique("P"), "SURF");
        long before = attachments();
        qa().contentType("image/png").body("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))
                .post(NCRS + "/" + id + "/attachments?fileName=x.png").then().statusCode(415)
                .body("type", equalTo("urn:poka:problem:ncr/attachment-type-not-allowed"));
        qa().contentType("application/pdf").body(PNG).post(NCRS + "/" + id + "/attachments?fileName=x.pdf").then()
                .statusCode(415).body("type", equalTo("urn:poka:problem:ncr/attachment-type-mismatch"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        qa().contentType("application/octet-stream").body(big).post(NCRS + "/" + id + "/attachments?fileName=big.png")
                .then().statusCode(413).body("type", equalTo("urn:poka:problem:ncr/attachment-too-large"));
        qa().contentType("image/png").body(PNG).post(NCRS + "/" + id + "/attachments?fileName=../../etc/passwd").then()
                .statusCode(400);
        assertEquals(before, attachments());
    }

    @Test
    void qaManagersGrowTheCatalogueAndAReportOfASubCodeIsFoundByItsParent() {
        String parent = "T" + unique("").replace("-", "").toUpperCase();
        qa().body(Map.of("code", parent, "name", "Test family", "defaultSeverity", "MAJOR")).post("/api/v1/defect-codes")
                .then().statusCode(201).body("path", equalTo(List.of(parent)));
        qa().body(Map.of("code", parent + "-A", "parentCode", parent, "name", "Test child")).post("/api/v1/defect-codes")
                .then().statusCode(201).body("path", equalTo(List.of(parent, parent + "-A")));
        qa().body(Map.of("code", parent, "name", "again")).post("/api/v1/defect-codes").then().statusCode(409);
        qa().body(Map.of("parentCode", parent + "-A", "name", "loop")).put("/api/v1/defect-codes/" + parent).then()
                .statusCode(409).body("type", equalTo("urn:poka:problem:ncr/defect-code-conflict"));
        LotFixtures.as(Roles.INSPECTOR).body(Map.of("code", parent + "-B", "name", "x")).post("/api/v1/defect-codes")
                .then().statusCode(403);

        String line = unique("L");
        NcrFixtures.manual(line, unique("P"), parent + "-A");
        qa().queryParam("defectCode", parent).get(NCRS).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].defectCode", equalTo(parent + "-A"));

        qa().body(Map.of("parentCode", parent, "name", "Test child", "active", false))
                .put("/api/v1/defect-codes/" + parent + "-A").then().statusCode(200).body("active", equalTo(false));
        qa().body(Map.of("source", "MANUAL", "title", "x", "defectCode", parent + "-A")).post(NCRS).then()
                .statusCode(400).body("errors[0].field", equalTo("defectCode"));
    }
}
