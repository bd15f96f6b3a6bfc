package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayManager;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Swedish calendar is found whatever the creating thread's context class loader: under {@code exec:java} a
 * scheduled task created the bean first with a loader that did not see Jollyday's calendar source, and every bean
 * needing working days failed.
 */
class SwedishWorkingDaysLoaderTest {

    @Test
    void the_calendar_is_made_on_a_thread_whose_context_loader_sees_nothing() throws Exception {
        HolidayManager.clearManagerCache(); // another test may have made it already, with a loader that sees it
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(SwedishWorkingDays.sweden().isWorkingDay(LocalDate.parse("2024-06-21")));
            } catch (RuntimeException failure) {
                outcome.set(failure);
            }
        });
        thread.setContextClassLoader(new URLClassLoader(new URL[0], null));
        thread.start();
        thread.join();

        assertThat(outcome.get()).as("midsommarafton 2024 is no working day").isEqualTo(false);
        assertThat(Thread.currentThread().getContextClassLoader()).isNotInstanceOf(URLClassLoader.class);
    }
}
