-- "My activities" (the owner's page, chat, mail examples) are looked up by owner, not by reading the register
CREATE INDEX activity_owner_person ON activity_owner (person_id);
