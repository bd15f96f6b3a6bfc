-- The outbox claim takes the first due messages in (next_attempt_at, id) order. With id in the index, both databases
-- walk it in that order and stop after the batch; with (state, next_attempt_at) alone they read and sorted every due
-- message for each batch, so a reminder day's thousands of messages cost a sort per batch. The new index covers
-- everything the old one served.
CREATE INDEX outbox_due_order ON outbox_message (state, next_attempt_at, id);
DROP INDEX outbox_due;
