DELETE FROM notifications WHERE kind IN ('case_assigned', 'case_update');
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('event_cancelled', 'duty_reminder', 'team_request', 'team_decision'));
DROP TABLE campaign_visits;
DROP TABLE visit_campaigns;
DROP TABLE elderly_cards;
DROP TABLE case_entries;
DROP TABLE case_steps;
DROP TABLE assistance_cases;
DROP TABLE case_types;
ALTER TABLE users DROP COLUMN supervisor;
DROP TABLE work_calendar_days;
