//! The delivery worker: leases due deliveries (`FOR UPDATE SKIP LOCKED`, so several instances
//! share the work), POSTs them signed, and records the outcome. A failed attempt is retried
//! with exponential back-off until `webhook_max_attempts`; then the delivery is `failed` and
//! can be re-sent by hand. If the process dies mid-delivery, the lease runs out and the
//! delivery is tried again: delivery is at least once, and `webhook-id` lets receivers dedupe.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use diesel_async::AsyncConnection;
use xingguang_db::models::idempotency::IdempotencyRecord;
use xingguang_db::models::webhook::{DueDelivery, WebhookDelivery, WebhookEndpoint};

use super::domain::{backoff, message_id, signature};
use crate::state::AppState;
use xingguang_db::vocab::DeliveryStatus;

/// Deliveries taken per round.
const BATCH: i64 = 20;
/// How long a taken delivery is reserved for this worker.
const LEASE_SECONDS: i64 = 120;
/// The longest the worker sleeps when nothing is due and nobody wakes it.
const IDLE_POLL: Duration = Duration::from_secs(5);

/// Runs until the process ends. Spawned once per server on the actix runtime.
pub async fn run(state: Arc<AppState>) {
    let client = client(&state);
    let mut last_purge = std::time::Instant::now() - Duration::from_secs(3600);
    loop {
        match round(&state, &client).await {
            Ok(0) => {
                // Nothing due: wait for a commit that queued something, or poll again soon.
                let _ = tokio::time::timeout(IDLE_POLL, state.webhook_wake.notified()).await;
            }
            Ok(_) => {}
            Err(error) => {
                log::warn!("webhook worker: {error:#}");
                let _ = tokio::time::timeout(IDLE_POLL, state.webhook_wake.notified()).await;
            }
        }
        if last_purge.elapsed() > Duration::from_secs(3600) {
            last_purge = std::time::Instant::now();
            if let Err(error) = purge_idempotency_keys(&state).await {
                log::warn!("purging idempotency keys: {error:#}");
            }
        }
    }
}

/// Keys are promised for 24 hours; they are dropped after 48.
async fn purge_idempotency_keys(state: &AppState) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    let purged = IdempotencyRecord::purge(&mut conn, Utc::now() - chrono::Duration::hours(48)).await?;
    if purged > 0 {
        log::info!("purged {purged} idempotency key(s) older than 48 hours");
    }
    Ok(())
}

/// One round: lease what is due and deliver it all concurrently. Returns how many were sent.
async fn round(state: &AppState, client: &awc::Client) -> anyhow::Result<usize> {
    let due = {
        let mut conn = state.pool.get().await?;
        use diesel_async::AsyncConnection;
        conn.transaction::<_, diesel::result::Error, _>(async |conn| {
            WebhookDelivery::lease_due(conn, BATCH, chrono::Duration::seconds(LEASE_SECONDS)).await
        })
        .await?
    };
    let count = due.len();
    let outcomes = futures_util::future::join_all(due.into_iter().map(|d| attempt(state, client, d))).await;
    for outcome in outcomes {
        outcome?;
    }
    Ok(count)
}

/// Resolves endpoint hosts for the HTTP client and refuses any name with a non-public address
/// (`domain::is_private_address`). The client connects only to the addresses this returns — the
/// ones that were checked — so a name cannot be re-resolved to an internal address between the
/// check and the connection (DNS rebinding).
struct PublicOnlyResolver {
    allow_loopback: bool,
}

impl actix_tls::connect::Resolve for PublicOnlyResolver {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
        port: u16,
    ) -> futures_util::future::LocalBoxFuture<'a, Result<Vec<std::net::SocketAddr>, Box<dyn std::error::Error>>> {
        Box::pin(async move {
            let addresses: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host, port)).await?.collect();
            if addresses.is_empty() {
                return Err("no address".into());
            }
            if !self.allow_loopback && addresses.iter().any(|a| super::domain::is_private_address(a.ip())) {
                log::warn!("webhook host {host} resolves to a non-public address: not sent");
                return Err("non-public address".into());
            }
            Ok(addresses)
        })
    }
}

/// The HTTP client of the worker: no redirects (a redirect could point inside), public
/// addresses only, a timeout per attempt.
fn client(state: &AppState) -> awc::Client {
    let resolver = actix_tls::connect::Resolver::custom(PublicOnlyResolver { allow_loopback: state.settings.webhook_allow_http_loopback });
    let connector = awc::Connector::new().connector(actix_tls::connect::Connector::new(resolver).service());
    awc::Client::builder()
        .connector(connector)
        .timeout(Duration::from_secs(state.settings.webhook_timeout_seconds))
        .disable_redirects()
        .add_default_header(("User-Agent", concat!("Xingguang-Webhooks/", env!("CARGO_PKG_VERSION"))))
        .finish()
}

/// What the delivery log says of a failed send: never network details (addresses, ports, DNS
/// answers), which would let a partner map the network behind the server.
fn failure_text(error: &awc::error::SendRequestError) -> String {
    match error {
        awc::error::SendRequestError::Timeout => "timed out".to_owned(),
        _ => "could not connect".to_owned(),
    }
}

async fn attempt(state: &AppState, client: &awc::Client, due: DueDelivery) -> anyhow::Result<()> {
    let DueDelivery { delivery, event, endpoint } = due;
    let body = serde_json::to_vec(&event.payload)?;
    let msg_id = message_id(event.id);
    let timestamp = Utc::now().timestamp();
    let mut secrets: Vec<&str> = vec![&endpoint.secret];
    if let (Some(previous), Some(until)) = (endpoint.previous_secret.as_deref(), endpoint.previous_expires_at) {
        if until > Utc::now() {
            secrets.push(previous);
        }
    }
    let signature = signature(&secrets, &msg_id, timestamp, &body)?;
    let sent = client
        .post(&endpoint.url)
        .insert_header(("content-type", "application/json"))
        .insert_header(("webhook-id", msg_id.as_str()))
        .insert_header(("webhook-timestamp", timestamp.to_string()))
        .insert_header(("webhook-signature", signature))
        .send_body(body)
        .await
        .map_err(|e| {
            log::info!("webhook {msg_id} to endpoint {}: {e}", endpoint.id);
            failure_text(&e)
        });
    let (ok, http_status, error) = match sent {
        Ok(response) if response.status().is_success() => (true, Some(i32::from(response.status().as_u16())), None),
        Ok(response) => (false, Some(i32::from(response.status().as_u16())), Some(format!("HTTP {}", response.status()))),
        Err(e) => (false, None, Some(e.chars().take(300).collect())),
    };
    let attempts = delivery.attempts + 1;
    // 410 Gone: the receiver asks us to stop (Standard Webhooks); the endpoint is disabled.
    let gone = http_status == Some(410);
    let (status, retry_at) = if ok {
        (DeliveryStatus::Delivered, None)
    } else if gone || attempts >= state.settings.webhook_max_attempts {
        (DeliveryStatus::Failed, None)
    } else {
        let wait = backoff(Duration::from_millis(state.settings.webhook_retry_base_ms), attempts);
        (DeliveryStatus::Pending, Some(Utc::now() + chrono::Duration::from_std(wait)?))
    };
    if !ok {
        log::info!("webhook {msg_id} to endpoint {} failed (attempt {attempts}): {}", endpoint.id, error.as_deref().unwrap_or(""));
    }
    let mut conn = state.pool.get().await?;
    // One transaction: whoever reads the failed delivery also sees the endpoint disabled.
    conn.transaction::<_, anyhow::Error, _>(async |conn| {
        WebhookDelivery::record_attempt(conn, delivery.id, status, http_status, error, retry_at).await?;
        if gone {
            log::info!("endpoint {} answered 410 Gone: disabled", endpoint.id);
            WebhookEndpoint::disable(conn, endpoint.id).await?;
        }
        Ok(())
    })
    .await?;
    if retry_at.is_some() {
        // A short back-off (tests, local use) should not wait for the idle poll.
        let wake = state.webhook_wake.clone();
        let wait = retry_at.map(|at| (at - Utc::now()).to_std().unwrap_or_default()).unwrap_or_default();
        if wait < IDLE_POLL {
            actix_web::rt::spawn(async move {
                tokio::time::sleep(wait).await;
                wake.notify_one();
            });
        }
    }
    Ok(())
}
