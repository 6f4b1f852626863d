use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use xingguang_db::models::webhook::{WebhookDelivery, WebhookEndpoint, WebhookEvent};

use super::domain::{message_id, EventType};
pub use xingguang_db::vocab::DeliveryStatus;

/// A partner's webhook endpoint. The signing secret is shown only when created or rotated.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    #[schema(example = "https://partner.example.com/hooks/xingguang")]
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub enabled: bool,
    /// Until when the previous secret also signs deliveries (after a rotation).
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl From<WebhookEndpoint> for EndpointDto {
    fn from(e: WebhookEndpoint) -> Self {
        EndpointDto {
            id: e.id,
            partner_id: e.partner_id,
            url: e.url,
            description: e.description,
            events: e.events,
            enabled: e.enabled,
            previous_secret_expires_at: e.previous_expires_at.filter(|t| *t > Utc::now()),
            version: e.version,
            created_at: e.created_at,
        }
    }
}

/// An endpoint with its signing secret (`whsec_…`): shown once, store it now.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointSecretDto {
    pub endpoint: EndpointDto,
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEndpointRequest {
    /// HTTPS URL on a public host.
    #[schema(max_length = 500)]
    pub url: String,
    #[schema(max_length = 200)]
    pub description: Option<String>,
    /// At least one.
    pub events: Vec<EventType>,
}

/// Changes to an endpoint; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEndpointRequest {
    pub version: i32,
    #[schema(max_length = 500)]
    pub url: Option<String>,
    #[schema(max_length = 200)]
    pub description: Option<String>,
    pub events: Option<Vec<EventType>>,
    pub enabled: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EndpointQuery {
    /// Staff only: one partner's endpoints.
    pub partner_id: Option<Uuid>,
}

/// One event's delivery to one endpoint, with its latest attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDeliveryDto {
    pub id: Uuid,
    /// The `webhook-id` header: the same on every attempt.
    #[schema(example = "msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b")]
    pub message_id: String,
    pub event_type: EventType,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// When the next attempt is due (pending deliveries).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The receiver's HTTP status on the latest attempt.
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The body as sent.
    pub payload: serde_json::Value,
}

impl From<(WebhookDelivery, WebhookEvent)> for WebhookDeliveryDto {
    fn from((d, e): (WebhookDelivery, WebhookEvent)) -> Self {
        let status = d.status;
        WebhookDeliveryDto {
            id: d.id,
            message_id: message_id(e.id),
            event_type: e.event_type,
            status,
            attempts: d.attempts,
            next_attempt_at: matches!(status, DeliveryStatus::Pending).then_some(d.next_attempt_at),
            last_status: d.last_status,
            last_error: d.last_error,
            delivered_at: d.delivered_at,
            created_at: d.created_at,
            payload: e.payload,
        }
    }
}
