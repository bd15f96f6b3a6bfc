package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Browser;

/** Signs a person in through the real e-mail link flow: the form, the link from the outbox, the button. */
public final class SignInSteps {

    private static final Pattern LINK = Pattern.compile("(/login/tert_[A-Za-z0-9_-]+)");

    private SignInSteps() {
    }

    /** Asks for a link on the sign-in page (the browser must be on it). */
    public static void askForLink(Browser browser, String email) {
        browser.find("#email").clear();
        browser.find("#email").sendKeys(email);
        browser.clickAndAwaitNewPage(browser.find("form[action='/login'] button[type=submit]"));
        try {
            browser.await("p[role=status]");
        } catch (RuntimeException e) {
            throw new AssertionError("No confirmation after asking for a link; page " + browser.path() + ":\n"
                    + browser.driver().getPageSource(), e);
        }
    }

    /** The path of the newest sign-in link mailed to this person (waits for the background send). */
    public static String linkFor(OutboxRepository outbox, PersonRepository people, String email) {
        Long id = people.findByEmail(email).orElseThrow().id();
        for (int i = 0; i < 100; i++) {
            Optional<OutboxMessage> mail = outbox.findAllOrderById().stream()
                    .filter(m -> m.kind() == MessageKind.SIGN_IN && m.recipientId().equals(id))
                    .reduce((first, second) -> second);
            if (mail.isPresent()) {
                Matcher matcher = LINK.matcher(mail.get().bodyText());
                assertThat(matcher.find()).as("a link in %s", mail.get().bodyText()).isTrue();
                return matcher.group(1);
            }
            sleep();
        }
        throw new AssertionError("No sign-in link was mailed to " + email);
    }

    /** The whole flow from any page: sign-in page, link, button; ends on the page the link leads to. */
    public static void signIn(Browser browser, OutboxRepository outbox, PersonRepository people, String email) {
        long before = outbox.count();
        browser.go("/login");
        askForLink(browser, email);
        for (int i = 0; i < 100 && outbox.count() == before; i++) {
            sleep();
        }
        browser.go(linkFor(outbox, people, email));
        browser.clickAndAwaitNewPage(browser.find("#confirm")); // the confirm page has a main h1 too
        browser.await("main h1");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
