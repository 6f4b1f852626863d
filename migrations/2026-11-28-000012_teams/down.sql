ALTER TABLE events DROP CONSTRAINT events_team_audience, DROP COLUMN venue_pledge_id, DROP COLUMN team_id, DROP COLUMN audience;
DROP TABLE team_equipment;
DROP TABLE team_members;
DROP TABLE teams;
