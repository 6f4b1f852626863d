-- Amateur teams (文艺队, 腰鼓队 …): members, join requests, equipment on loan; and who may
-- register for an event (everyone, one team, party members), and where it is held when the place
-- is a partner's venue pledge (the square the bank lends).
CREATE TABLE teams (
    id                  uuid PRIMARY KEY,
    community_id        uuid NOT NULL REFERENCES communities (id),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    description         text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    -- When and where they practise, in words (每晚 19:30–21:00 广场).
    practice_schedule   text NOT NULL DEFAULT '' CHECK (length(practice_schedule) <= 200),
    -- The resident who leads it; their login (if any) approves join requests.
    leader_resident_id  uuid REFERENCES residents (id),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE team_members (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    team_id       uuid NOT NULL REFERENCES teams (id),
    resident_id   uuid NOT NULL REFERENCES residents (id),
    status        text NOT NULL CHECK (status IN ('requested', 'member', 'declined', 'left')),
    requested_by  uuid NOT NULL REFERENCES users (id),
    decided_by    uuid REFERENCES users (id),
    decided_at    timestamptz,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- One live request or membership per resident and team.
CREATE UNIQUE INDEX team_members_live_key ON team_members (team_id, resident_id) WHERE status IN ('requested', 'member');
CREATE INDEX team_members_resident_idx ON team_members (community_id, resident_id);

-- Equipment the team holds: bought (the 3,000-yuan sound system) or given by a partner (then
-- linked to that goods pledge).
CREATE TABLE team_equipment (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    team_id       uuid NOT NULL REFERENCES teams (id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    value_yuan    integer CHECK (value_yuan BETWEEN 0 AND 10000000),
    pledge_id     uuid REFERENCES pledges (id),
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_equipment_team_idx ON team_equipment (team_id);

ALTER TABLE events
    ADD COLUMN audience text NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'team', 'party_members')),
    ADD COLUMN team_id uuid REFERENCES teams (id),
    ADD COLUMN venue_pledge_id uuid REFERENCES pledges (id),
    ADD CONSTRAINT events_team_audience CHECK ((audience = 'team') = (team_id IS NOT NULL));
CREATE INDEX events_venue_idx ON events (venue_pledge_id) WHERE venue_pledge_id IS NOT NULL;
