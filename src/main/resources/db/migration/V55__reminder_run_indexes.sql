-- A reminder run reads the managers and stab by role and the deputies, not every person (person_role had only its
-- (person_id, role) key; PostgreSQL does not index a foreign key by itself), and what was already sent on its days
-- by kind and day, not the whole outbox history.
CREATE INDEX person_role_by_role ON person_role (role, person_id);
CREATE INDEX person_deputy ON person (deputy_id);
CREATE INDEX outbox_sent_on ON outbox_message (kind, send_on);
