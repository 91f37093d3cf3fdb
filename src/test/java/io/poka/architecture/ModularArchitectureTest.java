package io.poka.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

    @Test
    void theRulesSeeTheCode() {
        // Guards against an import that finds nothing, which would make every rule above pass vacuously.
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.size() > 20, "imported " + CLASSES.size() + " classes");
        org.junit.jupiter.api.Assertions.assertTrue(
                CLASSES.stream().map(ModularArchitectureTest::moduleOf).distinct().count() >= 2);
    }
}
