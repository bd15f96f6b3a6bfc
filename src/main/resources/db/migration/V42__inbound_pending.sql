-- A received mail is kept as it arrived (outcome PENDING, its own commit) before it is handled, so a failure
-- afterwards (database gone, a reply that breaks the parser) loses nothing: handling is retried from the kept
-- message with back-off until it succeeds. attempts counts the failed handlings; next_attempt_at is when the
-- next one is due (NULL: at once).
ALTER TABLE inbound_mail ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE inbound_mail ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX inbound_mail_pending ON inbound_mail (outcome, next_attempt_at);
