package io.poka.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.alerts.AlertFixtures;
import io.poka.inspections.InspectedLots;
import io.poka.lots.LotFixtures;
import io.poka.platform.Roles;
import io.poka.scoring.ScoringFixtures;
import io.poka.testing.Api;
import io.poka.testing.RealInfrastructure;
import io.poka.testing.TelemetryFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enumerates the write paths from the database rather than from a list kept by hand: a probe trigger on every table of
 * every module schema (read from the catalogue, so a new table is covered the day it is created) logs each transaction
 * that writes it; a workload drives each module through its public entry points (REST, the telemetry stream and what
 * it triggers: automatic limits, violations, alerts); then every logged transaction that wrote a non-exempt table must
 * also have appended to the audit journal (audit.journal, chained into audit.entry right after its commit), and every
 * non-exempt table must have been written at least once by the workload.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(EveryWriteIsAuditedTest.AutoBaseline.class)
class EveryWriteIsAuditedTest {
    /** Auto-baseline on (as in production), so the automatic limits freeze is one of the paths driven. */
    public static class AutoBaseline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a short baseline the phase I check accepts, so the automatic freeze happens within the workload
            return Map.of("poka.spc.auto-baseline-readings", "20", "poka.spc.phase-one-min-individuals", "20",
                    "poka.spc.phase-one-min-effective-size", "1", "poka.capa.check-interval", "off",
                    "poka.capa.escalation-recipients", "audit-probe@plant.example");
        }
    }

    /**
     * The one place where writes are allowed without an audit entry: a table, or a table and operation, with the
     * reason. Everything else a transaction writes must be audited in that transaction.
     */
    static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("telemetry.reading_row", "measurements at up to 10^5 per second; each is immutable, keyed by its"
                    + " readingId and traceable to its Kafka record; the quality decisions taken from them are audited;"
                    + " the retention job's archive and drop of a day's partition is audited"),
            Map.entry("telemetry.reading_source", "dictionary of the (line, station, variable, unit) texts a reading"
                    + " refers to by id; an entry is derived from a stored reading and never changes"),
            Map.entry("telemetry.reading_lot", "dictionary of the lot texts a reading refers to by id; derived from a"
                    + " stored reading and never changes"),
            Map.entry("telemetry.reading_rollup_minute", "per-minute count, mean, min, max and deviation of the"
                    + " readings, derived from them in their own transaction; pruning past retention is audited"),
            Map.entry("telemetry.reading_rollup_hour", "per-hour count, mean, min, max and deviation of the readings,"
                    + " derived from them in their own transaction; pruning past retention is audited"),
            Map.entry("spc.violation", "derived deterministically from readings and the audited limits; high volume;"
                    + " the alerts raised from them are audited"),
            Map.entry("spc.chart_state", "the memory of a streaming chart (EWMA, CUSUM, subgroups) saved with each"
                    + " batch so another replica resumes it exactly; derived from the readings and the audited limits"),
            Map.entry("alerts.incident_signal", "one row per violation or anomaly detection grouped into an incident,"
                    + " keyed by its id (traceable to spc.violation or the AnomalyDetected event); the incident's opening and"
                    + " every change of its severity, top variables or status is audited"),
            Map.entry("alerts.incident_activity", "the time span and signal counts of an incident, moved by every batch"
                    + " of signals (derived from incident_signal); its opening and its changes are audited"),
            Map.entry("alerts.incident_variable", "per-variable tallies of an incident's signals for the ranking"
                    + " (derived from incident_signal); a change of the top variables is audited (Incident UPDATED)"),
            Map.entry("alerts.incident_alert", "links an incident to the alerts its signals went to (derived); the"
                    + " alerts' raising and every action on them are audited"),
            Map.entry("platform.outbox_event:UPDATE", "delivery bookkeeping of the relay (sent_at); the event row is"
                    + " inserted in the audited transaction of the change"),
            Map.entry("platform.outbox_event:DELETE", "the relay's clean-up of delivered events"),
            Map.entry("platform.user_account:UPDATE(failed_attempts,version)", "the consecutive failed-login counter (and its"
                    + " reset at the next good login); the lockout it leads to is audited (User LOCKED)"),
            // the platform job runner (io.poka.platform.jobs) stores progress with the owner's heartbeat since
            // V2026.12.09.70 gave these tables its columns
            Map.entry("baselines.training_job:UPDATE(heartbeat_at,steps_done)", "progress counter of a running job;"
                    + " its creation, start, success and failure are audited"),
            Map.entry("baselines.training_job:UPDATE(heartbeat_at)", "the owning replica's sign of life while a job runs"),
            Map.entry("prognostics.training_job:UPDATE(heartbeat_at,steps_done)", "progress counter of a running RUL"
                    + " training; its creation, start, success and failure are audited"),
            Map.entry("prognostics.training_job:UPDATE(heartbeat_at)", "the owning replica's sign of life while a job"
                    + " runs"),
            Map.entry("diagnosis.training_job:UPDATE(heartbeat_at)", "the owning replica's sign of life while a job runs"),
            Map.entry("platform.lease", "which replica runs the run-once work now (holder, expiry); no quality data,"
                    + " take-overs are logged"),
            Map.entry("scoring.stream_position", "how far a line's streamed scoring got and the alarm-rule and feature"
                    + " state of its next rows, saved with the anomaly events so another replica resumes exactly; derived"
                    + " from the readings and the promoted (audited) model"),
            Map.entry("scoring.line_activity", "counts of rows scored per line and minute for the active model's health"
                    + " (derived from the streaming scores; the anomalies themselves are events)"),
            Map.entry("scoring.training_job:UPDATE(heartbeat_at)", "the owning replica's sign of life while a job runs"),
            Map.entry("scoring.training_job:UPDATE(epochs_done,heartbeat_at,last_loss)", "progress of a running job;"
                    + " its creation, start, cancel, success and failure are audited"),
            Map.entry("audit.*", "the trail's own storage: entries, signature records, chain head, signing key and"
                    + " signed checkpoints are append-only and verified by the hash chain and the checkpoint signature"));

    @BeforeAll
    static void installProbe() throws SQLException {
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists audit_probe cascade");
            s.execute("create schema audit_probe");
            s.execute("create table audit_probe.write_log (txid bigint, tbl text, op text,"
                    + " primary key (txid, tbl, op))");
            // an UPDATE is logged with the columns it changed, e.g. UPDATE(status,started_at); one that changes nothing
            // is no change
            s.execute("create function audit_probe.log_write() returns trigger language plpgsql security definer as $$"
                    + " declare op text := tg_op; begin"
                    + " if tg_op = 'UPDATE' then select 'UPDATE(' || coalesce(string_agg(n.key, ',' order by n.key), '')"
                    + " || ')' into op from jsonb_each(to_jsonb(new)) n where (to_jsonb(old) -> n.key) is distinct from"
                    + " n.value; if op = 'UPDATE()' then return null; end if; end if;"
                    + " insert into audit_probe.write_log values (txid_current(),"
                    + " tg_table_schema || '.' || tg_table_name, op) on conflict do nothing; return null; end $$");
            for (String table : moduleTables(c)) {
                if (exempt(table, "INSERT") && exempt(table, "UPDATE") && exempt(table, "DELETE")
                        && !table.equals("audit.journal")) {
                    continue;
                }
                s.execute("create trigger zz_audit_probe after insert or update or delete on " + table
                        + " for each row execute function audit_probe.log_write()");
            }
        }
    }

    @AfterAll
    static void removeProbe() throws SQLException {
        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            for (String table : moduleTables(c)) {
                s.execute("drop trigger if exists zz_audit_probe on " + table);
            }
            s.execute("drop schema if exists audit_probe cascade");
        }
    }

    @Test
    void everyTransactionThatWritesAModuleTableAlsoAppendsToTheAuditTrail() throws Exception {
        driveEveryModule();

        try (Connection c = AuditTestSupport.superuser(); Statement s = c.createStatement()) {
            Map<String, Long> unaudited = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("select w.tbl, w.op, count(distinct w.txid) from audit_probe.write_log w"
                    + " where not exists (select 1 from audit_probe.write_log a where a.txid = w.txid"
                    + " and a.tbl = 'audit.journal') group by w.tbl, w.op")) {
                while (rs.next()) {
                    if (!exempt(rs.getString(1), rs.getString(2))) {
                        unaudited.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
                    }
                }
            }
            TreeSet<String> unwritten = new TreeSet<>();
            for (String table : moduleTables(c)) {
                if (!exempt(table, "INSERT") && count(s, "select count(*) from audit_probe.write_log where tbl = '"
                        + table + "'") == 0) {
                    unwritten.add(table);
                }
            }
            assertEquals(Map.of(), unaudited, "write paths that left no audit entry in their transaction"
                    + " (table:operation -> transactions)");
            assertEquals(new TreeSet<>(), unwritten, "module tables the workload never wrote: drive their write"
                    + " path in driveEveryModule() or declare them in EXEMPT with a reason");
        }
        assertTrue(AuditTestSupport.verify("").getBoolean("valid"));
    }

    /** Each module's write paths, through the API a client or the plant uses. */
    private static void driveEveryModule() throws Exception {
        // platform: users
        String user = AuditTestSupport.newUser(Roles.INSPECTOR);
        Api.asAdmin().body(Map.of("roles", List.of(Roles.INSPECTOR, Roles.AUDITOR)))
                .put("/api/v1/users/{u}/roles", user).then().statusCode(200);
        Api.as(user, "a-wrong-password").get("/api/v1/me").then().statusCode(401);
        AuditTestSupport.as(user).get("/api/v1/me").then().statusCode(200);

        // lots and inspections: plan, lots, genealogy, moves, an inspection (switching state), a hold (outbox),
        // an idempotent create, a signed disposition
        InspectedLots.Scenario scenario = InspectedLots.readyForRelease();
        LotFixtures.as(Roles.INTEGRATION).header("Idempotency-Key", LotFixtures.unique("key"))
                .body(LotFixtures.newLot(scenario.product(), LotFixtures.unique("EXT"))).post("/api/v1/lots").then()
                .statusCode(201);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("reason", "burr found"))
                .post("/api/v1/lots/" + scenario.lotId() + "/hold").then().statusCode(200);
        LotFixtures.as(Roles.QA_MANAGER).body(Map.of("decision", "REWORK", "reason", "deburr all units",
                "signature", Map.of("password", LotFixtures.PASSWORD, "meaning", "APPROVAL")))
                .post("/api/v1/lots/" + scenario.lotId() + "/dispositions").then().statusCode(201);

        // nonconformance: a defect code, an idempotent report with variables and a window (number counter, suspect
        // lots), an attachment, a signed containment, a signed disposition, the investigation and a signed closure
        io.poka.ncr.NcrWorkflowForAudit.drive();

        // ISO 2859-1 switching: two of the next lots rejected (Ac 1 / Re 2 for MAJOR) switch normal to tightened
        for (int i = 0; i < 2; i++) {
            String rejected = InspectedLots.create(scenario.product(), LotFixtures.unique("REJ"));
            Api.asAdmin().body(Map.of("to", "AWAITING_INSPECTION")).post("/api/v1/lots/" + rejected + "/moves").then()
                    .statusCode(200);
            String inspection = Api.asAdmin().header("Idempotency-Key", LotFixtures.unique("draft"))
                    .body(Map.of("lotId", rejected, "planId", scenario.planId(), "attributes", List.of(
                    Map.of("defectClass", "MAJOR", "nonconforming", 5), Map.of("defectClass", "MINOR",
                            "nonconforming", 0)))).post("/api/v1/inspections").then().statusCode(201).extract().path("id");
            if (i == 0) {
                // a photo of the defect (JPEG signature FF D8 FF), stored with the inspection
                Api.asAdmin().contentType("image/jpeg").body(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00})
                        .post("/api/v1/inspections/" + inspection + "/photos").then().statusCode(201);
            }
        }

        // telemetry and spc: a variable, readings that freeze automatic limits (auto-baseline 20), then entered
        // limits that the next readings violate (violations, alerts)
        String line = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(line, "pressure", "bar", "");
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TelemetryFixtures.postValues(line, "pressure", "bar", start,
                IntStream.range(0, 25).mapToObj(i -> 10 + (i % 5) * 0.1).toList());
        awaitAutomaticLimits(line);
        List<Map<String, Object>> frozen = AuditTestSupport.history("SpcControlLimits", line + "/pressure/v1");
        assertEquals(List.of("FROZEN"), frozen.stream().map(e -> e.get("action")).toList(),
                "the automatic freeze is in the trail");
        assertTrue(((String) frozen.get(0).get("reason")).startsWith("automatic baseline of 20 readings"),
                (String) frozen.get(0).get("reason"));
        assertEquals("system", ((Map<?, ?>) frozen.get(0).get("after")).get("frozenBy"));
        String notes = "/api/v1/spc/charts/" + line + "/pressure/annotations";
        String note = Api.asAdmin().body(Map.of("at", start.toString(), "text", "changed the nozzle")).post(notes)
                .then().statusCode(201).extract().path("id");
        Api.asAdmin().delete(notes + "/" + note).then().statusCode(204);
        Api.asAdmin().body(Map.of("rules", List.of("WE1", "WE2"), "reason", "zone rule opted in"))
                .put("/api/v1/spc/charts/" + line + "/pressure/rules").then().statusCode(200);
        String alertLine = AlertFixtures.lineWithWe1AndWe2Alerts();
        awaitAlert(alertLine);
        String incidentNotes = "/api/v1/incidents/" + Api.asAdmin().queryParam("line", alertLine)
                .get("/api/v1/incidents").then().statusCode(200).extract().path("items[0].id") + "/notes";
        String incidentNote = Api.asAdmin().body(Map.of("text", "called maintenance")).post(incidentNotes).then()
                .statusCode(201).extract().path("id");
        Api.asAdmin().delete(incidentNotes + "/" + incidentNote).then().statusCode(204);

        // notifications: a subscription to a line, an incident there writes its delivery (in the incident's
        // transaction), the worker's failed attempts at a closed port, and the deletion that cancels what is pending
        String notified = TelemetryFixtures.newLine();
        TelemetryFixtures.defineVariable(notified, "temp", "degC", "");
        Api.asAdmin().body(Map.of("center", 0.0, "sigma", 1.0, "studyReference", "study-1"))
                .post("/api/v1/spc/charts/" + notified + "/temp/limits/entered").then().statusCode(201);
        String subscription = Api.asAdmin().body(Map.of("name", "audit probe", "line", notified, "minSeverity", "LOW",
                "channel", "WEBHOOK", "target", "http://127.0.0.1:9/closed", "secret", "audit-probe-secret-0123"))
                .post("/api/v1/notifications/subscriptions").then().statusCode(201).extract().path("id");
        TelemetryFixtures.postValues(notified, "temp", "degC", start.plusSeconds(60), List.of(5.0, 6.0, 7.0));
        Api.asAdmin().delete("/api/v1/notifications/subscriptions/" + subscription).then().statusCode(204);

        // attribute charts: samples and phase I limits
        String chart = "/api/v1/spc/attribute-charts/" + LotFixtures.unique("chart");
        Instant sampled = Instant.now().minus(40, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 25; i++) {
            Api.asAdmin().body(Map.of("chartType", "P", "count", 3 + i % 4, "size", 100, "sampledAt",
                    sampled.plus(i, ChronoUnit.HOURS).toString())).post(chart + "/samples").then().statusCode(201);
        }
        Api.asAdmin().body(Map.of("from", sampled.toString(), "to", sampled.plus(25, ChronoUnit.HOURS).toString()))
                .post(chart + "/limits/phase-one").then().statusCode(201);

        // scoring: a data set, a training job, its model promoted
        ScoringFixtures.activeModel(LotFixtures.unique("tep"), 1);

        // baselines: a trained classifier, a training job, an anomaly comparison against a VAE-GAN
        String qa = LotFixtures.user(Roles.QA_MANAGER);
        Api.as(qa, LotFixtures.PASSWORD).body(Map.of("trainer", "logistic-regression"))
                .post("/api/v1/baselines/datasets/steel-plates/models").then().statusCode(201);
        String job = Api.as(qa, LotFixtures.PASSWORD).body(Map.of("trainer", "logistic-regression"))
                .post("/api/v1/baselines/datasets/steel-plates/training-jobs").then().statusCode(202).extract()
                .path("id");
        for (int i = 0; i < 600; i++) {
            String status = Api.as(qa, LotFixtures.PASSWORD).get("/api/v1/baselines/training-jobs/" + job).then()
                    .statusCode(200).extract().path("status");
            if (List.of("SUCCEEDED", "FAILED").contains(status)) {
                assertEquals("SUCCEEDED", status);
                break;
            }
            Thread.sleep(100);
        }
        // diagnosis: a cheap TEP fault classifier trained as a job (job row and model row)
        String diagnosisJob = Api.as(qa, LotFixtures.PASSWORD).body(Map.of("window", 20, "stride", 20, "epochs", 20,
                "faults", List.of(1))).post("/api/v1/diagnosis/datasets/tep/training-jobs").then().statusCode(202)
                .extract().path("id");
        for (int i = 0; i < 600; i++) {
            String status = Api.as(qa, LotFixtures.PASSWORD).get("/api/v1/diagnosis/training-jobs/" + diagnosisJob)
                    .then().statusCode(200).extract().path("status");
            if (List.of("SUCCEEDED", "FAILED").contains(status)) {
                assertEquals("SUCCEEDED", status);
                break;
            }
            Thread.sleep(100);
        }
        String normal = ScoringFixtures.uploadNormal(LotFixtures.unique("d00"));
        ScoringFixtures.train(normal, LotFixtures.unique("tep"), 1);
        String fault = ScoringFixtures.uploadFault(LotFixtures.unique("d06"), 6, 100);
        Api.as(qa, LotFixtures.PASSWORD).body(Map.of("datasetId", normal, "faultDatasets", List.of(Map.of(
                "datasetId", fault, "onsetRow", 20)))).post("/api/v1/baselines/anomaly-comparisons").then()
                .statusCode(201);

        // prognostics: a RUL training job and the model it stores
        io.poka.prognostics.RulFixtures.trainQuickModel();

        // capa: an action through its moves, an evaluation that passes at once (one lot, no NCR), the signed
        // closure, and an overdue one escalated (e-mail off in tests: the escalation is recorded as SKIPPED)
        String product = LotFixtures.unique("CAPA-P");
        String capa = io.poka.capa.CapaFixtures.open("audit probe", Instant.now().plus(30, ChronoUnit.DAYS),
                Map.of("kind", "NO_DEFECT_RECURRENCE", "defectCode", "AUDIT-PROBE", "product", product, "count", 1));
        io.poka.capa.CapaFixtures.startWindow(capa);
        io.poka.capa.CapaFixtures.lot(product);
        assertEquals("PASSED", io.poka.capa.CapaFixtures.evaluate(capa).getString("result"));
        io.poka.capa.CapaFixtures.close(capa, io.poka.capa.CapaFixtures.PASSWORD).then().statusCode(200);
        io.poka.capa.CapaFixtures.open("audit probe overdue", Instant.now().minus(1, ChronoUnit.DAYS), null);
        io.quarkus.arc.Arc.container().instance(io.poka.capa.internal.CapaScheduler.class).get().check();
    }

    private static void awaitAutomaticLimits(String line) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<?> versions = Api.asAdmin().get("/api/v1/spc/charts/" + line + "/pressure/limits").then()
                    .statusCode(200).extract().jsonPath().getList("$");
            if (!versions.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no automatic limits for " + line);
    }

    private static void awaitAlert(String line) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (AlertFixtures.alertId(line, "WE1") != null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no alert on " + line);
    }

    /** Exempt by table, by schema (schema.*), by operation (table:UPDATE) or by the exact columns an UPDATE changed. */
    private static boolean exempt(String table, String op) {
        String schema = table.substring(0, table.indexOf('.'));
        String kind = op.startsWith("UPDATE") ? "UPDATE" : op;
        return EXEMPT.containsKey(table) || EXEMPT.containsKey(table + ":" + op)
                || EXEMPT.containsKey(table + ":" + kind) || EXEMPT.containsKey(schema + ".*");
    }

    /** Every base table of every schema that Flyway manages (one per module), from the catalogue. */
    private static List<String> moduleTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_schema || '.' ||"
                + " table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in"
                + " ('pg_catalog', 'information_schema', 'public', 'audit_probe') and table_schema not like 'pg_%'"
                // a partition is written through its partitioned table, which stands for it here
                + " and not exists (select 1 from pg_inherits i where i.inhrelid = (quote_ident(table_schema) || '.'"
                + " || quote_ident(table_name))::regclass) order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
