-- A reminder run reads what its day concerns (issue 17): the activities ending in a span of dates, and the
-- reminders already enqueued about a tertial or about those activities.
CREATE INDEX activity_end_date ON activity (end_date);
CREATE INDEX reminder_item_tertial ON reminder_item (tertial);
CREATE INDEX reminder_item_activity ON reminder_item (activity_ref);
