DROP TABLE event_series_exceptions;
DROP TABLE event_series;
