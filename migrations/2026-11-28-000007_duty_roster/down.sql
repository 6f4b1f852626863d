DROP TABLE duty_reports;
DROP TABLE duty_assignments;
DROP TABLE duty_unavailability;
DROP TABLE duty_holidays;
DROP TABLE duty_rules;
