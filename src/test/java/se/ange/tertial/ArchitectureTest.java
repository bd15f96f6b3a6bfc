package se.ange.tertial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "se.ange.tertial", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The follow-up rules are plain Java: no framework, no database, no HTTP. */
    @ArchTest
    static final ArchRule followup_is_plain_java = noClasses().that().resideInAPackage("..followup..")
            .should().dependOnClassesThat().resideOutsideOfPackages("..followup..", "java..");

    /** Feature packages do not depend on each other in circles. */
    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("se.ange.tertial.(*)..")
            .should().beFreeOfCycles();
}
