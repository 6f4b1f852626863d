-- Duty swaps: a leader offers a night, another takes it; allowed at once when the rules hold,
-- else staff decide.
CREATE TABLE duty_swaps (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    assignment_id   uuid NOT NULL REFERENCES duty_assignments (id) ON DELETE CASCADE,
    night           date NOT NULL,
    offered_by      uuid NOT NULL REFERENCES users (id),
    taken_by        uuid REFERENCES users (id),
    status          text NOT NULL CHECK (status IN ('offered', 'taken', 'approved', 'rejected', 'withdrawn')),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    -- Why a taken swap waits for staff (the rule it did not meet), in Chinese.
    held_because    text,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX duty_swaps_community_idx ON duty_swaps (community_id, status, night);
-- One open swap per assignment.
CREATE UNIQUE INDEX duty_swaps_open_key ON duty_swaps (assignment_id) WHERE status IN ('offered', 'taken');
