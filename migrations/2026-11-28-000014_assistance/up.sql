-- Working days: the national holiday calendar (法定节假日 and the weekend make-up working days
-- 调休上班) that every deadline in working days is counted on. One table for the deployment: the
-- State Council publishes it once a year for the whole country; staff enter next year's when it
-- appears. A day not listed is a working day from Monday to Friday.
CREATE TABLE work_calendar_days (
    day         date PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- 2025 (国办发明电〔2024〕12号) and 2026 (the State Council's notice of November 2025).
INSERT INTO work_calendar_days (day, kind, name)
SELECT d::date, 'holiday', n FROM (VALUES
    ('2025-01-01', '2025-01-01', '元旦'), ('2025-01-28', '2025-02-04', '春节'), ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'), ('2025-05-31', '2025-06-02', '端午节'), ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first, last, n), generate_series(first::date, last::date, interval '1 day') AS d;
INSERT INTO work_calendar_days (day, kind, name) VALUES
    ('2025-01-26', 'workday', '春节调休上班'), ('2025-02-08', 'workday', '春节调休上班'),
    ('2025-04-27', 'workday', '劳动节调休上班'), ('2025-09-28', 'workday', '国庆节调休上班'),
    ('2025-10-11', 'workday', '国庆节调休上班'),
    ('2026-01-04', 'workday', '元旦调休上班'), ('2026-02-14', 'workday', '春节调休上班'),
    ('2026-02-28', 'workday', '春节调休上班'), ('2026-05-09', 'workday', '劳动节调休上班'),
    ('2026-09-20', 'workday', '国庆节调休上班'), ('2026-10-10', 'workday', '国庆节调休上班');

-- Supervisors (社区主任, 分管副主任) see every case's income and assets and the conflicts of
-- interest; other staff only on the cases assigned to them.
ALTER TABLE users ADD COLUMN supervisor boolean NOT NULL DEFAULT false;

-- The kinds of assistance and how each goes: steps, deadlines, approving body, documents. Data,
-- not code, so a county can adjust them: a change is a new revision; a case keeps the revision it
-- was opened under.
CREATE TABLE case_types (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES communities (id),
    kind            text NOT NULL CHECK (kind IN ('dibao', 'dibao_edge', 'temporary_relief', 'medical_aid',
                        'disability_subsidy', 'disability_loan', 'reemployment', 'hardship')),
    revision        integer NOT NULL CHECK (revision >= 1),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    approving_body  text NOT NULL CHECK (length(approving_body) <= 100),
    -- {steps: [...], documents: [...], review_months, review_months_able_to_work, publicity_days}
    definition      jsonb NOT NULL,
    created_by      uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, kind, revision)
);

CREATE TABLE assistance_cases (
    id                   uuid PRIMARY KEY,
    community_id         uuid NOT NULL REFERENCES communities (id),
    case_type_id         uuid NOT NULL REFERENCES case_types (id),
    kind                 text NOT NULL CHECK (kind IN ('dibao', 'dibao_edge', 'temporary_relief', 'medical_aid',
                             'disability_subsidy', 'disability_loan', 'reemployment', 'hardship')),
    household_id         uuid NOT NULL REFERENCES households (id),
    applicant_id         uuid NOT NULL REFERENCES residents (id),
    -- The residents the case concerns (the applicant among them).
    resident_ids         uuid[] NOT NULL,
    assignee_id          uuid REFERENCES users (id),
    status               text NOT NULL CHECK (status IN ('open', 'approved', 'refused', 'solved', 'withdrawn', 'closed')),
    -- Where the case stands in its type's steps (0-based), and that step's clock.
    step_index           integer NOT NULL DEFAULT 0 CHECK (step_index >= 0),
    step_started_on      date NOT NULL,
    step_due_on          date,
    opened_on            date NOT NULL,
    summary              text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
    -- The committee applies for the family: a written mandate (委托) is on file.
    on_behalf            boolean NOT NULL DEFAULT false,
    mandate_on_file      boolean NOT NULL DEFAULT false,
    -- The applicant is related to a staff member or committee member (办法 Arts 11, 20).
    conflict_user_id     uuid REFERENCES users (id),
    conflict_note        text NOT NULL DEFAULT '' CHECK (length(conflict_note) <= 500),
    -- Staff chose to let the group's leader know the household has an open case.
    shared_with_leader   boolean NOT NULL DEFAULT false,
    -- Financial details (income per month, assets), sealed at rest as JSON: read only by the
    -- assignee and supervisors, every read audited.
    finances             bytea,
    -- Members able to work: the 低保 review is every 6 months instead of yearly.
    able_to_work         boolean NOT NULL DEFAULT false,
    documents_received   text[] NOT NULL DEFAULT '{}',
    -- The outcome: amount (fen) and how it is paid.
    amount_fen           bigint CHECK (amount_fen >= 0 AND amount_fen <= 100000000),
    payment              text CHECK (payment IN ('monthly', 'one_off')),
    payment_from         date,
    decided_on           date,
    decision_note        text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 2000),
    next_review_on       date,
    -- Re-employment: the 就业困难人员 category (浙人社发〔2025〕59号), placement, 零就业家庭.
    employment_category  text CHECK (employment_category IN ('older_unemployed', 'zero_employment_household',
                             'long_term_unemployed', 'assistance_household', 'disabled', 'other')),
    zero_employment      boolean NOT NULL DEFAULT false,
    placed_on            date,
    placement            text NOT NULL DEFAULT '' CHECK (length(placement) <= 200),
    closed_on            date,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (applicant_id = ANY (resident_ids)),
    CHECK (cardinality(resident_ids) BETWEEN 1 AND 20)
);
-- The list's order: by the running step's deadline (overdue first), finished cases (no deadline)
-- last; a status or kind filter walks it until a page is full.
CREATE INDEX assistance_cases_list_idx ON assistance_cases (community_id, (COALESCE(step_due_on, DATE '9999-12-31')), id);
CREATE INDEX assistance_cases_household_idx ON assistance_cases (household_id);
CREATE INDEX assistance_cases_review_idx ON assistance_cases (community_id, next_review_on) WHERE status = 'approved';

-- Each level's step as it happened: who acted, when it started, its deadline, when it ended.
CREATE TABLE case_steps (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    case_id       uuid NOT NULL REFERENCES assistance_cases (id),
    step_index    integer NOT NULL,
    step_key      text NOT NULL,
    started_on    date NOT NULL,
    due_on        date,
    completed_on  date,
    completed_by  uuid REFERENCES users (id),
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    UNIQUE (case_id, step_index)
);

-- The timeline: notes, home surveys (≥ 2 surveyors), 公示 objections, 民主评议, reviews.
CREATE TABLE case_entries (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    case_id       uuid NOT NULL REFERENCES assistance_cases (id),
    kind          text NOT NULL CHECK (kind IN ('note', 'survey', 'objection', 'deliberation', 'review', 'referral', 'training')),
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    -- Internal notes are for staff; the family sees the rest.
    internal      boolean NOT NULL DEFAULT true,
    occurred_on   date NOT NULL,
    surveyors     text[] NOT NULL DEFAULT '{}',
    family_signed boolean,
    author_id     uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'survey' OR (cardinality(surveyors) >= 2 AND family_signed IS NOT NULL))
);
CREATE INDEX case_entries_case_idx ON case_entries (case_id, occurred_on);

-- 老年人优待证: one per resident, applied → issued.
CREATE TABLE elderly_cards (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    resident_id   uuid NOT NULL UNIQUE REFERENCES residents (id),
    status        text NOT NULL CHECK (status IN ('applied', 'issued')),
    applied_on    date NOT NULL,
    card_number   text CHECK (length(card_number) BETWEEN 1 AND 40),
    issued_on     date,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'issued') = (card_number IS NOT NULL AND issued_on IS NOT NULL))
);
CREATE INDEX elderly_cards_community_idx ON elderly_cards (community_id, status, issued_on);

-- Festival visits (重阳节 …): a campaign and its worklist, one row per person to visit.
CREATE TABLE visit_campaigns (
    id               uuid PRIMARY KEY,
    community_id     uuid NOT NULL REFERENCES communities (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    festival_on      date NOT NULL,
    resident_min_age integer NOT NULL CHECK (resident_min_age BETWEEN 50 AND 120),
    cadre_min_age    integer CHECK (cadre_min_age BETWEEN 50 AND 120),
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE campaign_visits (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES communities (id),
    campaign_id   uuid NOT NULL REFERENCES visit_campaigns (id),
    resident_id   uuid NOT NULL REFERENCES residents (id),
    group_id      uuid NOT NULL REFERENCES resident_groups (id),
    -- Why on the list: age, or a group cadre of the cadre age.
    reason        text NOT NULL CHECK (reason IN ('age', 'cadre')),
    visitor_id    uuid REFERENCES users (id),
    visited_on    date,
    visitors      text NOT NULL DEFAULT '' CHECK (length(visitors) <= 200),
    gift          text NOT NULL DEFAULT '' CHECK (length(gift) <= 200),
    condition     text CHECK (condition IN ('good', 'fair', 'poor')),
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    follow_up     boolean NOT NULL DEFAULT false,
    recorded_by   uuid REFERENCES users (id),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, resident_id),
    CHECK ((visited_on IS NULL) = (condition IS NULL))
);
CREATE INDEX campaign_visits_group_idx ON campaign_visits (campaign_id, group_id);

-- Told in the app: a case assigned to a staff member; a family's case moved on.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('event_cancelled', 'duty_reminder', 'team_request',
        'team_decision', 'case_assigned', 'case_update'));
