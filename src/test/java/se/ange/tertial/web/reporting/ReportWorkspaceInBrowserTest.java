package se.ange.tertial.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ActivityState;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.web.SignInSteps;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The report workspace in a real Chromium, ten days after tertial 1 2024 ended: a manager marks their
 * department ready and stab sees it and reviews it; stab closes the tertial after the confirmation; the
 * downloads answer Word and PDF files with the session. Every state passes axe-core, for stab and manager.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-05-10T08:00:00Z")
class ReportWorkspaceInBrowserTest extends BrowserTest {

    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String JOHAN = "johan.nordin@ange.example";
    private static final Tertial T1 = new Tertial(2024, 1);

    @Inject
    TertialRecords records;

    private WebElement row(String department) {
        return browser.all(".rapport-readiness tbody tr").stream()
                .filter(tr -> tr.findElement(By.cssSelector("th")).getText().equals(department)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + department));
    }

    @Test
    void a_manager_marks_the_department_ready_and_stab_reviews_it() {
        freshPlan(SARA);
        SignInSteps.signIn(browser, outbox, people, JOHAN);
        browser.go("/rapport");
        assertThat(browser.path()).isEqualTo("/rapport/2024-T1");
        assertThat(browser.text("h1")).isEqualTo("Rapport – tertial 1 2024");
        assertThat(browser.find("a[aria-current=page]").getText()).isEqualTo("Rapport");
        assertThat(browser.text("main")).doesNotContain("inte klar:").doesNotContain("Stänga tertialet");
        assertThat(browser.all(".rapport-readiness tbody tr")).hasSize(1);
        browser.assertAccessible("rapport-01-manager");

        browser.clickAndAwaitNewPage(row("Staben").findElement(By.cssSelector("button[value=MARK_READY]")));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Avdelningen är markerad som klar.");
        assertThat(row("Staben").getText()).contains("Klar").contains("Johan Nordin").contains("10 maj 2024");
        assertThat(row("Staben").findElements(By.cssSelector("button[value=TAKE_BACK]"))).hasSize(1);
        browser.assertAccessible("rapport-02-manager-ready");

        browser.driver().manage().deleteAllCookies();
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/rapport/2024-T1");
        assertThat(browser.all(".rapport-readiness tbody tr")).hasSize(5);
        assertThat(row("Staben").getText()).contains("Klar").contains("Johan Nordin");
        assertThat(browser.text("main")).contains("4 avdelningar är inte klara")
                .contains("Socialavdelningen – Maria Sjöberg").doesNotContain("Staben – Johan Nordin");
        browser.assertAccessible("rapport-03-stab");

        // sending back needs a note: refused next to the field and in the summary
        row("Staben").findElement(By.cssSelector("summary")).click();
        browser.clickAndAwaitNewPage(row("Staben").findElement(By.cssSelector("button[value=SEND_BACK]")));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Skriv vad som behöver kompletteras.");
        assertThat(row("Staben").findElement(By.cssSelector("textarea")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("rapport-04-stab-note-missing");

        browser.clickAndAwaitNewPage(row("Staben").findElement(By.cssSelector("button[value=REVIEW]")));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Avdelningen är markerad som granskad.");
        assertThat(row("Staben").getText()).contains("Granskad").contains("Sara Lindqvist")
                .contains("klarmarkerad av Johan Nordin");
        browser.assertAccessible("rapport-05-stab-reviewed");
    }

    @Test
    void stab_closes_the_tertial_after_the_confirmation() {
        Api stab = freshPlan(SARA);
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/rapport/2024-T1");
        String goalPage = browser.find(".rapport-goals tbody a").getAttribute("href");
        browser.clickAndAwaitNewPage(browser.find("a[href='/rapport/2024-T1/stang']"));
        browser.await("form[action='/rapport/2024-T1/stang']");
        assertThat(browser.text("h1")).isEqualTo("Stäng tertial 1 2024");
        assertThat(browser.text("main")).contains("status, kommentar och datum för varje aktivitet")
                .contains("kan inte längre ändras").contains("5 avdelningar är inte klara")
                .contains("Stängningen går inte att ångra.");
        browser.assertAccessible("rapport-06-close-confirm");

        browser.clickAndAwaitNewPage(browser.find("form[action='/rapport/2024-T1/stang'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.path()).startsWith("/rapport/2024-T1?sparad=stangd");
        assertThat(browser.text("p[role=status]")).isEqualTo("Tertialet är stängt.");
        assertThat(browser.text(".lead")).contains("Tertialet stängdes 10 maj 2024").contains("Sara Lindqvist");
        assertThat(browser.all("a[href='/rapport/2024-T1/stang']")).isEmpty();
        assertThat(browser.all(".rapport-readiness button")).isEmpty();
        assertThat(browser.text("main")).contains("Tertialet stängdes innan 5 avdelningar var klara")
                .doesNotContain("är inte klara");
        browser.assertAccessible("rapport-07-closed");

        browser.go("/rapport/2024-T1/stang");
        assertThat(browser.text(".notice")).contains("Tertialet stängdes 10 maj 2024");
        assertThat(browser.all("form[action='/rapport/2024-T1/stang']")).isEmpty();

        // what the confirmation said: a goal's assessment can no longer be decided for the closed tertial
        String[] parts = goalPage.split("/mal/")[1].split("/");
        var decision = stab.exchange(HttpRequest.PUT("/api/goals/" + parts[0] + "/" + parts[1]
                + "/assessments/2024-T1", Map.of("assessment", "Uppfylld")));
        assertThat(decision.code()).isEqualTo(409);
        assertThat(Api.body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", true);
        // and a status report that comes in later is kept, but the closed tertial's reports stay as they were
        ActivityState frozen = records.state(T1).activities().get(0);
        var late = stab.postJson("/api/activities/" + frozen.ref() + "/reports",
                Map.of("tertial", "2024-T1", "status", "AVSLUTAD_MED_AVVIKELSE", "comment", "Sent inrapporterat"));
        assertThat(late.code()).isEqualTo(201);
        assertThat(records.state(T1).activities()).filteredOn(a -> a.ref().equals(frozen.ref())).singleElement()
                .satisfies(a -> assertThat(a.comment()).isEqualTo(frozen.comment()).isNotEqualTo("Sent inrapporterat"));
    }

    @Test
    void the_downloads_answer_word_and_pdf_with_the_session() throws Exception {
        freshPlan(SARA);
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/rapport/2024-T1");
        assertThat(browser.all(".rapport-documents tbody tr")).hasSize(7); // five departments, the board's, the memo
        String docxLink = browser.find(".rapport-documents a[href*='department=Staben'][href$='format=docx']")
                .getAttribute("href");
        String pdfLink = browser.find(".rapport-documents a[href*='kind=maluppfoljning'][href$='format=pdf']")
                .getAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed(WebSessions.COOKIE);

        HttpResponse<byte[]> docx = fetch(docxLink, session);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("Uppsiktsrapport%20T1%202024%20Staben.docx"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("Uppsiktsrapport").contains("Staben");
        }
        HttpResponse<byte[]> pdf = fetch(pdfLink, session);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fetch(pdfLink, null).statusCode()).isNotEqualTo(200); // not without the session
    }

    private static HttpResponse<byte[]> fetch(String url, Cookie session) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
