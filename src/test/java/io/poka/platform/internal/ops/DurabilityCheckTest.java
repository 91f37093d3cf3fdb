package io.poka.platform.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DurabilityCheckTest {
    @Inject
    DurabilityCheck check;

    @Test
    void theServerPokaStartsCommitsDurablySoNothingIsWarned() throws Exception {
        Map<String, String> settings = check.settings();
        assertEquals("on", settings.get("synchronous_commit"), "zonky's default (off) is overridden");
        assertEquals("on", settings.get("fsync"));
        assertEquals("on", settings.get("full_page_writes"));
        assertTrue(DurabilityCheck.warnings(settings).isEmpty());
    }

    @Test
    void eachSettingThatLetsACrashLoseCommittedDataIsWarnedAbout() {
        assertEquals(1, DurabilityCheck.warnings(Map.of("synchronous_commit", "off", "fsync", "on",
                "full_page_writes", "on")).size());
        assertEquals(3, DurabilityCheck.warnings(Map.of("synchronous_commit", "off", "fsync", "off",
                "full_page_writes", "off")).size());
        assertTrue(DurabilityCheck.warnings(Map.of("synchronous_commit", "local", "fsync", "on",
                "full_page_writes", "on")).isEmpty(), "local still flushes the WAL before the commit returns");
    }
}
