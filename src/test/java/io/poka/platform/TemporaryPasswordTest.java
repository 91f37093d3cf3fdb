package io.poka.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.lots.LotFixtures;
import io.poka.platform.internal.security.AdminRecovery;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A password set by someone else (an admin creating or resetting it, start-up recovery) is temporary: 21 CFR 11.10(d),
 * 11.100 and 11.300 require that only its owner can use a signature, so nothing, and above all no signature, is
 * accepted under it until the user has chosen their own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TemporaryPasswordTest {
    private static final String LOTS = "/api/v1/lots";

    @Inject
    AdminRecovery recovery;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPasswordGivenAtCreationAllowsNothingButChangingIt() {
        String user = unique("qatemp");
        Api.asAdmin().body(Map.of("username", user, "displayName", "Temp", "password", "given-by-the-admin",
                "roles", List.of(Roles.QA_MANAGER))).post("/api/v1/users").then().statusCode(201)
                .body("passwordTemporary", equalTo(true));

        Api.as(user, "given-by-the-admin").get(LOTS).then().statusCode(403)
                .contentType(Problems.MEDIA_TYPE).body("type", equalTo(Problems.PASSWORD_CHANGE_REQUIRED));
        Api.as(user, "given-by-the-admin").get("/api/v1/me").then().statusCode(403)
                .body("type", equalTo(Problems.PASSWORD_CHANGE_REQUIRED));
        // the admin knows the temporary one, so keeping it is no change
        Api.as(user, "given-by-the-admin")
                .body(Map.of("currentPassword", "given-by-the-admin", "newPassword", "given-by-the-admin"))
                .put("/api/v1/me/password").then().statusCode(400).body("type", equalTo(Problems.VALIDATION));
        Api.as(user, "given-by-the-admin")
                .body(Map.of("currentPassword", "given-by-the-admin", "newPassword", "only-i-know-this"))
                .put("/api/v1/me/password").then().statusCode(204);

        Api.as(user, "only-i-know-this").get(LOTS).then().statusCode(200);
        Api.asAdmin().get("/api/v1/users/" + user).then().body("passwordTemporary", equalTo(false));
    }

    @Test
    void anAdminWhoResetsAPasswordCannotSignAsThatUser() {
        String qa = unique("qasign");
        Api.createUser(Map.of("username", qa, "displayName", "Quinn QA", "password", "quinns-own-password",
                "roles", List.of(Roles.QA_MANAGER)));
        String lot = LotFixtures.as(Roles.INTEGRATION)
                .body(LotFixtures.newLot(unique("P"), unique("EXT"))).post(LOTS).then().statusCode(201)
                .extract().path("id");
        LotFixtures.as(Roles.INTEGRATION).body(Map.of("to", "AWAITING_INSPECTION")).post(LOTS + "/" + lot + "/moves")
                .then().statusCode(200);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "check")).post(LOTS + "/" + lot + "/hold")
                .then().statusCode(200);

        Api.asAdmin().body(Map.of("newPassword", "the-admin-knows-it")).put("/api/v1/users/" + qa + "/password")
                .then().statusCode(204);
        Api.as(qa, "the-admin-knows-it").body(useAsIs("the-admin-knows-it")).post(LOTS + "/" + lot + "/dispositions")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.PASSWORD_CHANGE_REQUIRED));
        Api.asAdmin().get(LOTS + "/" + lot).then().body("status", equalTo("ON_HOLD"));

        Api.as(qa, "the-admin-knows-it")
                .body(Map.of("currentPassword", "the-admin-knows-it", "newPassword", "quinns-new-password"))
                .put("/api/v1/me/password").then().statusCode(204);
        Api.as(qa, "quinns-new-password").body(useAsIs("quinns-new-password")).post(LOTS + "/" + lot + "/dispositions")
                .then().statusCode(201);
        Api.asAdmin().get(LOTS + "/" + lot).then().body("status", equalTo("RELEASED"));
    }

    @Test
    void startUpRecoveryUnlocksALockedOutAdminWithATemporaryPasswordAndIsAudited() {
        String admin = unique("soloadmin");
        Api.createUser(Map.of("username", admin, "displayName", "Solo Admin", "password", "solo-admin-password",
                "roles", List.of(Roles.ADMIN)));
        for (int i = 0; i < 5; i++) {
            Api.as(admin, "a-wrong-password").get("/api/v1/me").then().statusCode(401);
        }
        Api.as(admin, "solo-admin-password").get("/api/v1/me").then().statusCode(401);

        String temporary = recovery.recover(admin, Optional.empty());

        Api.as(admin, temporary).get("/api/v1/users").then().statusCode(403)
                .body("type", equalTo(Problems.PASSWORD_CHANGE_REQUIRED));
        Api.as(admin, temporary).body(Map.of("currentPassword", temporary, "newPassword", "solo-admin-again"))
                .put("/api/v1/me/password").then().statusCode(204);
        Api.as(admin, "solo-admin-again").get("/api/v1/users").then().statusCode(200);
        List<Map<String, Object>> history = Api.asAdmin().get("/api/v1/audit/entities/User/{id}/history", admin)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> recovered = history.stream().filter(e -> "ADMIN_RECOVERED".equals(e.get("action")))
                .findFirst().orElseThrow(() -> new AssertionError("no ADMIN_RECOVERED entry in " + history));
        assertEquals("system", recovered.get("userId"));
        Api.asAdmin().get("/api/v1/audit/entities/User/{id}/history", admin).then()
                .body("reason", hasItem(org.hamcrest.Matchers.containsString("POKA_RECOVER_ADMIN")));
    }

    @Test
    void recoveryCreatesAnAdminThatDoesNotExist() {
        String admin = unique("newadmin");
        recovery.recover(admin, Optional.of("recovery-temporary-1"));
        Api.as(admin, "recovery-temporary-1").body(Map.of("currentPassword", "recovery-temporary-1",
                "newPassword", "recovered-admin-own")).put("/api/v1/me/password").then().statusCode(204);
        Api.as(admin, "recovered-admin-own").get("/api/v1/me").then().statusCode(200).body("roles", hasItem("admin"));
    }

    /** A signed disposition that releases the held lot. */
    private static Map<String, Object> useAsIs(String password) {
        return Map.of("decision", "USE_AS_IS", "reason", "cosmetic only",
                "signature", Map.of("password", password, "meaning", "RESPONSIBILITY"));
    }
}
