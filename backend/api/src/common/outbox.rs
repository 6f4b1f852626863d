//! Writing events: call [`publish`] inside the transaction of the change that causes the event,
//! then [`crate::state::AppState::wake_webhooks`] after it commits.

use chrono::Utc;
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use serde_json::{json, Value};
use uuid::Uuid;
use xingguang_db::models::webhook::{NewWebhookDelivery, WebhookDelivery, WebhookEndpoint, WebhookEvent};

use xingguang_db::vocab::EventType;

/// The `webhook-id` of an event: the same for every attempt, so receivers can de-duplicate.
pub fn message_id(event_id: Uuid) -> String {
    format!("msg_{}", event_id.simple())
}

/// Records one event and queues a delivery to every enabled endpoint subscribed to it: of
/// `partner_id`'s endpoints, or of every partner's when `partner_id` is `None`.
///
/// The payload is `{"type", "timestamp", "data"}` as the Standard Webhooks specification
/// recommends; `data` is the API's own representation of the record (e.g. a `PledgeDto`).
pub async fn publish(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    partner_id: Option<Uuid>,
    event_type: EventType,
    data: Value,
) -> QueryResult<Uuid> {
    let id = insert_event(conn, community_id, partner_id, event_type, data).await?;
    let endpoints = WebhookEndpoint::subscribed(conn, community_id, partner_id, event_type).await?;
    let deliveries: Vec<NewWebhookDelivery> = endpoints
        .into_iter()
        .map(|endpoint| NewWebhookDelivery {
            id: xingguang_db::new_id(),
            event_id: id,
            endpoint_id: endpoint.id,
            partner_id: endpoint.partner_id,
        })
        .collect();
    WebhookDelivery::insert_all(conn, &deliveries).await?;
    Ok(id)
}

/// Records an event that no partner may subscribe to (it names a person, e.g. a duty reminder):
/// it waits in `webhook_events` for a gateway of the community's own (SMS, WeChat) to pick up.
pub async fn record(conn: &mut AsyncPgConnection, community_id: Uuid, event_type: EventType, data: Value) -> QueryResult<Uuid> {
    debug_assert!(!event_type.is_subscribable());
    insert_event(conn, community_id, None, event_type, data).await
}

/// A `webhook.test` event for exactly this endpoint, whatever it subscribes to, so a partner can
/// check its receiver and signature verification. Returns the delivery's id.
pub async fn publish_test(conn: &mut AsyncPgConnection, endpoint: &WebhookEndpoint) -> QueryResult<Uuid> {
    let data = json!({ "endpoint_id": endpoint.id, "message": "Test event from Xingguang: your endpoint receives and can verify our deliveries." });
    let event_id = insert_event(conn, endpoint.community_id, Some(endpoint.partner_id), EventType::WebhookTest, data).await?;
    let delivery = NewWebhookDelivery { id: xingguang_db::new_id(), event_id, endpoint_id: endpoint.id, partner_id: endpoint.partner_id };
    WebhookDelivery::insert_all(conn, std::slice::from_ref(&delivery)).await?;
    Ok(delivery.id)
}

async fn insert_event(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    partner_id: Option<Uuid>,
    event_type: EventType,
    data: Value,
) -> QueryResult<Uuid> {
    let id = xingguang_db::new_id();
    let created_at = Utc::now();
    let payload = json!({
        "id": message_id(id),
        "type": event_type.as_str(),
        "timestamp": created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    });
    WebhookEvent::insert(conn, &WebhookEvent { id, community_id, partner_id, event_type, payload, created_at }).await?;
    Ok(id)
}
