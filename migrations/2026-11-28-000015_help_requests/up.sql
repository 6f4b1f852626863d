-- Help requests (求助、报修、投诉、咨询) and the resident handbook (居民手册) they are routed to.

-- The community's short code: the Open311 jurisdiction_id of its requests.
ALTER TABLE communities ADD COLUMN code text UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$');

-- The handbook: one row per edition. Its categories and entries are one document (jsonb), as the
-- printed book is: a published edition is frozen (the year's book); staff edit the one draft and
-- publish it as the next edition. The API reads the document into typed structs and refuses one
-- it does not understand.
CREATE TABLE handbook_editions (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    number        integer NOT NULL CHECK (number >= 1),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    status        text NOT NULL CHECK (status IN ('draft', 'published')),
    content       jsonb NOT NULL,
    published_on  date,
    published_by  uuid REFERENCES users (id),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (community_id, number),
    CHECK ((status = 'published') = (published_on IS NOT NULL))
);
-- At most one draft at a time.
CREATE UNIQUE INDEX handbook_one_draft ON handbook_editions (community_id) WHERE status = 'draft';

-- Keys of third-party Open311 clients (a civic app, the county's platform). Only a hash is kept;
-- the key is shown once, when staff issue it.
CREATE TABLE open311_clients (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_hash      text NOT NULL UNIQUE,
    key_hint      text NOT NULL,
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);

CREATE TABLE help_requests (
    id                  uuid PRIMARY KEY,
    community_id        uuid NOT NULL REFERENCES communities (id),
    -- 2026-0042: what the requester quotes on the phone; the Open311 service_request_id.
    number              text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('help', 'repair', 'complaint', 'inquiry')),
    category_code       text NOT NULL,
    category_name       text NOT NULL,
    edition_id          uuid NOT NULL REFERENCES handbook_editions (id),
    description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    address             text NOT NULL DEFAULT '' CHECK (length(address) <= 200),
    lat                 double precision CHECK (lat BETWEEN -90 AND 90),
    long                double precision CHECK (long BETWEEN -180 AND 180),
    channel             text NOT NULL CHECK (channel IN ('app', 'leader', 'hotline', 'open311')),
    -- Who asked: a registry resident when known (their household follows it in the app), and the
    -- caller's name and phone as given (sealed at rest, masked in lists).
    resident_id         uuid REFERENCES residents (id),
    household_id        uuid REFERENCES households (id),
    group_id            uuid REFERENCES resident_groups (id),
    caller_name         text NOT NULL CHECK (length(caller_name) BETWEEN 1 AND 50),
    caller_phone        bytea,
    caller_email        text CHECK (length(caller_email) <= 200),
    filed_by            uuid REFERENCES users (id),
    open311_client_id   uuid REFERENCES open311_clients (id),
    open311_token       uuid NOT NULL UNIQUE,
    media_url           text CHECK (length(media_url) <= 500),
    answers             jsonb NOT NULL DEFAULT '{}',
    status              text NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress', 'resolved', 'closed',
                            'not_ours', 'duplicate')),
    assignee            uuid REFERENCES users (id),
    -- The handbook entry it was referred to (name and phone as they were) and the outside
    -- party's reference number.
    referral            jsonb,
    referral_ref        text CHECK (length(referral_ref) <= 100),
    resolution          text CHECK (length(resolution) <= 2000),
    duplicate_of        uuid REFERENCES help_requests (id),
    -- A link to the dispute this was referred to (mediation), when that capability exists.
    mediation_ref       text CHECK (length(mediation_ref) <= 100),
    satisfaction        smallint CHECK (satisfaction BETWEEN 1 AND 5),
    followup_comment    text CHECK (length(followup_comment) <= 500),
    received_at         timestamptz NOT NULL,
    response_due_at     timestamptz NOT NULL,
    resolution_due_at   timestamptz NOT NULL,
    responded_at        timestamptz,
    resolved_at         timestamptz,
    followup_due_on     date,
    closed_at           timestamptz,
    escalated_at        timestamptz,
    reopened            integer NOT NULL DEFAULT 0,
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    UNIQUE (community_id, number),
    CHECK (status <> 'duplicate' OR duplicate_of IS NOT NULL),
    CHECK (status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL OR satisfaction IS NULL)
);
-- The queue: open requests by time left.
CREATE INDEX help_requests_queue ON help_requests (community_id, resolution_due_at, id)
    WHERE status IN ('received', 'assigned', 'in_progress');
CREATE INDEX help_requests_recent ON help_requests (community_id, received_at DESC, id);
-- Open311 GET lists only requests that came in through Open311.
CREATE INDEX help_requests_open311 ON help_requests (community_id, received_at DESC, id) WHERE channel = 'open311';
CREATE INDEX help_requests_household ON help_requests (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX help_requests_group ON help_requests (group_id) WHERE group_id IS NOT NULL;
CREATE INDEX help_requests_filed_by ON help_requests (filed_by) WHERE filed_by IS NOT NULL;

-- The timeline's notes: public ones the requester reads, internal ones only staff.
CREATE TABLE help_request_notes (
    id            uuid PRIMARY KEY,
    request_id    uuid NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    community_id  uuid NOT NULL REFERENCES communities (id),
    action        text,
    public        boolean NOT NULL,
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    author_name   text NOT NULL,
    author_user   uuid REFERENCES users (id),
    -- An Open311 servicerequestupdates update_id when the note came from a client.
    update_id     text,
    at            timestamptz NOT NULL
);
CREATE INDEX help_request_notes_request ON help_request_notes (request_id, at);
CREATE INDEX help_request_notes_public ON help_request_notes (community_id, at) WHERE public;

-- Photos, kept in the database (never a third-party service); a few per request, size-limited.
CREATE TABLE help_request_photos (
    id            uuid PRIMARY KEY,
    request_id    uuid NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes         bytea NOT NULL CHECK (length(bytes) <= 2097152),
    created_at    timestamptz NOT NULL
);
CREATE INDEX help_request_photos_request ON help_request_photos (request_id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('event_cancelled', 'duty_reminder', 'team_request',
        'team_decision', 'case_assigned', 'case_update', 'request_assigned', 'request_update', 'request_escalated'));
