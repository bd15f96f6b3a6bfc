-- Slack requests already handled: Slack signs a request with its timestamp, and a signed request is accepted
-- for 5 minutes either side of that timestamp; a copy of it delivered again within that window (a replay, or
-- a second delivery through a proxy) must not record anything twice. The key is a SHA-256 of the timestamp
-- and the signature; the primary key makes "insert, or find it was already there" one statement on every
-- instance. Rows are pruned once the request's window is over (expires_at).
-- Written once for H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE slack_request_seen (
    request_key VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX slack_request_seen_expires ON slack_request_seen (expires_at);
