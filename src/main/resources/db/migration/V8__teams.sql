-- Where the Teams bot can reach a person proactively: stored when the app is installed for them
-- (conversationUpdate), one 1:1 conversation per person.
CREATE TABLE teams_conversation (
    person_id       BIGINT PRIMARY KEY REFERENCES person (id),
    service_url     VARCHAR(500) NOT NULL,
    conversation_id VARCHAR(500) NOT NULL,
    tenant_id       VARCHAR(100),
    aad_object_id   VARCHAR(100),
    bot_id          VARCHAR(200),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
