ALTER TABLE users DROP COLUMN resident_id;
ALTER TABLE households DROP CONSTRAINT households_head_fk;
DROP TABLE residents;
DROP TABLE households;
DROP TABLE resident_groups;
