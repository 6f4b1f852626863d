//! Who is on the other end: the client's address and whether it came over HTTPS, believing
//! `X-Forwarded-For` / `X-Forwarded-Proto` only from the reverse proxies we were told about
//! (`XINGGUANG_TRUSTED_PROXIES`). Otherwise any client could pick its own address and dodge
//! the login throttle, or claim HTTPS.

use std::net::IpAddr;

/// An address or a CIDR range, e.g. `10.0.0.0/8`, `::1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    base: IpAddr,
    prefix: u8,
}

impl IpRange {
    pub fn parse(raw: &str) -> Option<IpRange> {
        let (addr, prefix) = match raw.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (raw.trim(), None),
        };
        let base: IpAddr = addr.parse().ok()?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(IpRange { base, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.base, ip) {
            (IpAddr::V4(b), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(b) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(b), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(b) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// The trusted proxies of the settings (entries that do not parse are ignored, and logged at
/// start-up by `commands::serve`).
pub fn trusted(settings: &[String]) -> Vec<IpRange> {
    settings.iter().filter(|s| !s.trim().is_empty()).filter_map(|s| IpRange::parse(s)).collect()
}

fn is_trusted(ip: IpAddr, trusted: &[IpRange]) -> bool {
    trusted.iter().any(|r| r.contains(ip))
}

/// The client address: the peer, unless the peer is a trusted proxy — then the right-most
/// address of `X-Forwarded-For` that is not a trusted proxy (addresses further left were written
/// by whoever sent the request and can be anything).
pub fn client_address(peer: Option<IpAddr>, forwarded_for: Option<&str>, trusted: &[IpRange]) -> Option<IpAddr> {
    let peer = peer?;
    if !is_trusted(peer, trusted) {
        return Some(peer);
    }
    let hops: Vec<&str> = forwarded_for.map(|h| h.split(',').map(str::trim).collect()).unwrap_or_default();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else { break };
        client = ip;
        if !is_trusted(ip, trusted) {
            break;
        }
    }
    Some(client)
}

/// Whether the request came over HTTPS: directly (TLS here), or as a trusted proxy says.
pub fn came_over_https(req: &actix_web::HttpRequest, trusted: &[IpRange]) -> bool {
    if req.connection_info().scheme() == "https" && req.headers().get("x-forwarded-proto").is_none() {
        return true;
    }
    let from_proxy = req.peer_addr().is_some_and(|p| is_trusted(p.ip(), trusted));
    from_proxy
        && req
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.rsplit(',').next().is_some_and(|last| last.trim().eq_ignore_ascii_case("https")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn the_client_is_the_right_most_untrusted_hop() {
        let proxies = trusted(&["10.0.0.0/8".to_owned(), "::1".to_owned()]);
        // Not behind a trusted proxy: the header is ignored.
        assert_eq!(client_address(Some(ip("203.0.113.9")), Some("1.2.3.4"), &proxies), Some(ip("203.0.113.9")));
        // A client that forges a left-most value does not get it believed.
        assert_eq!(client_address(Some(ip("10.0.0.2")), Some("1.2.3.4, 198.51.100.7"), &proxies), Some(ip("198.51.100.7")));
        // Two proxies of ours in a row.
        assert_eq!(client_address(Some(ip("10.0.0.2")), Some("1.2.3.4, 198.51.100.7, 10.0.0.9"), &proxies), Some(ip("198.51.100.7")));
        // Garbage stops the walk at the last good hop.
        assert_eq!(client_address(Some(ip("10.0.0.2")), Some("nonsense"), &proxies), Some(ip("10.0.0.2")));
        assert_eq!(client_address(Some(ip("::1")), Some("198.51.100.7"), &proxies), Some(ip("198.51.100.7")));
        assert_eq!(client_address(Some(ip("::1")), None, &[]), Some(ip("::1")));
    }

    #[test]
    fn ranges_match_by_prefix() {
        let r = IpRange::parse("172.16.0.0/12").expect("range");
        assert!(r.contains(ip("172.31.255.1")) && !r.contains(ip("172.32.0.1")));
        assert!(r.contains(ip("::ffff:172.16.0.1")));
        assert!(IpRange::parse("10.0.0.0/33").is_none() && IpRange::parse("nonsense").is_none());
        assert!(IpRange::parse("0.0.0.0/0").expect("all").contains(ip("8.8.8.8")));
    }
}
