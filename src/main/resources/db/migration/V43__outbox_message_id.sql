-- The Message-ID an outbox message goes out with, fixed when the message is created and reused on every
-- retry, so a copy sent twice (a crash between the SMTP send and the commit) is recognisably the same mail.
-- Rows from before this migration get one at their next delivery attempt (mail.MessageIds).
ALTER TABLE outbox_message ADD COLUMN message_id VARCHAR(255);
