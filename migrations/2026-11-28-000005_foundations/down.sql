DROP INDEX login_failures_ip_idx;
UPDATE registry_imports SET status = 'failed' WHERE status = 'interrupted';
ALTER TABLE registry_imports DROP CONSTRAINT registry_imports_status_check;
ALTER TABLE registry_imports ADD CONSTRAINT registry_imports_status_check
    CHECK (status IN ('running', 'validated', 'imported', 'failed'));
DROP TABLE jobs;

DROP TABLE state_changes;
