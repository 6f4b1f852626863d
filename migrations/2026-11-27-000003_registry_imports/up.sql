-- Registry imports from .xlsx/.csv: one row per uploaded file, with its progress and row report.
CREATE TABLE registry_imports (
    id                  uuid PRIMARY KEY,
    community_id        uuid NOT NULL REFERENCES communities (id),
    created_by          uuid NOT NULL REFERENCES users (id),
    file_name           text,
    file_sha256         text NOT NULL,
    format              text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    dry_run             boolean NOT NULL,
    status              text NOT NULL CHECK (status IN ('running', 'validated', 'imported', 'failed')),
    total_rows          integer NOT NULL DEFAULT 0,
    processed_rows      integer NOT NULL DEFAULT 0,
    households_created  integer NOT NULL DEFAULT 0,
    residents_created   integer NOT NULL DEFAULT 0,
    residents_skipped   integer NOT NULL DEFAULT 0,
    -- [{row, field, message}], messages in Chinese for the office staff.
    errors              jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz
);
CREATE INDEX registry_imports_community_idx ON registry_imports (community_id, id DESC);
