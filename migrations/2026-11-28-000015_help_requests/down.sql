DELETE FROM notifications WHERE kind IN ('request_assigned', 'request_update', 'request_escalated');
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('event_cancelled', 'duty_reminder', 'team_request',
        'team_decision', 'case_assigned', 'case_update'));
DROP TABLE help_request_photos;
DROP TABLE help_request_notes;
DROP TABLE help_requests;
DROP TABLE open311_clients;
DROP TABLE handbook_editions;
ALTER TABLE communities DROP COLUMN code;
