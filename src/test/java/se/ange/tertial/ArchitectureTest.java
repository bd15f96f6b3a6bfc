package se.ange.tertial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.ExecuteOn;

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

    /**
     * Controllers read the database (JDBC blocks) and render reports: they run on the blocking pool, never on
     * Netty's event loop. Without it a controller ran on whichever thread finished the token check (the event loop
     * when it was quick), and one long report stalled every request sharing that loop.
     */
    @ArchTest
    static final ArchRule controllers_run_off_the_event_loop = classes().that().areAnnotatedWith(Controller.class)
            .should().beAnnotatedWith(ExecuteOn.class);
}
