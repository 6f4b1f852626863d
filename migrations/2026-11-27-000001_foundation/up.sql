-- Foundation: communities, users, refresh tokens, login throttling and the audit log.
-- Every community-owned row carries community_id so one deployment can serve a whole county.

CREATE TABLE communities (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    province    text NOT NULL,
    city        text NOT NULL,
    county      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    community_id   uuid NOT NULL REFERENCES communities (id),
    username       text NOT NULL CHECK (username ~ '^[a-z0-9_.-]{3,40}$'),
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('resident', 'group_leader', 'staff', 'partner')),
    disabled       boolean NOT NULL DEFAULT false,
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- Usernames are stored lower-case and are unique across the deployment: the login form has no
-- community selector.
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_community_idx ON users (community_id);

-- Refresh tokens are stored as SHA-256 hashes only. A family is one login's chain of rotations:
-- presenting a token that was already rotated revokes the whole family (RFC 9700 §4.14.2).
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Failed logins per (username, client address), counted over a sliding window for throttling.
-- Kept in the database so every API instance sees the same count.
CREATE TABLE login_failures (
    id           uuid PRIMARY KEY,
    username     text NOT NULL,
    ip           text NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_lookup_idx ON login_failures (username, ip, failed_at);

-- Append-only record of every write and every security-relevant event.
-- changed_fields holds field *names*, never values, so the log itself holds no personal data.
CREATE TABLE audit_log (
    id              uuid PRIMARY KEY,
    community_id    uuid REFERENCES communities (id),
    actor_id        uuid REFERENCES users (id),
    actor_role      text,
    action          text NOT NULL,
    entity_type     text NOT NULL,
    entity_id       uuid,
    changed_fields  jsonb NOT NULL DEFAULT '[]'::jsonb,
    detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
    request_id      text,
    ip              text,
    at              timestamptz NOT NULL DEFAULT now()
);
-- ids are UUID v7 (time-ordered), so (community_id, id DESC) is the keyset order of the log.
CREATE INDEX audit_log_community_idx ON audit_log (community_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
