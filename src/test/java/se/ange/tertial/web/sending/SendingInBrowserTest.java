package se.ange.tertial.web.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.support.Ports;
import se.ange.tertial.web.SignInSteps;

/**
 * /utskick in a real Chromium: a message that died while the mail server was down is sent again once it is
 * back, and arrives once; the calendar shows the last reminder before the T1 close of the 2024 plan; the audit
 * log finds a report by its activity. Every state passes axe-core, for stab and for the admin.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class SendingInBrowserTest extends BrowserTest implements TestPropertyProvider {

    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";

    private ServerSetup smtpSetup;
    private GreenMail smtp;

    @Inject
    OutboxDelivery delivery;

    @Override
    public Map<String, String> getProperties() {
        smtpSetup = new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(smtpSetup);
        smtp.start();
        return Map.of("tertial.mail.smtp.host", "127.0.0.1",
                "tertial.mail.smtp.port", String.valueOf(smtpSetup.getPort()),
                "tertial.mail.smtp.timeout-millis", "2000",
                "tertial.mail.reply-address", "tertial@ange.example",
                "tertial.outbox.max-attempts", "1");
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_dead_message_is_sent_again_after_the_mail_server_is_back_and_arrives_once() throws MessagingException {
        freshPlan(SARA);
        SignInSteps.signIn(browser, outbox, people, SARA);
        smtp.stop(); // the channel goes down
        Instant now = Instant.parse("2024-04-10T08:00:00Z");
        OutboxMessage notice = outbox.save(OutboxMessage.prepared(people.findByEmail(EMMA).orElseThrow().id(),
                MessageKind.NOTICE, "NOTICE/utskick-test", "Ett svar i ditt namn avvisades", "Hej Emma!", null,
                LocalDate.of(2024, 4, 10), now));
        drain();
        assertThat(outbox.findById(notice.id()).orElseThrow().state()).isEqualTo(OutboxState.DEAD);

        browser.go("/utskick/utkorg?state=DEAD");
        String row = "#m" + notice.id();
        assertThat(browser.text(row)).contains("Emma Berglund").contains("E-post").contains("Meddelande")
                .contains("Ett svar i ditt namn avvisades").contains("Misslyckades");
        assertThat(browser.text(row + " td.last-error")).isNotBlank();
        browser.assertAccessible("utskick-01-utkorg-dod");

        smtp = new GreenMail(smtpSetup); // the channel recovers
        smtp.start();
        browser.clickAndAwaitNewPage(browser.find(row + " button.retry"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).contains("Meddelandet till Emma Berglund väntar igen");
        assertThat(browser.path()).startsWith("/utskick/utkorg?state=DEAD");
        browser.assertAccessible("utskick-02-forsok-igen");

        drain();
        browser.go("/utskick/utkorg");
        assertThat(browser.text(row)).contains("Skickat").doesNotContain("Försök igen");
        browser.assertAccessible("utskick-03-skickat");
        MimeMessage[] arrived = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return "Ett svar i ditt namn avvisades".equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
        assertThat(arrived).hasSize(1);
        assertThat(arrived[0].getAllRecipients()[0].toString()).contains(EMMA);
    }

    @Test
    void the_calendar_shows_the_last_reminder_before_the_first_tertial_closes() {
        freshPlan(SARA);
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/utskick");
        assertThat(browser.text("h2")).isEqualTo("Påminnelser de kommande 30 dagarna");
        String day = "#d2024-04-30";
        assertThat(browser.text(day)).startsWith("Tisdag 30 april").contains("påminns");
        assertThat(browser.text("main")).contains("Inga utskick");
        browser.find(day + " details summary").click();
        assertThat(browser.text(day + " details")).contains("Sista påminnelsen om rapport för T1 2024")
                .contains("KS2024-");
        browser.assertAccessible("utskick-04-kalender-stab");

        browser.driver().manage().deleteAllCookies();
        browser.go("/login");
        browser.find(".first-start summary").click();
        browser.find("#key").sendKeys(Api.BOOTSTRAP_ADMIN);
        browser.clickAndAwaitNewPage(browser.find("form[action='/login/nyckel'] button[type=submit]"));
        browser.await("main h1");
        for (String path : new String[] {"/utskick", "/utskick/utkorg", "/utskick/inkommande", "/utskick/logg"}) {
            browser.go(path);
            assertThat(browser.find("nav.tabs a[aria-current=page]").getAttribute("href")).endsWith(path);
            browser.assertAccessible("utskick-05-admin" + path.replace('/', '-'));
        }
    }

    @Test
    void the_audit_log_finds_a_report_by_its_activity() {
        Api stab = freshPlan(SARA);
        Map<String, Object> body = Map.of("tertial", "2024-T1", "status", "PAGAENDE_MED_AVVIKELSE",
                "comment", "Upphandlingen dröjer");
        assertThat(stab.postJson("/api/activities/KS2024-004/reports", body).code()).isEqualTo(201);
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/utskick/logg");
        browser.assertAccessible("utskick-06-logg");
        browser.find("#f-activity").sendKeys("KS2024-004");
        browser.clickAndAwaitNewPage(browser.find("#f-submit"));
        browser.await("#audit");
        assertThat(browser.path()).startsWith("/utskick/logg?");
        assertThat(browser.all("#audit tbody tr")).isNotEmpty().allSatisfy(tr -> assertThat(tr.getText())
                .contains("activity:KS2024-004"));
        assertThat(browser.text("#audit")).contains("API");
        browser.find("#audit tbody tr details summary").click();
        assertThat(browser.text("#audit tbody tr details")).contains("Upphandlingen dröjer");
        browser.assertAccessible("utskick-07-logg-aktivitet");

        browser.go("/utskick/logg?from=2024-13-01");
        browser.await(".error-summary");
        browser.assertAccessible("utskick-08-logg-fel");
    }

    private void drain() {
        while (delivery.deliverOne()) {
            // one pass over what is due
        }
    }
}
