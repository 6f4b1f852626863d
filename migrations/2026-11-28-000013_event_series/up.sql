-- Recurring events (the nightly square activity): one row with an RFC 5545 recurrence rule, and
-- one row per exception (a night called off), never a copied row per night.
CREATE TABLE event_series (
    id               uuid PRIMARY KEY,
    community_id     uuid NOT NULL REFERENCES communities (id),
    kind             text NOT NULL CHECK (kind IN ('lecture', 'performance', 'cleanup', 'meeting', 'square')),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    place            text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
    venue_pledge_id  uuid REFERENCES pledges (id),
    -- The first occurrence's date and the local (Asia/Shanghai) times of every occurrence.
    first_day        date NOT NULL,
    starts_local     time NOT NULL,
    ends_local       time NOT NULL,
    -- The RRULE value, e.g. FREQ=DAILY;UNTIL=20261231T235959Z (checked by the API).
    rrule            text NOT NULL CHECK (length(rrule) BETWEEN 6 AND 300),
    -- Heads the square usually draws, for the venue's owner (no registration).
    expected_size    integer CHECK (expected_size BETWEEN 0 AND 100000),
    created_by       uuid NOT NULL REFERENCES users (id),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_local > starts_local)
);
CREATE INDEX event_series_community_idx ON event_series (community_id);
CREATE INDEX event_series_venue_idx ON event_series (venue_pledge_id) WHERE venue_pledge_id IS NOT NULL;

-- An occurrence called off (rain, a holiday): iCal EXDATE.
CREATE TABLE event_series_exceptions (
    series_id     uuid NOT NULL REFERENCES event_series (id),
    day           date NOT NULL,
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, day)
);
