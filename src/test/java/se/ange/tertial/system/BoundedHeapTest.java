package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;

/**
 * Every documented way to run the service bounds the heap (issue 17: with the JVM's default, a quarter of the
 * machine's memory, big reports grew the process to gigabytes), and Docker's image starts from a class data sharing
 * archive made by a training start at build time.
 */
class BoundedHeapTest {

    @Test
    void the_readme_runs_the_jar_with_a_bounded_heap() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("java -Xmx512m -jar target/tertial.jar")
                .contains("java -Xmx512m -XX:SharedArchiveFile=target/tertial.jsa -jar target/tertial.jar")
                .doesNotContain("\njava -jar target/tertial.jar");
    }

    @Test
    void mn_run_bounds_the_heap_and_a_later_xmx_still_wins() throws Exception {
        String jvmArguments = XPathFactory.newInstance().newXPath().evaluate(
                "/project/build/plugins/plugin[artifactId='micronaut-maven-plugin']/configuration/jvmArguments",
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()));
        assertThat(jvmArguments.trim()).startsWith("-Xmx512m ").endsWith("${mn.jvmArgs}");
    }

    @Test
    void the_docker_image_bounds_the_heap_and_starts_from_its_cds_archive() throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("ENV JAVA_TOOL_OPTIONS=\"-Xmx512m\"")
                .contains("-XX:ArchiveClassesAtExit=/app/cds/tertial.jsa")
                .contains("\"-XX:MaxRAMPercentage=75\", \"-XX:SharedArchiveFile=/app/cds/tertial.jsa\", \"-jar\"");
        // the archive is written before the entry point that uses it, by the same user
        assertThat(dockerfile.indexOf("-XX:ArchiveClassesAtExit")).isLessThan(dockerfile.indexOf("\nENTRYPOINT ["))
                .isGreaterThan(dockerfile.indexOf("\nUSER tertial"));
    }
}
