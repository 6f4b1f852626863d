-- Partner units (共建单位), their machine clients, published needs, pledges with their
-- deliveries, idempotency keys for partner POSTs, and webhooks delivered from an outbox.

CREATE TABLE partner_units (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind            text NOT NULL CHECK (kind IN ('enterprise', 'bank', 'school', 'government', 'social_organization', 'hospital', 'other')),
    contact_name    text CHECK (length(contact_name) <= 50),
    contact_phone   text,
    address         text CHECK (length(address) <= 200),
    partnered_since date,
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partner_units_name_key ON partner_units (community_id, name);

-- A partner user (role 'partner') belongs to one unit; their tokens carry its id.
ALTER TABLE users ADD COLUMN partner_id uuid REFERENCES partner_units (id);

-- OAuth2 client-credentials clients. The secret is 256 random bits, so a SHA-256 of it is
-- enough (a slow hash protects guessable passwords, not random keys).
CREATE TABLE api_clients (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    partner_id    uuid NOT NULL REFERENCES partner_units (id),
    client_id     text NOT NULL UNIQUE,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    secret_hash   bytea NOT NULL,
    secret_hint   text NOT NULL,
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    rotated_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX api_clients_partner_idx ON api_clients (community_id, partner_id, id DESC);

-- Who did it, when it was a machine client rather than a user.
ALTER TABLE audit_log ADD COLUMN actor_client_id uuid REFERENCES api_clients (id);

CREATE TABLE needs (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    category        text NOT NULL CHECK (category IN ('money', 'venue', 'equipment', 'volunteers', 'services')),
    -- In the category's measure: fen for money, slots for a venue, person-hours for volunteers
    -- and services, pieces of `unit` for equipment.
    target_quantity bigint CHECK (target_quantity > 0),
    unit            text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    deadline        date,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'closed')),
    created_by      uuid NOT NULL REFERENCES users (id),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_community_idx ON needs (community_id, id DESC);

CREATE TABLE pledges (
    id                   uuid PRIMARY KEY,
    community_id         uuid NOT NULL REFERENCES communities (id),
    partner_id           uuid NOT NULL REFERENCES partner_units (id),
    need_id              uuid REFERENCES needs (id),
    kind                 text NOT NULL CHECK (kind IN ('money', 'goods', 'venue', 'volunteer_time')),
    -- The kind's own fields (amount_fen; items; place and slots; people and hours), as sent.
    details              jsonb NOT NULL,
    -- The pledge in its kind's measure (fen, pieces, slots, person-hours), for progress sums.
    quantity             bigint NOT NULL CHECK (quantity > 0),
    delivered_quantity   bigint NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
    planned_date         date,
    note                 text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    status               text NOT NULL DEFAULT 'submitted'
                         CHECK (status IN ('submitted', 'accepted', 'declined', 'withdrawn', 'fulfilled')),
    decline_reason       text,
    submitted_by_user    uuid REFERENCES users (id),
    submitted_by_client  uuid REFERENCES api_clients (id),
    decided_by           uuid REFERENCES users (id),
    decided_at           timestamptz,
    fulfilled_at         timestamptz,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
CREATE INDEX pledges_community_idx ON pledges (community_id, id DESC);
CREATE INDEX pledges_partner_idx ON pledges (partner_id, id DESC);
CREATE INDEX pledges_need_idx ON pledges (need_id) WHERE need_id IS NOT NULL;
CREATE INDEX pledges_queue_idx ON pledges (community_id, id) WHERE status = 'submitted';

-- The history of a pledge: every state change, as the partner and staff see it.
CREATE TABLE pledge_events (
    id           uuid PRIMARY KEY,
    pledge_id    uuid NOT NULL REFERENCES pledges (id),
    status       text NOT NULL,
    note         text,
    actor_name   text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pledge_events_pledge_idx ON pledge_events (pledge_id, id);

CREATE TABLE pledge_deliveries (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    pledge_id       uuid NOT NULL REFERENCES pledges (id),
    partner_id      uuid NOT NULL REFERENCES partner_units (id),
    delivered_on    date NOT NULL,
    quantity        bigint NOT NULL CHECK (quantity > 0),
    -- amount_fen / items / slots / person_hours, as recorded.
    details         jsonb NOT NULL,
    receipt_number  text CHECK (length(receipt_number) <= 60),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_by     uuid NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pledge_deliveries_pledge_idx ON pledge_deliveries (pledge_id, id);
CREATE INDEX pledge_deliveries_partner_idx ON pledge_deliveries (community_id, partner_id, delivered_on);

-- Idempotency-Key: the first response to a key is stored in the same transaction as the
-- work, so a retry (or a concurrent duplicate, which waits on the unique index) replays it.
CREATE TABLE idempotency_keys (
    id             uuid PRIMARY KEY,
    scope          text NOT NULL,
    key            text NOT NULL,
    request_hash   bytea NOT NULL,
    status_code    integer NOT NULL,
    response_body  jsonb NOT NULL,
    location       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE webhook_endpoints (
    id                    uuid PRIMARY KEY,
    community_id          uuid NOT NULL REFERENCES communities (id),
    partner_id            uuid NOT NULL REFERENCES partner_units (id),
    url                   text NOT NULL CHECK (length(url) <= 500),
    description           text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    events                text[] NOT NULL,
    -- whsec_<base64>: kept as is, because signing needs the key itself.
    secret                text NOT NULL,
    -- After a rotation the old secret also signs for 24 hours, so receivers can switch over.
    previous_secret       text,
    previous_expires_at   timestamptz,
    enabled               boolean NOT NULL DEFAULT true,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_partner_idx ON webhook_endpoints (community_id, partner_id);

-- The outbox: written in the transaction of the change that causes the event.
CREATE TABLE webhook_events (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    -- The partner the event concerns; NULL for events every partner may hear (need.published).
    partner_id    uuid REFERENCES partner_units (id),
    event_type    text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_events_community_idx ON webhook_events (community_id, id DESC);

-- One row per (event, subscribed endpoint), fanned out in the same transaction.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    event_id         uuid NOT NULL REFERENCES webhook_events (id),
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    partner_id       uuid NOT NULL REFERENCES partner_units (id),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
