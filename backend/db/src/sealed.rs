//! Personal data sealed at rest: ID numbers, phone numbers, webhook signing secrets and the
//! bodies kept for idempotent replay are stored AES-256-GCM encrypted, and exact lookups go
//! through blind indexes (keyed HMAC-SHA256) instead of the clear value.
//!
//! Sealing happens at the diesel boundary: a column of SQL type [`SealedText`] (or
//! [`SealedJson`]) is `bytea` in PostgreSQL and `String` (or `serde_json::Value`) in Rust, so no
//! query or handler can forget to encrypt or decrypt. That is why the [`Keyring`] is
//! process-wide: it is installed once at start-up (from `XINGGUANG_DATA_KEYS` and
//! `XINGGUANG_INDEX_KEY`) and never stored in the database or written to a log.
//!
//! A sealed value is `0x00 · key-id length · key id · 12-byte nonce · ciphertext and tag`. The
//! key id says which key opens it, so keys rotate: the first key of `XINGGUANG_DATA_KEYS` seals,
//! every listed key opens, and `xingguang rotate-key` re-seals old values under the first key.
//! A value that does not start with `0x00` is clear text written before sealing existed (text
//! never contains NUL); [`reseal`] seals those at start-up.
//!
//! Because sealed values differ on every write, `column.eq(value)` on a sealed column never
//! matches: compare blind indexes ([`Keyring::blind_index`]) instead.

use std::io::Write;
use std::sync::OnceLock;

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::Aes256Gcm;
use base64::Engine;
use diesel::deserialize::FromSqlRow;
use diesel::deserialize::{self, FromSql};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `bytea` holding sealed UTF-8 text.
#[derive(Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 17, array_oid = 1001))]
pub struct SealedText;

/// `bytea` holding sealed JSON.
#[derive(Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 17, array_oid = 1001))]
pub struct SealedJson;

const MARKER: u8 = 0;
const NONCE_LEN: usize = 12;
const MAX_KEY_ID_LEN: usize = 32;

/// The keys that seal and open values and the key of the blind indexes.
pub struct Keyring {
    /// The first seals; all open.
    keys: Vec<(String, Aes256Gcm)>,
    index: Hmac<Sha256>,
    /// Tells two keyrings apart without holding key material (see [`install`]).
    fingerprint: [u8; 32],
}

impl std::fmt::Debug for Keyring {
    // Key ids only: a keyring must never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring").field("key_ids", &self.keys.iter().map(|(id, _)| id).collect::<Vec<_>>()).finish()
    }
}

/// Why a value could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("no keyring is installed (XINGGUANG_DATA_KEYS)")]
    NoKeyring,
    #[error("the value was sealed with key {0:?}, which XINGGUANG_DATA_KEYS does not list")]
    UnknownKey(String),
    #[error("a sealed value is damaged or was sealed with another key of the same id")]
    Damaged,
}

impl Keyring {
    /// `data_keys`: comma-separated `id:base64-of-32-bytes`, the sealing key first.
    /// `index_key`: base64 of 32 bytes.
    pub fn parse(data_keys: &str, index_key: &str) -> Result<Self, String> {
        let decode = |what: &str, text: &str| -> Result<[u8; 32], String> {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|_| format!("{what} is not base64 (generate one with `openssl rand -base64 32`)"))?;
            <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| format!("{what} must be 32 bytes (`openssl rand -base64 32`)"))
        };
        let mut fingerprint = <Hmac<Sha256> as Mac>::new_from_slice(b"xingguang keyring fingerprint").map_err(|e| e.to_string())?;
        let mut keys = Vec::new();
        for entry in data_keys.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (id, key) = entry.split_once(':').ok_or("XINGGUANG_DATA_KEYS entries are `id:base64key`")?;
            if id.is_empty() || id.len() > MAX_KEY_ID_LEN || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(format!("key id {id:?}: 1–{MAX_KEY_ID_LEN} letters, digits, - or _"));
            }
            if keys.iter().any(|(known, _)| known == id) {
                return Err(format!("key id {id:?} is listed twice"));
            }
            let key = decode(&format!("key {id}"), key)?;
            fingerprint.update(id.as_bytes());
            fingerprint.update(&key);
            keys.push((id.to_owned(), Aes256Gcm::new(&key.into())));
        }
        if keys.is_empty() {
            return Err("XINGGUANG_DATA_KEYS lists no key".to_owned());
        }
        let index = decode("XINGGUANG_INDEX_KEY", index_key)?;
        fingerprint.update(b"index");
        fingerprint.update(&index);
        let index = <Hmac<Sha256> as Mac>::new_from_slice(&index).map_err(|e| e.to_string())?;
        Ok(Keyring { keys, index, fingerprint: fingerprint.finalize().into_bytes().into() })
    }

    /// A new `(XINGGUANG_DATA_KEYS, XINGGUANG_INDEX_KEY)` pair with key id `id`.
    pub fn generate(id: &str) -> (String, String) {
        let key = Aes256Gcm::generate_key(&mut OsRng);
        let index = Aes256Gcm::generate_key(&mut OsRng);
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        (format!("{id}:{}", b64(&key)), b64(&index))
    }

    /// The id of the key that seals.
    pub fn current_key_id(&self) -> &str {
        &self.keys[0].0
    }

    /// The header every value sealed now starts with (to find values sealed under older keys).
    pub fn current_header(&self) -> Vec<u8> {
        let id = self.current_key_id().as_bytes();
        let mut header = vec![MARKER, id.len() as u8];
        header.extend_from_slice(id);
        header
    }

    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        let (id, cipher) = &self.keys[0];
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let mut out = self.current_header();
        // The key id is authenticated too, so a value cannot be relabelled to another key.
        let sealed = cipher.encrypt(&nonce, Payload { msg: plain, aad: id.as_bytes() });
        // AES-GCM encryption only fails for messages over 64 GiB.
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed.unwrap_or_default());
        out
    }

    /// Opens a sealed value; clear text from before sealing is returned as it is.
    pub fn open(&self, stored: &[u8]) -> Result<Vec<u8>, SealError> {
        let Some((&MARKER, rest)) = stored.split_first() else {
            return Ok(stored.to_vec());
        };
        let (&id_len, rest) = rest.split_first().ok_or(SealError::Damaged)?;
        let id_len = usize::from(id_len);
        if rest.len() < id_len + NONCE_LEN {
            return Err(SealError::Damaged);
        }
        let (id, rest) = rest.split_at(id_len);
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let id = std::str::from_utf8(id).map_err(|_| SealError::Damaged)?;
        let (_, cipher) = self.keys.iter().find(|(known, _)| known == id).ok_or_else(|| SealError::UnknownKey(id.to_owned()))?;
        cipher.decrypt(nonce.into(), Payload { msg: sealed, aad: id.as_bytes() }).map_err(|_| SealError::Damaged)
    }

    /// The blind index of `value` for `field`: equal values of one field have equal indexes, and
    /// nobody without the index key can tell which value an index stands for.
    pub fn blind_index(&self, field: &str, value: &str) -> Vec<u8> {
        let mut mac = self.index.clone();
        mac.update(field.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

static KEYRING: OnceLock<Keyring> = OnceLock::new();

/// Installs the process's keyring. Installing the same keys again is fine (tests start many
/// servers in one process); different keys are refused, since values sealed under the first
/// would stop opening.
pub fn install(keyring: Keyring) -> Result<(), String> {
    let fingerprint = keyring.fingerprint;
    match KEYRING.set(keyring) {
        Ok(()) => Ok(()),
        Err(_) if KEYRING.get().is_some_and(|k| k.fingerprint == fingerprint) => Ok(()),
        Err(_) => Err("a different keyring is already installed in this process".to_owned()),
    }
}

/// The installed keyring.
pub fn keyring() -> Result<&'static Keyring, SealError> {
    KEYRING.get().ok_or(SealError::NoKeyring)
}

/// The blind indexes of an ID number: the whole number (duplicate checks) and its last 4, 5 and
/// 6 characters (the staff suffix search, see the registry's `ID_SUFFIX_DIGITS`).
pub fn id_number_indexes(id_number: &str) -> Result<(Vec<u8>, Vec<Vec<u8>>), SealError> {
    let keyring = keyring()?;
    let id = id_number.to_uppercase();
    let suffixes =
        ID_SUFFIX_LENGTHS.filter_map(|n| id.len().checked_sub(n).map(|start| keyring.blind_index("id_suffix", &id[start..]))).collect();
    Ok((keyring.blind_index("id_number", &id), suffixes))
}

/// The lengths of ID-number tails that have a blind index.
pub const ID_SUFFIX_LENGTHS: std::ops::RangeInclusive<usize> = 4..=6;

/// The blind index a suffix search compares with.
pub fn id_suffix_index(suffix: &str) -> Result<Vec<u8>, SealError> {
    Ok(keyring()?.blind_index("id_suffix", &suffix.to_uppercase()))
}

/// The blind index of a whole ID number.
pub fn id_number_index(id_number: &str) -> Result<Vec<u8>, SealError> {
    Ok(keyring()?.blind_index("id_number", &id_number.to_uppercase()))
}

fn seal_into(plain: &[u8], out: &mut Output<'_, '_, Pg>) -> serialize::Result {
    out.write_all(&keyring()?.seal(plain))?;
    Ok(IsNull::No)
}

/// Text stored sealed (a column of SQL type [`SealedText`]); reads like a `String`.
#[derive(Clone, PartialEq, Eq, Hash, Default, AsExpression, FromSqlRow, serde::Serialize, serde::Deserialize)]
#[diesel(sql_type = SealedText)]
#[serde(transparent)]
pub struct Sealed(pub String);

impl std::fmt::Debug for Sealed {
    // Sealed values are personal data or secrets: rows printed in a log show none of them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealed(..)")
    }
}

impl std::ops::Deref for Sealed {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Sealed {
    fn from(value: String) -> Self {
        Sealed(value)
    }
}

impl From<&str> for Sealed {
    fn from(value: &str) -> Self {
        Sealed(value.to_owned())
    }
}

impl From<Sealed> for String {
    fn from(value: Sealed) -> Self {
        value.0
    }
}

impl PartialEq<str> for Sealed {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Sealed {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl ToSql<SealedText, Pg> for Sealed {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        seal_into(self.0.as_bytes(), out)
    }
}

impl FromSql<SealedText, Pg> for Sealed {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(Sealed(String::from_utf8(keyring()?.open(value.as_bytes())?)?))
    }
}

/// JSON stored sealed (a column of SQL type [`SealedJson`]).
#[derive(Debug, Clone, PartialEq, AsExpression, FromSqlRow)]
#[diesel(sql_type = SealedJson)]
pub struct SealedJsonValue(pub serde_json::Value);

impl ToSql<SealedJson, Pg> for SealedJsonValue {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        seal_into(&serde_json::to_vec(&self.0)?, out)
    }
}

impl FromSql<SealedJson, Pg> for SealedJsonValue {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(SealedJsonValue(serde_json::from_slice(&keyring()?.open(value.as_bytes())?)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(keys: &str) -> Keyring {
        Keyring::parse(keys, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").expect("valid test keys")
    }

    const K1: &str = "one:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
    const K2: &str = "two:YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY=";

    #[test]
    fn sealed_values_open_under_any_listed_key_and_never_repeat() {
        let old = ring(K1);
        let sealed = old.seal("330723196001011234".as_bytes());
        assert!(!sealed.windows(4).any(|w| w == b"3307"), "no clear text in the sealed value");
        assert_ne!(sealed, old.seal("330723196001011234".as_bytes()), "a fresh nonce each time");
        let rotated = ring(&format!("{K2},{K1}"));
        assert_eq!(rotated.open(&sealed).expect("opens"), b"330723196001011234");
        assert_eq!(rotated.current_key_id(), "two");
        assert!(matches!(ring(K2).open(&sealed), Err(SealError::UnknownKey(id)) if id == "one"));
    }

    #[test]
    fn tampering_is_detected_and_clear_text_passes_through() {
        let keys = ring(K1);
        let mut sealed = keys.seal(b"13800000000");
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert!(matches!(keys.open(&sealed), Err(SealError::Damaged)));
        assert_eq!(keys.open(b"13800000000").expect("legacy clear text"), b"13800000000");
    }

    #[test]
    fn keys_are_checked_and_never_printed() {
        assert!(Keyring::parse("a:c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_err(), "short key");
        assert!(Keyring::parse(&format!("{K1},{K1}"), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_err(), "same id twice");
        assert!(Keyring::parse("", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_err());
        let printed = format!("{:?}", ring(K1));
        assert!(printed.contains("one") && !printed.contains("MDEy"), "{printed}");
    }

    #[test]
    fn blind_indexes_are_per_field_and_per_key() {
        let keys = ring(K1);
        assert_eq!(keys.blind_index("id_number", "x"), keys.blind_index("id_number", "x"));
        assert_ne!(keys.blind_index("id_number", "x"), keys.blind_index("id_suffix", "x"));
        let other = Keyring::parse(K1, "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").expect("valid");
        assert_ne!(keys.blind_index("id_number", "x"), other.blind_index("id_number", "x"));
    }
}

/// Which stored values [`reseal`] rewrites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reseal {
    /// Clear text written before sealing existed (done at every start; quick when there is none).
    ClearText,
    /// Every value: re-sealed under the current key, blind indexes recomputed (`rotate-key`).
    Everything,
}

/// The sealed columns; `id_number` also carries its blind indexes.
const SEALED_COLUMNS: [(&str, &str); 9] = [
    ("residents", "id_number"),
    ("residents", "phone"),
    ("households", "phone"),
    ("partner_units", "contact_phone"),
    ("webhook_endpoints", "secret"),
    ("webhook_endpoints", "previous_secret"),
    ("idempotency_keys", "response_body"),
    ("assistance_cases", "finances"),
    ("help_requests", "caller_phone"),
];

#[derive(diesel::QueryableByName)]
struct StoredValue {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Bytea)]
    value: Vec<u8>,
}

/// Rewrites stored values under the current key, in batches, and returns how many it rewrote
/// per `table.column`. Versions and `updated_at` stay: only the storage changed. Safe to run
/// while the API serves (each row is rewritten only if it still holds the value read).
pub async fn reseal(conn: &mut diesel_async::AsyncPgConnection, which: Reseal) -> anyhow::Result<Vec<(String, usize)>> {
    use diesel::sql_types::{Array, Bytea, Uuid as SqlUuid};
    use diesel_async::RunQueryDsl;
    const BATCH: i64 = 500;
    let keyring = keyring()?;
    let mut report = Vec::new();
    for (table, column) in SEALED_COLUMNS {
        let only_clear = match which {
            Reseal::ClearText => format!(" AND substring({column} from 1 for 1) <> '\\x00'::bytea"),
            Reseal::Everything => String::new(),
        };
        let select = format!(
            "SELECT id, {column} AS value FROM {table} WHERE {column} IS NOT NULL AND id > $1{only_clear} ORDER BY id LIMIT {BATCH}"
        );
        let mut after = uuid::Uuid::nil();
        let mut rewritten = 0;
        loop {
            let rows: Vec<StoredValue> = diesel::sql_query(&select).bind::<SqlUuid, _>(after).load(conn).await?;
            let Some(last) = rows.last() else { break };
            after = last.id;
            for row in &rows {
                let plain = keyring.open(&row.value)?;
                let sealed = keyring.seal(&plain);
                let changed = if column == "id_number" {
                    let (whole, suffixes) = id_number_indexes(&String::from_utf8(plain)?)?;
                    diesel::sql_query(format!(
                        "UPDATE {table} SET {column} = $1, id_number_hash = $3, id_suffix_hashes = $4 WHERE id = $2 AND {column} = $5"
                    ))
                    .bind::<Bytea, _>(&sealed)
                    .bind::<SqlUuid, _>(row.id)
                    .bind::<Bytea, _>(&whole)
                    .bind::<Array<Bytea>, _>(&suffixes)
                    .bind::<Bytea, _>(&row.value)
                    .execute(conn)
                    .await?
                } else {
                    diesel::sql_query(format!("UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} = $3"))
                        .bind::<Bytea, _>(&sealed)
                        .bind::<SqlUuid, _>(row.id)
                        .bind::<Bytea, _>(&row.value)
                        .execute(conn)
                        .await?
                };
                rewritten += changed;
            }
        }
        report.push((format!("{table}.{column}"), rewritten));
    }
    Ok(report)
}
