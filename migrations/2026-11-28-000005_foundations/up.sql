-- Shared foundations: one history table for every state machine, and background jobs kept in
-- the database so that any API process can report them and a dead holder is noticed.

-- Every state change of a record that has a state machine (pledges now; cases, requests and
-- disputes next): who moved it from where to where, and why.
CREATE TABLE state_changes (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    -- The machine's name, e.g. 'pledge'.
    entity        text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
    entity_id     uuid NOT NULL,
    action        text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    from_state    text,
    to_state      text NOT NULL,
    note          text CHECK (length(note) <= 2000),
    actor_name    text NOT NULL,
    actor_user    uuid REFERENCES users (id),
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX state_changes_entity_idx ON state_changes (entity, entity_id, id);

INSERT INTO state_changes (id, community_id, entity, entity_id, action, from_state, to_state, note, actor_name, at)
SELECT e.id, p.community_id, 'pledge', e.pledge_id,
       CASE e.status WHEN 'submitted' THEN 'submit' WHEN 'accepted' THEN 'accept' WHEN 'declined' THEN 'decline'
                     WHEN 'withdrawn' THEN 'withdraw' ELSE 'deliver' END,
       CASE e.status WHEN 'submitted' THEN NULL WHEN 'fulfilled' THEN 'accepted' ELSE 'submitted' END,
       e.status, e.note, e.actor_name, e.at
FROM pledge_events e JOIN pledges p ON p.id = e.pledge_id;
-- pledge_events stays until a later migration drops it (expand, then contract): a server of the
-- previous version may still read it while this one rolls out.

-- Background jobs. The holder keeps a session advisory lock on `lock_key` for as long as it runs
-- the job; PostgreSQL drops the lock when the holder's connection ends, however it ends, so a
-- running job whose lock can be taken has lost its holder and is marked interrupted.
CREATE TABLE jobs (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    kind          text NOT NULL CHECK (kind IN ('registry_import')),
    state         text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),
    progress      integer NOT NULL DEFAULT 0 CHECK (progress >= 0),
    total         integer NOT NULL DEFAULT 0 CHECK (total >= 0),
    result        jsonb,
    error         text,
    -- Which API process runs it (host, pid and a random id), for the log.
    holder        text NOT NULL,
    lock_key      bigint NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX jobs_running_idx ON jobs (id) WHERE state = 'running';

ALTER TABLE registry_imports DROP CONSTRAINT registry_imports_status_check;
ALTER TABLE registry_imports ADD CONSTRAINT registry_imports_status_check
    CHECK (status IN ('running', 'validated', 'imported', 'failed', 'interrupted'));

-- Login throttling also per address across usernames (the (username, ip, failed_at) index
-- already serves per-username lookups).
CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at);
