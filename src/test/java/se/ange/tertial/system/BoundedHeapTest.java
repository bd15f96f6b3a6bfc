package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import se.ange.tertial.bench.StartupBench;

/**
 * Every documented way to run the service bounds the heap (issue 17: with the JVM's default, a quarter of the
 * machine's memory, big reports grew the process to gigabytes) and uses the JIT's first compiler only, with the
 * options the start benchmark measures ({@link StartupBench#RUN_OPTIONS}), and Docker's image starts from a class
 * data sharing archive made by a training start at build time.
 */
class BoundedHeapTest {

    @Test
    void the_readme_runs_the_jar_with_the_run_options() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String options = String.join(" ", StartupBench.RUN_OPTIONS);
        assertThat(options).startsWith("-Xmx512m ").contains("-XX:TieredStopAtLevel=1");
        assertThat(readme).contains("java " + options + " -jar target/tertial.jar")
                .contains("java " + options + " -XX:SharedArchiveFile=target/tertial.jsa -jar target/tertial.jar")
                .contains("java " + options + " -XX:ArchiveClassesAtExit=target/tertial.jsa -jar target/tertial.jar")
                .doesNotContain("\njava -jar target/tertial.jar")
                .doesNotContain("\njava -Xmx512m -jar target/tertial.jar");
    }

    @Test
    void every_java_command_in_the_docs_and_the_config_examples_uses_the_run_options() throws Exception {
        Pattern javaCommand = Pattern.compile("java((?: -\\S+)*) -jar target/tertial\\.jar");
        int commands = 0;
        for (String file : List.of("README.md", "config/README.md", "config/application-h2.yml",
                "config/application-postgres.yml")) {
            Matcher command = javaCommand.matcher(Files.readString(Path.of(file)));
            while (command.find()) {
                commands++;
                assertThat(command.group(1).strip()).as("%s: %s", file, command.group())
                        .startsWith(String.join(" ", StartupBench.RUN_OPTIONS));
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(8);
    }

    @Test
    void mn_run_uses_the_run_options_and_a_later_option_still_wins() throws Exception {
        String jvmArguments = XPathFactory.newInstance().newXPath().evaluate(
                "/project/build/plugins/plugin[artifactId='micronaut-maven-plugin']/configuration/jvmArguments",
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()));
        assertThat(jvmArguments.trim()).startsWith(String.join(" ", StartupBench.RUN_OPTIONS) + " ")
                .endsWith("${mn.jvmArgs}");
    }

    @Test
    void the_docker_image_bounds_the_heap_and_starts_from_its_cds_archive() throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("ENV JAVA_TOOL_OPTIONS=\"-Xmx512m\"")
                .contains("-XX:ArchiveClassesAtExit=/app/cds/tertial.jsa")
                .contains("ENTRYPOINT [\"java\", \"-XX:TieredStopAtLevel=1\", \"-XX:MaxRAMPercentage=75\", "
                        + "\"-XX:SharedArchiveFile=/app/cds/tertial.jsa\", \"-jar\"");
        // the heap's bound is JAVA_TOOL_OPTIONS' (above), every other run option the entry point's
        assertThat(StartupBench.RUN_OPTIONS).allSatisfy(option -> assertThat(dockerfile).contains(
                option.startsWith("-Xmx") ? "ENV JAVA_TOOL_OPTIONS=\"" + option + "\"" : "\"" + option + "\""));
        // the archive is written before the entry point that uses it, by the same user
        assertThat(dockerfile.indexOf("-XX:ArchiveClassesAtExit")).isLessThan(dockerfile.indexOf("\nENTRYPOINT ["))
                .isGreaterThan(dockerfile.indexOf("\nUSER tertial"));
    }
}
