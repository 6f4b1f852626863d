//! Event types, endpoint URLs, secrets and signatures.

use base64::Engine;
use rand::RngCore;

use crate::error::FieldError;
pub use xingguang_db::vocab::EventType;

/// A new signing secret: `whsec_` and 32 random bytes in base64 (the Standard Webhooks format).
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

pub use crate::common::outbox::message_id;

/// `webhook-signature`: one `v1,<base64>` per secret in use, space-separated (two while a
/// rotated secret is still honoured).
pub fn signature(secrets: &[&str], msg_id: &str, timestamp: i64, body: &[u8]) -> anyhow::Result<String> {
    let mut signatures = Vec::new();
    for secret in secrets {
        let signer = standardwebhooks::Webhook::new(secret).map_err(|e| anyhow::anyhow!("webhook secret: {e:?}"))?;
        signatures.push(signer.sign(msg_id, timestamp, body).map_err(|e| anyhow::anyhow!("signing: {e:?}"))?);
    }
    Ok(signatures.join(" "))
}

/// Checks an endpoint URL: HTTPS to a public host; plain HTTP only to loopback and only when
/// the operator allows it (for tests and local development).
pub fn check_url(raw: &str, allow_http_loopback: bool) -> Result<String, FieldError> {
    let raw = raw.trim();
    let invalid = |m: &str| FieldError::new("url", m);
    if raw.len() > 500 {
        return Err(invalid("must be at most 500 characters"));
    }
    let (scheme, rest) = raw.split_once("://").ok_or_else(|| invalid("must be an absolute https:// URL"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return Err(invalid("must name a host, without user name or password"));
    }
    let host = if authority.starts_with('[') {
        authority.split(']').next().unwrap_or("").trim_start_matches('[')
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("must not contain spaces"));
    }
    let local = is_local_host(host);
    match scheme.to_ascii_lowercase().as_str() {
        "https" if !local => Ok(raw.to_owned()),
        "https" | "http" if local && allow_http_loopback => Ok(raw.to_owned()),
        "https" => Err(invalid("must point to a public host, not a local or private address")),
        "http" => Err(invalid("must use https://")),
        _ => Err(invalid("must be an absolute https:// URL")),
    }
}

/// The host and port of an endpoint URL already accepted by [`check_url`].
pub fn host_and_port(url: &str) -> Option<(String, u16)> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let default_port = if scheme.eq_ignore_ascii_case("https") { 443 } else { 80 };
    if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        let port = after.strip_prefix(':').map_or(Some(default_port), |p| p.parse().ok())?;
        return Some((host.to_owned(), port));
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => Some((host.to_owned(), port.parse().ok()?)),
        None => Some((authority.to_owned(), default_port)),
    }
}

/// Whether an address is anything but a globally routable unicast address: loopback, private,
/// shared (CGNAT), link- or site-local, unspecified, broadcast, multicast, reserved, benchmarking,
/// documentation, or an IPv6 form that carries such an IPv4 address (IPv4-mapped, -compatible,
/// NAT64, 6to4). Webhooks are sent only to public addresses.
pub fn is_private_address(ip: std::net::IpAddr) -> bool {
    use std::net::{IpAddr, Ipv4Addr};
    fn v4_private(ip: Ipv4Addr) -> bool {
        let [a, b, c, _] = ip.octets();
        ip.is_loopback()
            || ip.is_private()
            || ip.is_link_local()
            || ip.is_broadcast()
            || ip.is_multicast()
            || a == 0 // 0.0.0.0/8 "this network"
            || a >= 240 // 240.0.0.0/4 reserved
            || (a == 100 && (64..128).contains(&b)) // 100.64.0.0/10 shared address space
            || (a == 198 && (b == 18 || b == 19)) // 198.18.0.0/15 benchmarking
            || (a == 192 && b == 0 && c == 0) // 192.0.0.0/24 IETF protocol assignments
            || (a == 192 && b == 0 && c == 2) // documentation (TEST-NET-1/2/3)
            || (a == 198 && b == 51 && c == 100)
            || (a == 203 && b == 0 && c == 113)
            || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
    }
    match ip {
        IpAddr::V4(ip) => v4_private(ip),
        IpAddr::V6(ip) => {
            let s = ip.segments();
            let embedded_v4 = |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
            if let Some(v4) = ip.to_ipv4_mapped() {
                return v4_private(v4); // ::ffff:a.b.c.d
            }
            if s[..6] == [0, 0, 0, 0, 0, 0] {
                return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
            }
            if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                return v4_private(embedded_v4(s[6], s[7])); // NAT64 64:ff9b::/96
            }
            if s[0] == 0x2002 {
                return v4_private(embedded_v4(s[1], s[2])); // 6to4 2002::/16
            }
            (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (s[0] & 0xffc0) == 0xfec0 // site-local fec0::/10
                || (s[0] & 0xff00) == 0xff00 // multicast
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation 2001:db8::/32
                || (s[0] == 0x2001 && s[1] == 0) // Teredo 2001::/32
                || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // discard-only 100::/64
        }
    }
}

fn is_local_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host.ends_with(".local") || host.ends_with(".internal") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(is_private_address)
}

/// When to try again after `attempts` failed attempts: `base` × 4^(attempts−1), at most 6 hours.
pub fn backoff(base: std::time::Duration, attempts: i32) -> std::time::Duration {
    let factor = 4u32.saturating_pow(attempts.clamp(1, 12) as u32 - 1);
    base.saturating_mul(factor).min(std::time::Duration::from_secs(6 * 3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_https_to_public_hosts() {
        assert!(check_url("https://hooks.example.com/xingguang", false).is_ok());
        assert!(check_url("http://hooks.example.com/x", false).is_err());
        assert!(check_url("https://127.0.0.1/x", false).is_err());
        assert!(check_url("https://10.1.2.3/x", false).is_err());
        assert!(check_url("https://user:pw@example.com/x", false).is_err());
        assert!(check_url("ftp://example.com", false).is_err());
        assert!(check_url("http://127.0.0.1:8080/hook", true).is_ok());
        assert!(check_url("http://example.com/hook", true).is_err());
    }

    #[test]
    fn host_and_port_come_from_the_url() {
        assert_eq!(host_and_port("https://hooks.example.com/x"), Some(("hooks.example.com".into(), 443)));
        assert_eq!(host_and_port("http://127.0.0.1:8080/x?y"), Some(("127.0.0.1".into(), 8080)));
        assert_eq!(host_and_port("https://[::1]:9443/x"), Some(("::1".into(), 9443)));
        assert!(is_private_address("192.168.1.5".parse().expect("ip")));
        assert!(!is_private_address("8.8.8.8".parse().expect("ip")));
    }

    #[test]
    fn every_non_public_range_is_refused_in_every_spelling() {
        for ip in [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "0.1.2.3",
            "100.64.0.1",
            "100.127.255.254",
            "198.18.0.1",
            "198.19.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "::10.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
            "2002:c0a8:101::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "2001::1",
        ] {
            assert!(is_private_address(ip.parse().expect(ip)), "{ip} passed as public");
        }
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "100.128.0.1",
            "198.20.0.1",
            "2606:4700:4700::1111",
            "2400:3200::1",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(!is_private_address(ip.parse().expect(ip)), "{ip} refused though public");
        }
        assert!(check_url("https://[::ffff:127.0.0.1]:5432/", false).is_err());
        assert!(check_url("https://[::ffff:7f00:1]/", false).is_err());
        assert!(check_url("https://100.64.1.1/", false).is_err());
    }

    #[test]
    fn back_off_grows_fourfold_and_is_capped() {
        let base = std::time::Duration::from_secs(10);
        assert_eq!(backoff(base, 1).as_secs(), 10);
        assert_eq!(backoff(base, 2).as_secs(), 40);
        assert_eq!(backoff(base, 3).as_secs(), 160);
        assert_eq!(backoff(base, 12).as_secs(), 6 * 3600);
    }

    #[test]
    fn signatures_verify_with_the_standard_library() {
        let secret = new_secret();
        let body = br#"{"type":"pledge.accepted"}"#;
        let timestamp = chrono::Utc::now().timestamp();
        let sig = signature(&[&secret], "msg_1", timestamp, body).expect("signs");
        let mut headers = http::HeaderMap::new();
        headers.insert("webhook-id", "msg_1".parse().expect("header"));
        headers.insert("webhook-timestamp", timestamp.to_string().parse().expect("header"));
        headers.insert("webhook-signature", sig.parse().expect("header"));
        assert!(standardwebhooks::Webhook::new(&secret).expect("secret").verify(body, &headers).is_ok());
        let other = new_secret();
        assert!(standardwebhooks::Webhook::new(&other).expect("secret").verify(body, &headers).is_err());
    }
}
