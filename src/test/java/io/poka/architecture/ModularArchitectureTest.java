package io.poka.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md: a module's root package is its public face, {@code internal} packages are
 * private to their module, and modules do not depend on each other in cycles; the platform depends on no module.
 */
class ModularArchitectureTest {
    private static final String BASE = "io.poka";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** The module a class belongs to: the first package below io.poka. */
    static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().length() > BASE.length() ? c.getPackageName().substring(BASE.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean isInternal(JavaClass c) {
        return c.getPackageName().contains(".internal");
    }

    @Test
    void internalsOfAModuleAreUsedOnlyByThatModule() {
        ArchCondition<JavaClass> onlyOwnInternals = new ArchCondition<>("use only their own module's internals") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith(BASE + ".") && isInternal(target)
                            && !moduleOf(target).equals(moduleOf(origin))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(BASE + "..")
                .should(onlyOwnInternals).check(CLASSES);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void platformDependsOnNoBusinessModule() {
        noClasses().that().resideInAPackage(BASE + ".platform..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "belong to a business module", (JavaClass c) -> c.getPackageName().startsWith(BASE + ".")
                                && !moduleOf(c).equals("platform")))
                .check(CLASSES);
    }

    @Test
    void noModuleDependsOnTheWebUi() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".admin..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".admin..")
                .check(CLASSES);
    }

    /**
     * Test code of one module uses another module's internals only where named here, with the reason; the shared test
     * infrastructure (io.poka.testing) may use any. Each entry is a test class and the internal class it uses.
     */
    static final Map<String, String> TEST_USES_OF_OTHER_INTERNALS = Map.ofEntries(
            Map.entry("io.poka.admin.RulBrowserTest -> io.poka.prognostics.internal.model.Fd001",
                    "reads the C-MAPSS data set the page is driven with"),
            Map.entry("io.poka.admin.RulBrowserTest -> io.poka.prognostics.internal.model.UnitHistory",
                    "reads the C-MAPSS data set the page is driven with"),
            Map.entry("io.poka.admin.CapaLoopBrowserTest -> io.poka.scoring.internal.data.NumericTable",
                    "reads the TEP table the loop is driven with"),
            Map.entry("io.poka.alerts.TepDemoIncidentsTest -> io.poka.telemetry.internal.TepRun",
                    "replays a TEP run, as the demo plant does"),
            Map.entry("io.poka.spc.AutocorrelatedChartsEndToEndTest -> io.poka.telemetry.internal.TepRun",
                    "replays a TEP run, as the demo plant does"),
            Map.entry("io.poka.spc.internal.TepDemoPlantSignalsTest -> io.poka.telemetry.internal.TepRun",
                    "replays a TEP run, as the demo plant does"),
            Map.entry("io.poka.spc.internal.TepDemoPlantSignalsTest -> io.poka.telemetry.internal.DemoPlant",
                    "checks the demo plant's own signals"),
            Map.entry("io.poka.audit.EveryWriteIsAuditedTest -> io.poka.capa.internal.CapaScheduler",
                    "runs the CAPA check job, a write path, on demand"),
            Map.entry("io.poka.contract.DiagnosisContractTest -> io.poka.diagnosis.internal.model.TepFaultRuns",
                    "reads the TEP fault runs the contract is checked with"),
            Map.entry("io.poka.contract.PrognosticsContractTest -> io.poka.prognostics.internal.model.Fd001",
                    "reads the C-MAPSS data set the contract is checked with"),
            Map.entry("io.poka.contract.PrognosticsContractTest -> io.poka.prognostics.internal.model.UnitHistory",
                    "reads the C-MAPSS data set the contract is checked with"),
            Map.entry("io.poka.platform.ReplicasFailoverIT -> io.poka.scoring.internal.data.NumericTable",
                    "reads the TEP table its scored line streams"),
            Map.entry("io.poka.capa.CapaEffectivenessCriteriaTest -> io.poka.scoring.internal.data.NumericTable",
                    "reads the TEP table the effectiveness check is driven with"),
            Map.entry("io.poka.contract.PublishedEventTypes -> io.poka.lots.internal.LotService",
                    "finds the published event types by scanning the application's classes"),
            Map.entry("io.poka.contract.RecordedExamples -> io.poka.platform.internal.openapi.RecordedExamples",
                    "writes the examples the OpenAPI document serves"),
            Map.entry("io.poka.notifications.NotificationsRestartIT -> io.poka.platform.internal.embedded.PostgresServerSettings",
                    "starts the database the packaged application uses, as RealInfrastructure does"));

    @Test
    void testCodeOfAModuleUsesAnotherModulesInternalsOnlyWhereNamed() {
        // the rule needs only the names of the classes used: no resolving them from the class path (seconds saved)
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolving = config.resolveMissingDependenciesFromClassPath();
        JavaClasses tests;
        try {
            config.setResolveMissingDependenciesFromClassPath(false);
            // only the directory this test was compiled into: scanning the whole class path for io.poka costs seconds
            tests = new ClassFileImporter().importLocations(Set.of(Location.of(
                    ModularArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation())));
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolving);
        }
        Set<String> found = new TreeSet<>();
        for (JavaClass origin : tests) {
            String module = moduleOf(origin);
            if (module.equals("testing")) {
                continue; // shared test infrastructure
            }
            origin.getDirectDependenciesFromSelf().forEach(d -> {
                JavaClass target = d.getTargetClass();
                if (target.getPackageName().startsWith(BASE + ".") && isInternal(target)
                        && !moduleOf(target).equals(module)) {
                    found.add(topLevel(origin) + " -> " + topLevel(target));
                }
            });
        }
        assertTrue(tests.size() > 100, "imported " + tests.size() + " test classes");
        Set<String> unnamed = new TreeSet<>(found);
        unnamed.removeAll(TEST_USES_OF_OTHER_INTERNALS.keySet());
        assertTrue(unnamed.isEmpty(), "test code uses another module's internals (use its *Api, or name the use in "
                + "TEST_USES_OF_OTHER_INTERNALS with the reason): " + unnamed);
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Test
    void theRulesSeeTheCode() {
        // Guards against an import that finds nothing, which would make every rule above pass vacuously.
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.size() > 20, "imported " + CLASSES.size() + " classes");
        org.junit.jupiter.api.Assertions.assertTrue(
                CLASSES.stream().map(ModularArchitectureTest::moduleOf).distinct().count() >= 2);
    }
}
