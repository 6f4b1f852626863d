-- Community events (lectures, performances, clean-ups, meetings) with registration, a capacity,
-- a waiting list that moves up on a cancellation, and check-in at the door.
CREATE TABLE events (
    id                  uuid PRIMARY KEY,
    community_id        uuid NOT NULL REFERENCES communities (id),
    kind                text NOT NULL CHECK (kind IN ('lecture', 'performance', 'cleanup', 'meeting', 'square')),
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    description         text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    place               text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    -- NULL: no registration (the square counts heads instead).
    capacity            integer CHECK (capacity BETWEEN 1 AND 100000),
    registration_closes_at timestamptz,
    status              text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cancel_reason       text CHECK (length(cancel_reason) <= 200),
    -- Heads counted at the door, beyond those checked in (walk-ins without a record).
    headcount           integer CHECK (headcount BETWEEN 0 AND 100000),
    created_by          uuid NOT NULL REFERENCES users (id),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX events_community_idx ON events (community_id, starts_at);

CREATE TABLE event_registrations (
    id                 uuid PRIMARY KEY,
    community_id       uuid NOT NULL REFERENCES communities (id),
    event_id           uuid NOT NULL REFERENCES events (id),
    resident_id        uuid NOT NULL REFERENCES residents (id),
    -- Who registered them (older people are often registered by family, or at the door).
    registered_by      uuid NOT NULL REFERENCES users (id),
    status             text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled', 'attended')),
    walk_in            boolean NOT NULL DEFAULT false,
    checked_in_at      timestamptz,
    checked_in_by      uuid REFERENCES users (id),
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One live registration per resident and event; the waiting list is in id (time) order.
CREATE UNIQUE INDEX event_registrations_live_key ON event_registrations (event_id, resident_id) WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event_idx ON event_registrations (event_id, status, id);
CREATE INDEX event_registrations_resident_idx ON event_registrations (community_id, resident_id);
