-- Private calendar feeds: a phone calendar subscribes to a secret URL (not the user's login).
-- Only a hash of the URL's token is kept; a new feed replaces the old one, which stops working.
CREATE TABLE calendar_feeds (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    user_id       uuid NOT NULL UNIQUE REFERENCES users (id),
    token_hash    bytea NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_read_at  timestamptz
);
