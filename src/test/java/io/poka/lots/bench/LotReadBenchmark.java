package io.poka.lots.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.testing.ProcessCpu;
import io.poka.testing.RealInfrastructure;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The REST lot read benchmark (bench/lot-reads.sh), not a test: it runs only with -Dpoka.bench=true. A Vert.x client
 * on one event loop of its own (same JVM, same 2 cores as the server, PostgreSQL and Kafka) keeps {@code concurrency}
 * requests in flight over keep-alive connections, each with HTTP Basic, for a fixed time per endpoint: GET
 * /api/v1/me (authentication and JSON, no database: the baseline of the same run) and GET /api/v1/lots/{id} over 200
 * lots. Reports requests/s, p50/p99 latency, JVM and PostgreSQL CPU per request and memory, plus the cost of one
 * BCrypt check at the configured cost (the ceiling without the credential cache). Writes bench/results/lot-reads.md.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "poka.bench", matches = "true")
class LotReadBenchmark {
    private static final int SECONDS = Integer.getInteger("poka.bench.seconds", 20);
    private static final int CONCURRENCY = Integer.getInteger("poka.bench.concurrency", 32);
    private static final int LOTS = 200;

    @Test
    void lotReadsPerSecondWithHttpBasic() throws Exception {
        String user = LotFixtures.user(Roles.INTEGRATION);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LOTS; i++) {
            ids.add(LotFixtures.as(Roles.INTEGRATION).body(LotFixtures.newLot("BENCH-P", LotFixtures.unique("B")))
                    .post("/api/v1/lots").then().statusCode(201).extract().path("id"));
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + LotFixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
                .setDefaultPort(RestAssured.port).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(CONCURRENCY));
        try {
            run(vertx, client, basic, "warm-up", ids, 5);
            Phase me = run(vertx, client, basic, "/api/v1/me", List.of(), SECONDS);
            Phase lots;
            try (var profile = io.poka.testing.BenchProfile.start()) { // optional, the lot phase only
                lots = run(vertx, client, basic, "/api/v1/lots/{id}", ids, SECONDS);
            }
            int cost = ConfigProvider.getConfig().getOptionalValue("poka.platform.login.bcrypt-cost", Integer.class)
                    .orElse(11);
            String hash = BcryptUtil.bcryptHash("a-password-of-some-length", cost);
            long b0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                BcryptUtil.matches("a-password-of-some-length", hash);
            }
            double bcryptMs = (System.nanoTime() - b0) / 5e6;
            String report = "# REST lot reads with HTTP Basic\n\n"
                    + "`bench/lot-reads.sh` (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores shared by client, server, PostgreSQL and Kafka). " + CONCURRENCY + " requests in flight,"
                    + " keep-alive, " + SECONDS + " s per endpoint after a 5 s warm-up; every request carries HTTP Basic"
                    + " credentials (verified-credentials cache, `poka.platform.login.credential-cache-ttl`). CPU per"
                    + " request in ms; the JVM figure includes the load generator.\n\n"
                    + "| endpoint | requests | requests/s | ratio to /api/v1/me | p50 ms | p99 ms | errors |"
                    + " JVM CPU ms/req | PostgreSQL CPU ms/req |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                    + me.row(me.perSecond()) + "\n" + lots.row(me.perSecond()) + "\n\n"
                    + String.format(Locale.ROOT, "One BCrypt check at cost %d: %.0f ms, so without the cache at most"
                            + " %.0f logins/s on %d cores (the ceiling the cache removes). JVM resident memory: %.0f MB,"
                            + " heap in use after GC: %.0f MB.%n", cost, bcryptMs,
                            Runtime.getRuntime().availableProcessors() * 1000 / bcryptMs,
                            Runtime.getRuntime().availableProcessors(), ProcessCpu.jvmRssMb(),
                            ProcessCpu.heapUsedMb());
            Path out = Path.of("bench/results/lot-reads.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            assertEquals(0, lots.errors, "every lot read succeeded");
        } finally {
            client.close();
            vertx.close();
        }
    }

    private record Phase(String endpoint, long[] latencies, int count, long errors, double seconds,
            ProcessCpu.Sample cpu) {
        double perSecond() {
            return count / seconds;
        }

        double percentile(double p) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1e6;
        }

        String row(double baseline) {
            return String.format(Locale.ROOT, "| GET %s | %,d | %,.0f | %.2f | %.2f | %.2f | %d | %.3f | %.3f |",
                    endpoint, count, perSecond(), perSecond() / baseline, percentile(0.50), percentile(0.99), errors,
                    cpu.jvmSeconds() * 1000 / count, cpu.postgresSeconds() * 1000 / count);
        }
    }

    /** Keeps CONCURRENCY requests in flight for {@code seconds}; latencies are recorded on the client's event loop. */
    private static Phase run(Vertx vertx, HttpClient client, String basic, String endpoint, List<String> ids, int seconds)
            throws Exception {
        long[] latencies = new long[8_000_000];
        int[] count = { 0 };
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] inFlight = { 0 };
        ProcessCpu.Sample before = ProcessCpu.sample();
        long t0 = System.nanoTime();
        Runnable[] next = new Runnable[1];
        long[] seq = { 0 };
        next[0] = () -> {
            if (System.nanoTime() >= end) {
                if (--inFlight[0] == 0) {
                    done.complete(null);
                }
                return;
            }
            String uri = ids.isEmpty() ? endpoint : "/api/v1/lots/" + ids.get((int) (seq[0]++ % ids.size()));
            long start = System.nanoTime();
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                    .putHeader("Authorization", basic).putHeader("Accept", "application/json"))
                    .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                    .onComplete(ar -> {
                        if (ar.failed() || ar.result() != 200) {
                            errors.incrementAndGet();
                        } else if (count[0] < latencies.length) {
                            latencies[count[0]++] = System.nanoTime() - start;
                        }
                        next[0].run();
                    });
        };
        vertx.runOnContext(x -> {
            // start all senders on the client's event loop, so the counters above are touched by one thread only
            inFlight[0] = CONCURRENCY;
            for (int i = 0; i < CONCURRENCY; i++) {
                next[0].run();
            }
        });
        done.get(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        ProcessCpu.Sample cpu = ProcessCpu.sample().minus(before);
        return new Phase(endpoint, latencies, count[0], errors.get(), elapsed, cpu);
    }
}
