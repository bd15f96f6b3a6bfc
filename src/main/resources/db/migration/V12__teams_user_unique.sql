-- One person per Teams (Entra) user: a Teams user must never act as two register people.
CREATE UNIQUE INDEX person_teams_user ON person (teams_user_id);
