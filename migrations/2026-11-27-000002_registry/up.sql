-- Registry: resident groups (居民小组), households (户) and residents (人).

CREATE TABLE resident_groups (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    number          integer NOT NULL CHECK (number BETWEEN 1 AND 999),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    -- The group_leader user who leads it; a leader leads at most one group.
    leader_user_id  uuid UNIQUE REFERENCES users (id),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, number)
);

CREATE TABLE households (
    id                uuid PRIMARY KEY,
    community_id      uuid NOT NULL REFERENCES communities (id),
    group_id          uuid NOT NULL REFERENCES resident_groups (id),
    road              text NOT NULL CHECK (length(road) BETWEEN 1 AND 50),
    building          text NOT NULL DEFAULT '' CHECK (length(building) <= 20),
    unit              text NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
    room              text NOT NULL DEFAULT '' CHECK (length(room) <= 20),
    phone             text CHECK (length(phone) <= 20),
    head_resident_id  uuid,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, road, building, unit, room)
);
CREATE INDEX households_group_idx ON households (community_id, group_id, id);
CREATE INDEX households_road_idx ON households (community_id, road text_pattern_ops);

CREATE TABLE residents (
    id                 uuid PRIMARY KEY,
    community_id       uuid NOT NULL REFERENCES communities (id),
    household_id       uuid NOT NULL REFERENCES households (id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    -- Lower-case pinyin without tones ("zhangsan") and initials ("zs"), for search.
    name_pinyin        text NOT NULL,
    name_initials      text NOT NULL,
    sex                text NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date         date NOT NULL,
    id_number          text NOT NULL CHECK (length(id_number) = 18),
    phone              text CHECK (length(phone) <= 20),
    relationship       text NOT NULL CHECK (relationship IN ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
    tags               text[] NOT NULL DEFAULT '{}',
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'moved_out', 'deceased')),
    status_changed_on  date,
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, id_number)
);
CREATE INDEX residents_household_idx ON residents (household_id);
CREATE INDEX residents_community_idx ON residents (community_id, id);
CREATE INDEX residents_birth_idx ON residents (community_id, birth_date);
CREATE INDEX residents_initials_idx ON residents (community_id, name_initials text_pattern_ops);
CREATE INDEX residents_pinyin_idx ON residents (community_id, name_pinyin text_pattern_ops);
-- "Search by the last digits of the ID number" is a prefix search on the reversed number.
CREATE INDEX residents_id_suffix_idx ON residents (community_id, reverse(id_number) text_pattern_ops);
CREATE INDEX residents_tags_idx ON residents USING gin (tags);

ALTER TABLE households
    ADD CONSTRAINT households_head_fk FOREIGN KEY (head_resident_id) REFERENCES residents (id) DEFERRABLE INITIALLY DEFERRED;

-- A resident user is linked to their own resident record.
ALTER TABLE users ADD COLUMN resident_id uuid UNIQUE REFERENCES residents (id);
