-- In-app notifications: what a user should know without having to look (an event called off,
-- their duty tomorrow). The SPA shows the unread ones; an SMS or WeChat gateway can read the
-- outbox events recorded beside them.
CREATE TABLE notifications (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    user_id       uuid NOT NULL REFERENCES users (id),
    kind          text NOT NULL CHECK (kind IN ('event_cancelled', 'duty_reminder', 'team_request', 'team_decision')),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body          text NOT NULL DEFAULT '' CHECK (length(body) <= 1000),
    -- The SPA path the notification opens (e.g. /events/…).
    link          text NOT NULL DEFAULT '' CHECK (length(link) <= 200),
    -- What caused it, so the same cause never notifies twice (e.g. 'duty:2026-12-01').
    cause         text NOT NULL CHECK (length(cause) BETWEEN 1 AND 200),
    read_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, cause)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
