package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An HTTP Basic client that opens many connections at once with credentials the cache does not hold (first use, or
 * the remembered login just expired) must not start one BCrypt check per request: each check holds a database
 * connection, so a burst used to take the whole pool and fail requests of everybody (and the audit sequencer, the
 * outbox relay, the readings consumer). Here the pool is small (4) and waits at most 2 s, so that burst is visible.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(ColdLoginBurstTest.SmallPool.class)
class ColdLoginBurstTest {
    private static final int REQUESTS = 40;

    /** Four connections, two seconds to get one. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "4",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void aBurstOfRequestsWithTheSameUncachedCredentialsIsCheckedOnceAndAllSucceed() throws Exception {
        String user = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(Map.of("username", user, "displayName", "Burst Client", "password", "correct-horse-battery",
                "roles", List.of(Roles.INTEGRATION)));
        // the password change at the end of createUser emptied the cache: every request below starts cold
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return Api.as(user, "correct-horse-battery").get("/api/v1/me").statusCode();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> a : answers) {
            statuses.merge(a.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(200, REQUESTS), statuses, "status -> requests");
    }
}
