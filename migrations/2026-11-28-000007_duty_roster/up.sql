-- The nightly duty roster: every night two group leaders keep order on the square (issue 14).

-- The community's roster rules. Weights are in tenths of a night (10 = one ordinary night), so
-- the fairness ledger stays exact integer arithmetic.
CREATE TABLE duty_rules (
    community_id      uuid PRIMARY KEY REFERENCES communities (id),
    leaders_per_night smallint NOT NULL DEFAULT 2 CHECK (leaders_per_night BETWEEN 1 AND 6),
    weekday_weight    smallint NOT NULL DEFAULT 10 CHECK (weekday_weight BETWEEN 1 AND 100),
    weekend_weight    smallint NOT NULL DEFAULT 15 CHECK (weekend_weight BETWEEN 1 AND 100),
    holiday_weight    smallint NOT NULL DEFAULT 20 CHECK (holiday_weight BETWEEN 1 AND 100),
    -- Nights off between two duties of the same leader (3: on duty the 1st, next at the 5th).
    min_rest_nights   smallint NOT NULL DEFAULT 3 CHECK (min_rest_nights BETWEEN 0 AND 30),
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Public holidays (法定节假日) weigh more; the office keeps the list (the State Council publishes
-- each year's dates in the autumn before).
CREATE TABLE duty_holidays (
    community_id  uuid NOT NULL REFERENCES communities (id),
    day           date NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    PRIMARY KEY (community_id, day)
);

-- When a leader cannot be on duty (entered by the leader on a phone, or by staff).
CREATE TABLE duty_unavailability (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    leader_user_id  uuid NOT NULL REFERENCES users (id),
    first_day       date NOT NULL,
    last_day        date NOT NULL,
    reason          text NOT NULL DEFAULT '' CHECK (length(reason) <= 100),
    created_by      uuid NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (last_day >= first_day),
    CHECK (last_day - first_day <= 366)
);
CREATE INDEX duty_unavailability_leader_idx ON duty_unavailability (community_id, leader_user_id, first_day);

-- One leader on duty one night. `locked` assignments survive regeneration; `status` is what
-- happened (a no-show counts against the leader in the ledger, not as a night served).
CREATE TABLE duty_assignments (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    night           date NOT NULL,
    leader_user_id  uuid NOT NULL REFERENCES users (id),
    weight          smallint NOT NULL CHECK (weight BETWEEN 1 AND 100),
    locked          boolean NOT NULL DEFAULT false,
    source          text NOT NULL CHECK (source IN ('generated', 'manual', 'swap')),
    status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'served', 'no_show', 'cancelled')),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, night, leader_user_id)
);
CREATE INDEX duty_assignments_night_idx ON duty_assignments (community_id, night);
CREATE INDEX duty_assignments_leader_idx ON duty_assignments (community_id, leader_user_id, night);

-- What the night's pair recorded about the evening.
CREATE TABLE duty_reports (
    community_id       uuid NOT NULL REFERENCES communities (id),
    night              date NOT NULL,
    headcount          integer CHECK (headcount BETWEEN 0 AND 100000),
    incidents          text NOT NULL DEFAULT '' CHECK (length(incidents) <= 2000),
    weather_cancelled  boolean NOT NULL DEFAULT false,
    recorded_by        uuid NOT NULL REFERENCES users (id),
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, night)
);
