package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A reminder item's key: purpose, tertial when it has one, activity and step. */
class ReminderItemTest {

    private static ReminderItem item(ReminderPurpose purpose, String tertial) {
        return new ReminderItem(purpose, "first", tertial, "KS2024-001", "Titel", LocalDate.parse("2024-12-31"), null, null,
                null);
    }

    @Test
    void the_key_names_the_tertial_only_when_the_item_has_one() {
        ReminderPurpose purpose = ReminderPurpose.TERTIAL_REPORT;
        assertThat(item(purpose, "2024-T1").key()).isEqualTo("TERTIAL_REPORT/2024-T1/KS2024-001/first");
        assertThat(item(purpose, null).key()).isEqualTo("TERTIAL_REPORT/KS2024-001/first");
    }
}
