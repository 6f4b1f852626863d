//! Partner kinds and statuses, and the API client credentials.

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
pub use xingguang_db::vocab::{PartnerKind, PartnerStatus};

fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// A public client id: `xgc_` and 96 random bits.
pub fn new_client_id() -> String {
    format!("xgc_{}", random_token(12))
}

/// A client secret: `xgs_` and 256 random bits. Only its SHA-256 is stored.
pub fn new_client_secret() -> String {
    format!("xgs_{}", random_token(32))
}

pub fn hash_secret(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// The last four characters, so staff can tell which secret a partner holds.
pub fn secret_hint(secret: &str) -> String {
    let tail: String = secret.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    format!("…{tail}")
}

/// Compares two digests in time independent of where they differ.
pub fn digests_equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hashed() {
        let (a, b) = (new_client_secret(), new_client_secret());
        assert_ne!(a, b);
        assert!(a.starts_with("xgs_") && a.len() == 4 + 43);
        assert!(digests_equal(&hash_secret(&a), &hash_secret(&a)));
        assert!(!digests_equal(&hash_secret(&a), &hash_secret(&b)));
        assert_eq!(secret_hint("xgs_abcdWXYZ"), "…WXYZ");
    }
}
