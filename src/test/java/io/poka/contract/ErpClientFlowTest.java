package io.poka.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.client.ApiClient;
import io.poka.client.ApiException;
import io.poka.client.api.InspectionPlansApi;
import io.poka.client.api.InspectionsApi;
import io.poka.client.api.LotsApi;
import io.poka.client.api.UsersApi;
import io.poka.client.model.AttributeResult;
import io.poka.client.model.Characteristic;
import io.poka.client.model.ClassLimit;
import io.poka.client.model.ClassSampling;
import io.poka.client.model.DefectClass;
import io.poka.client.model.HoldRequest;
import io.poka.client.model.Inspection;
import io.poka.client.model.InspectionPlan;
import io.poka.client.model.Kind;
import io.poka.client.model.Lot;
import io.poka.client.model.LotStatus;
import io.poka.client.model.Meaning;
import io.poka.client.model.NewInspection;
import io.poka.client.model.NewInspectionPlan;
import io.poka.client.model.NewLot;
import io.poka.client.model.NewUser;
import io.poka.client.model.PasswordBody;
import io.poka.client.model.PlanKind;
import io.poka.client.model.Problem;
import io.poka.client.model.SamplingAnswer;
import io.poka.client.model.SignatureInput;
import io.poka.client.model.SignedDecision;
import io.poka.client.model.StatusMove;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An ERP integration written as integrators write it: only against the Java client that OpenAPI Generator makes from
 * the committed document (target/generated-test-sources/poka-client, untouched), no hand-written HTTP. If the
 * document and the server disagree, this fails where an integrator would.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ErpClientFlowTest {
    private static final String PASSWORD = "erp-flow-password-1";

    @TestHTTPResource
    URI server;

    @Test
    void anErpCreatesALotIdempotentlyInspectsItAndReleasesOrHoldsItThroughTheGeneratedClient() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = client("admin", Api.ADMIN_PASSWORD);
        ApiClient erp = user(admin, "erp-" + run, "integration");
        ApiClient qa = user(admin, "qa-" + run, "qa-manager");
        ApiClient inspector = user(admin, "insp-" + run, "inspector");
        String product = "HINGE-" + run;

        // an ISO 2859-1 plan: level II, MAJOR at AQL 1.0, MINOR at AQL 2.5
        InspectionPlan plan = new InspectionPlansApi(qa).createInspectionPlan(new NewInspectionPlan().product(product)
                .name("Incoming " + product).kind(PlanKind.ISO_2859_1).inspectionLevel("II")
                .classes(List.of(new ClassLimit().defectClass(DefectClass.MAJOR).aql("1.0"),
                        new ClassLimit().defectClass(DefectClass.MINOR).aql("2.5")))
                .characteristics(List.of(
                        new Characteristic().name("crack").kind(Kind.ATTRIBUTE).defectClass(DefectClass.MAJOR),
                        new Characteristic().name("scratch").kind(Kind.ATTRIBUTE).defectClass(DefectClass.MINOR))));
        UUID planId = plan.getId();
        assertEquals(List.of(planId), new InspectionPlansApi(erp).listInspectionPlans(true, product).stream()
                .map(InspectionPlan::getId).toList());

        // the same Idempotency-Key twice gives the same lot; the key with another body is a typed problem
        LotsApi lots = new LotsApi(erp);
        String key = "erp-" + run;
        Lot created = lots.createLot(newLot(product, "PO-" + run), key);
        Lot replayed = lots.createLot(newLot(product, "PO-" + run), key);
        assertEquals(created.getId(), replayed.getId());
        assertEquals(LotStatus.CREATED, created.getStatus());
        Problem reused = problem(erp, assertThrows(ApiException.class,
                () -> lots.createLot(newLot(product, "PO-other-" + run), key)));
        assertEquals(422, reused.getStatus());
        assertEquals(URI.create("urn:poka:problem:lots/idempotency-key-reused"), reused.getType());
        assertTrue(reused.getDetail().contains(key), reused.getDetail());
        UUID lotId = created.getId();

        // sampling for the lot of 500: ISO 2859-1:1999 Table 1 (level II) gives code letter H, Table 2-A n = 50,
        // Ac 1 / Re 2 at AQL 1.0
        SamplingAnswer sampling = new InspectionPlansApi(inspector).getInspectionPlanSampling(planId, lotId, null, null);
        ClassSampling major = sampling.getClasses().stream()
                .filter(c -> c.getDefectClass() == DefectClass.MAJOR).findFirst().orElseThrow();
        assertEquals("H", major.getCodeLetter());
        assertEquals(50, major.getSampleSize());
        assertEquals(1, major.getAcceptanceNumber());
        assertEquals(2, major.getRejectionNumber());

        // to inspection, inspect (0 major, 1 minor nonconforming: accepted), read the verdict
        assertEquals(LotStatus.AWAITING_INSPECTION,
                lots.moveLot(lotId, new StatusMove().to(LotStatus.AWAITING_INSPECTION), etag(lots, lotId)).getStatus());
        InspectionsApi inspections = new InspectionsApi(inspector);
        NewInspection inspection = new NewInspection().lotId(lotId).planId(planId).attributes(List.of(
                new AttributeResult().defectClass(DefectClass.MAJOR).nonconforming(0),
                new AttributeResult().defectClass(DefectClass.MINOR).nonconforming(1)));
        String inspectionKey = "erp-inspection-" + lotId;
        Inspection inspected = inspections.recordInspection(inspection, inspectionKey);
        assertEquals(Boolean.TRUE, inspected.getAccepted());
        // a retry after a lost answer (same Idempotency-Key) replays the first inspection instead of recording twice
        assertEquals(inspected.getId(), inspections.recordInspection(inspection, inspectionKey).getId());
        assertEquals(List.of(inspected.getId()), inspections.listInspectionsOfLot(lotId).stream()
                .map(Inspection::getId).toList());
        Inspection verdict = inspections.getInspection(inspected.getId());
        assertEquals(Boolean.TRUE, verdict.getAccepted());
        assertEquals("READY_FOR_RELEASE", inspected.getLotStatus());
        assertEquals(LotStatus.READY_FOR_RELEASE, lots.getLot(lotId).getStatus());

        // a stale If-Match is a typed 412 problem; the signed release with the current ETag releases
        LotsApi qaLots = new LotsApi(qa);
        SignedDecision release = new SignedDecision().reason("incoming inspection accepted")
                .signature(new SignatureInput().password(PASSWORD).meaning(Meaning.APPROVAL));
        Problem stale = problem(qa, assertThrows(ApiException.class, () -> qaLots.releaseLot(lotId, release, "\"0\"")));
        assertEquals(412, stale.getStatus());
        Lot released = qaLots.releaseLot(lotId, release, etag(qaLots, lotId));
        assertEquals(LotStatus.RELEASED, released.getStatus());

        // another lot of the same order is held by QA
        UUID second = lots.createLot(newLot(product, "PO-" + run + "-2"), "erp-2-" + run).getId();
        Lot held = qaLots.holdLot(second, new HoldRequest().reason("burr on the edge"), etag(qaLots, second));
        assertEquals(LotStatus.ON_HOLD, held.getStatus());
        assertNotNull(held.getHold());
        assertEquals("burr on the edge", held.getHold().getReason());
        assertEquals(LotStatus.ON_HOLD, new LotsApi(erp).getLot(second).getStatus());
    }

    private static NewLot newLot(String product, String externalId) {
        return new NewLot().sourceSystem("SAP-ERP").externalId(externalId).product(product)
                .quantity(new BigDecimal("500")).unit("pcs").line("L1").station("PRESS-3").supplier("ACME Metals")
                .supplierLot("ACME-22-118").productionStart(OffsetDateTime.parse("2026-11-28T06:00:00Z"))
                .productionEnd(OffsetDateTime.parse("2026-11-28T14:00:00Z"))
                .attributes(Map.of("order", externalId, "shift", "A"));
    }

    /** A client signed in with HTTP Basic (the native library leaves authentication to a request interceptor). */
    private ApiClient client(String username, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return client;
    }

    /** A user made by the admin with a temporary password, which the user replaces before anything else. */
    private ApiClient user(ApiClient admin, String username, String role) throws ApiException {
        String temporary = "temporary-" + PASSWORD;
        new UsersApi(admin).createUser(new NewUser().username(username).displayName("ERP flow " + role)
                .password(temporary).roles(Set.of(role)));
        // 204 without a body: the generated call accepts only application/problem+json (its errors); the server
        // produces that media type on every 204 operation too, so the untouched call works (it answered 406 before)
        new UsersApi(client(username, temporary)).changeOwnPassword(
                new PasswordBody().currentPassword(temporary).newPassword(PASSWORD));
        return client(username, PASSWORD);
    }

    /** The lot's current ETag, for If-Match. */
    private static String etag(LotsApi lots, UUID id) throws ApiException {
        var headers = lots.getLotWithHttpInfo(id).getHeaders();
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("ETag"))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no ETag: " + headers));
    }

    /** The application/problem+json body of a refused call, read as the generated Problem model. */
    private static Problem problem(ApiClient client, ApiException refused) throws Exception {
        assertNotNull(refused.getResponseBody(), "no body: " + refused);
        return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}
