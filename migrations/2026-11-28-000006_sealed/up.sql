-- Personal data sealed at rest (see backend/db/src/sealed.rs): ID numbers, phone numbers,
-- webhook signing secrets and the bodies kept for idempotent replay become bytea holding
-- AES-256-GCM sealed values. SQL has no key, so the values are converted here as clear bytes;
-- the server seals them at its next start, before it serves (`reseal`, clear text only), and
-- fills the blind indexes of ID numbers at the same time.

ALTER TABLE residents DROP CONSTRAINT IF EXISTS residents_community_id_id_number_key;
ALTER TABLE residents DROP CONSTRAINT IF EXISTS residents_id_number_check;
ALTER TABLE residents DROP CONSTRAINT IF EXISTS residents_phone_check;
DROP INDEX IF EXISTS residents_id_suffix_idx;
ALTER TABLE residents ALTER COLUMN id_number TYPE bytea USING convert_to(id_number, 'UTF8');
ALTER TABLE residents ALTER COLUMN phone TYPE bytea USING convert_to(phone, 'UTF8');
-- Blind indexes (keyed HMAC-SHA256): of the whole number, for duplicate checks; of its last 4, 5
-- and 6 characters, for the staff suffix search. NULL only until the first start seals the row.
ALTER TABLE residents ADD COLUMN id_number_hash bytea;
ALTER TABLE residents ADD COLUMN id_suffix_hashes bytea[] NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX residents_id_number_hash_key ON residents (community_id, id_number_hash);
CREATE INDEX residents_id_suffix_hashes_idx ON residents USING gin (id_suffix_hashes);

ALTER TABLE households DROP CONSTRAINT IF EXISTS households_phone_check;
ALTER TABLE households ALTER COLUMN phone TYPE bytea USING convert_to(phone, 'UTF8');

ALTER TABLE partner_units ALTER COLUMN contact_phone TYPE bytea USING convert_to(contact_phone, 'UTF8');

ALTER TABLE webhook_endpoints ALTER COLUMN secret TYPE bytea USING convert_to(secret, 'UTF8');
ALTER TABLE webhook_endpoints ALTER COLUMN previous_secret TYPE bytea USING convert_to(previous_secret, 'UTF8');

ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE bytea USING convert_to(response_body::text, 'UTF8');
