use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::sealed::Sealed;

use crate::vocab::{DeliveryStatus, EventType, PartnerStatus};

use crate::pagination::{Page, PageRequest};
use crate::schema::{partner_units, webhook_deliveries, webhook_endpoints, webhook_events};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_endpoints)]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub secret: Sealed,
    pub previous_secret: Option<Sealed>,
    pub previous_expires_at: Option<DateTime<Utc>>,
    pub enabled: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct NewWebhookEndpoint {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub secret: Sealed,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = webhook_endpoints)]
pub struct WebhookEndpointChanges {
    pub url: Option<String>,
    pub description: Option<String>,
    pub events: Option<Vec<EventType>>,
    pub enabled: Option<bool>,
    pub secret: Option<Sealed>,
    pub previous_secret: Option<Option<Sealed>>,
    pub previous_expires_at: Option<Option<DateTime<Utc>>>,
}

impl WebhookEndpoint {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewWebhookEndpoint) -> QueryResult<WebhookEndpoint> {
        diesel::insert_into(webhook_endpoints::table).values(new).returning(WebhookEndpoint::as_returning()).get_result(conn).await
    }

    /// The endpoint in this community; with `partner_id`, only if it is that partner's.
    pub async fn find(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        partner_id: Option<Uuid>,
        id: Uuid,
    ) -> QueryResult<WebhookEndpoint> {
        let mut query = webhook_endpoints::table
            .filter(webhook_endpoints::community_id.eq(community_id))
            .filter(webhook_endpoints::id.eq(id))
            .select(WebhookEndpoint::as_select())
            .into_boxed();
        if let Some(partner) = partner_id {
            query = query.filter(webhook_endpoints::partner_id.eq(partner));
        }
        query.first(conn).await
    }

    pub async fn list(conn: &mut AsyncPgConnection, community_id: Uuid, partner_id: Option<Uuid>) -> QueryResult<Vec<WebhookEndpoint>> {
        let mut query = webhook_endpoints::table
            .filter(webhook_endpoints::community_id.eq(community_id))
            .select(WebhookEndpoint::as_select())
            .order(webhook_endpoints::id.desc())
            .into_boxed();
        if let Some(partner) = partner_id {
            query = query.filter(webhook_endpoints::partner_id.eq(partner));
        }
        query.load(conn).await
    }

    /// Enabled endpoints subscribed to `event_type`, of active partner units: of one partner, or
    /// of every partner.
    pub async fn subscribed(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        partner_id: Option<Uuid>,
        event_type: EventType,
    ) -> QueryResult<Vec<WebhookEndpoint>> {
        use diesel::PgArrayExpressionMethods;
        let active_units = partner_units::table.filter(partner_units::status.eq(PartnerStatus::Active)).select(partner_units::id);
        let mut query = webhook_endpoints::table
            .filter(webhook_endpoints::community_id.eq(community_id))
            .filter(webhook_endpoints::partner_id.eq_any(active_units))
            .filter(webhook_endpoints::enabled.eq(true))
            .filter(webhook_endpoints::events.contains(vec![event_type]))
            .select(WebhookEndpoint::as_select())
            .into_boxed();
        if let Some(partner) = partner_id {
            query = query.filter(webhook_endpoints::partner_id.eq(partner));
        }
        query.load(conn).await
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        version: i32,
        changes: &WebhookEndpointChanges,
    ) -> QueryResult<Option<WebhookEndpoint>> {
        crate::versioned_update!(conn, webhook_endpoints, id, version, changes, WebhookEndpoint)
    }

    /// Stops deliveries to an endpoint whose receiver answered 410 Gone (Standard Webhooks).
    pub async fn disable(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
        diesel::update(webhook_endpoints::table.find(id))
            .set((webhook_endpoints::enabled.eq(false), webhook_endpoints::version.eq(webhook_endpoints::version + 1)))
            .execute(conn)
            .await
            .map(|_| ())
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
        diesel::delete(webhook_endpoints::table.find(id)).execute(conn).await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_events)]
pub struct WebhookEvent {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Option<Uuid>,
    pub event_type: EventType,
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl WebhookEvent {
    pub async fn insert(conn: &mut AsyncPgConnection, event: &WebhookEvent) -> QueryResult<()> {
        diesel::insert_into(webhook_events::table).values(event).execute(conn).await.map(|_| ())
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<WebhookEvent> {
        webhook_events::table.find(id).select(WebhookEvent::as_select()).first(conn).await
    }

    pub async fn count(conn: &mut AsyncPgConnection, community_id: Uuid, event_type: EventType) -> QueryResult<i64> {
        webhook_events::table
            .filter(webhook_events::community_id.eq(community_id))
            .filter(webhook_events::event_type.eq(event_type))
            .count()
            .get_result(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_deliveries)]
pub struct WebhookDelivery {
    pub id: Uuid,
    pub event_id: Uuid,
    pub endpoint_id: Uuid,
    pub partner_id: Uuid,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct NewWebhookDelivery {
    pub id: Uuid,
    pub event_id: Uuid,
    pub endpoint_id: Uuid,
    pub partner_id: Uuid,
}

/// A delivery due now, with what it takes to send it.
#[derive(Debug, Clone)]
pub struct DueDelivery {
    pub delivery: WebhookDelivery,
    pub event: WebhookEvent,
    pub endpoint: WebhookEndpoint,
}

impl WebhookDelivery {
    pub async fn insert_all(conn: &mut AsyncPgConnection, rows: &[NewWebhookDelivery]) -> QueryResult<usize> {
        if rows.is_empty() {
            return Ok(0);
        }
        diesel::insert_into(webhook_deliveries::table).values(rows).execute(conn).await
    }

    /// Takes up to `limit` due deliveries and leases them for `lease`: another worker (or this
    /// one after a crash) picks them up again only once the lease has run out.
    pub async fn lease_due(conn: &mut AsyncPgConnection, limit: i64, lease: chrono::Duration) -> QueryResult<Vec<DueDelivery>> {
        let ids: Vec<Uuid> = webhook_deliveries::table
            .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending))
            .filter(webhook_deliveries::next_attempt_at.le(Utc::now()))
            .order(webhook_deliveries::next_attempt_at)
            .limit(limit)
            .select(webhook_deliveries::id)
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
            .set(webhook_deliveries::next_attempt_at.eq(Utc::now() + lease))
            .execute(conn)
            .await?;
        let rows: Vec<(WebhookDelivery, WebhookEvent, WebhookEndpoint)> = webhook_deliveries::table
            .inner_join(webhook_events::table)
            .inner_join(webhook_endpoints::table)
            .filter(webhook_deliveries::id.eq_any(&ids))
            .select((WebhookDelivery::as_select(), WebhookEvent::as_select(), WebhookEndpoint::as_select()))
            .load(conn)
            .await?;
        Ok(rows.into_iter().map(|(delivery, event, endpoint)| DueDelivery { delivery, event, endpoint }).collect())
    }

    /// Records one attempt's outcome: delivered, retry at `retry_at`, or failed for good.
    pub async fn record_attempt(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        status: DeliveryStatus,
        http_status: Option<i32>,
        error: Option<String>,
        retry_at: Option<DateTime<Utc>>,
    ) -> QueryResult<()> {
        let now = Utc::now();
        diesel::update(webhook_deliveries::table.find(id))
            .set((
                webhook_deliveries::status.eq(status),
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::last_status.eq(http_status),
                webhook_deliveries::last_error.eq(error),
                webhook_deliveries::next_attempt_at.eq(retry_at.unwrap_or(now)),
                webhook_deliveries::delivered_at.eq((status == DeliveryStatus::Delivered).then_some(now)),
                webhook_deliveries::updated_at.eq(now),
            ))
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Queues a delivery again, now (a manual re-send); attempts start over.
    pub async fn requeue(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<WebhookDelivery> {
        diesel::update(webhook_deliveries::table.find(id))
            .set((
                webhook_deliveries::status.eq(DeliveryStatus::Pending),
                webhook_deliveries::attempts.eq(0),
                webhook_deliveries::next_attempt_at.eq(Utc::now()),
                webhook_deliveries::updated_at.eq(Utc::now()),
            ))
            .returning(WebhookDelivery::as_returning())
            .get_result(conn)
            .await
    }

    /// An endpoint's deliveries with their events, newest first.
    pub async fn of_endpoint(
        conn: &mut AsyncPgConnection,
        endpoint_id: Uuid,
        page: PageRequest,
    ) -> QueryResult<Page<(WebhookDelivery, WebhookEvent)>> {
        let mut query = webhook_deliveries::table
            .inner_join(webhook_events::table)
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .select((WebhookDelivery::as_select(), WebhookEvent::as_select()))
            .order(webhook_deliveries::id.desc())
            .limit(page.limit + 1)
            .into_boxed();
        if let Some(after) = page.after {
            query = query.filter(webhook_deliveries::id.lt(after));
        }
        Ok(Page::from_overfetch(query.load(conn).await?, page.limit, |(d, _)| d.id))
    }

    pub async fn find(conn: &mut AsyncPgConnection, endpoint_id: Uuid, id: Uuid) -> QueryResult<WebhookDelivery> {
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .find(id)
            .select(WebhookDelivery::as_select())
            .first(conn)
            .await
    }
}
