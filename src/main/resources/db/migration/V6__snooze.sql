-- "Påminn KS2024-017 om 3 dagar": no reminder about the activity to the person before until_day.
CREATE TABLE reminder_snooze (
    person_id    BIGINT      NOT NULL REFERENCES person (id),
    activity_ref VARCHAR(40) NOT NULL,
    until_day    DATE        NOT NULL,
    PRIMARY KEY (person_id, activity_ref)
);
