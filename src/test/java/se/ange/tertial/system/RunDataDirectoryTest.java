package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code mvn mn:run} runs the service inside {@code target/} (the micronaut-maven-plugin's working directory),
 * where {@code ./data} would go with the next {@code mvn clean}. The build gives it the project's {@code data/}
 * instead, the directory {@code java -jar target/tertial.jar} uses when started in the project, unless
 * {@code TERTIAL_DATA_DIR} is set.
 */
class RunDataDirectoryTest {

    @Test
    void mn_run_is_given_the_projects_data_directory_unless_tertial_data_dir_is_set() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();

        String jvmArguments = xpath.evaluate("/project/build/plugins/plugin[artifactId='micronaut-maven-plugin']"
                + "/configuration/jvmArguments", pom);
        assertThat(jvmArguments).contains("${tertial.run.jvmArgs}").contains("${mn.jvmArgs}");

        String profile = "/project/profiles/profile[properties/*[local-name()='tertial.run.jvmArgs']]";
        assertThat(xpath.evaluate(profile + "/activation/property/name", pom)).isEqualTo("!env.TERTIAL_DATA_DIR");
        assertThat(xpath.evaluate(profile + "/properties/*[local-name()='tertial.run.jvmArgs']", pom))
                .isEqualTo("\"-Dtertial.data-dir=${project.basedir}/data\"");
        assertThat(xpath.evaluate("/project/properties/*[local-name()='tertial.run.jvmArgs']", pom)).isEmpty();
    }

    @Test
    void the_data_directory_is_kept_out_of_git_and_of_docker_images() throws Exception {
        assertThat(java.nio.file.Files.readAllLines(Path.of(".gitignore"))).contains("data/", "target/");
        assertThat(java.nio.file.Files.readAllLines(Path.of(".dockerignore"))).contains("data/", "target/");
    }
}
