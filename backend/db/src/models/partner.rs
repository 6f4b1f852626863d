use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::sealed::Sealed;

use crate::schema::{api_clients, partner_units};
use crate::vocab::{PartnerKind, PartnerStatus};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = partner_units)]
pub struct PartnerUnit {
    pub id: Uuid,
    pub community_id: Uuid,
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    pub contact_phone: Option<Sealed>,
    pub address: Option<String>,
    pub partnered_since: Option<NaiveDate>,
    pub status: PartnerStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = partner_units)]
pub struct NewPartnerUnit {
    pub id: Uuid,
    pub community_id: Uuid,
    pub name: String,
    pub kind: PartnerKind,
    pub contact_name: Option<String>,
    pub contact_phone: Option<Sealed>,
    pub address: Option<String>,
    pub partnered_since: Option<NaiveDate>,
}

/// `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = partner_units)]
pub struct PartnerUnitChanges {
    pub name: Option<String>,
    pub kind: Option<PartnerKind>,
    pub contact_name: Option<Option<String>>,
    pub contact_phone: Option<Option<Sealed>>,
    pub address: Option<Option<String>>,
    pub partnered_since: Option<Option<NaiveDate>>,
    pub status: Option<PartnerStatus>,
}

impl PartnerUnit {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewPartnerUnit) -> QueryResult<PartnerUnit> {
        diesel::insert_into(partner_units::table).values(new).returning(PartnerUnit::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<PartnerUnit> {
        partner_units::table
            .filter(partner_units::community_id.eq(community_id))
            .find(id)
            .select(PartnerUnit::as_select())
            .first(conn)
            .await
    }

    pub async fn find_by_name(conn: &mut AsyncPgConnection, community_id: Uuid, name: &str) -> QueryResult<Option<PartnerUnit>> {
        partner_units::table
            .filter(partner_units::community_id.eq(community_id))
            .filter(partner_units::name.eq(name))
            .select(PartnerUnit::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// A community's units by name (`only` narrows to one: a partner sees its own unit).
    pub async fn list(conn: &mut AsyncPgConnection, community_id: Uuid, only: Option<Uuid>) -> QueryResult<Vec<PartnerUnit>> {
        let mut query = partner_units::table
            .filter(partner_units::community_id.eq(community_id))
            .select(PartnerUnit::as_select())
            .order(partner_units::name)
            .into_boxed();
        if let Some(id) = only {
            query = query.filter(partner_units::id.eq(id));
        }
        query.load(conn).await
    }

    pub async fn names(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, String)>> {
        partner_units::table.filter(partner_units::id.eq_any(ids)).select((partner_units::id, partner_units::name)).load(conn).await
    }

    /// Applies changes if `version` still matches; `None` when it does not.
    pub async fn update(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        id: Uuid,
        version: i32,
        changes: &PartnerUnitChanges,
    ) -> QueryResult<Option<PartnerUnit>> {
        crate::versioned_update!(conn, partner_units, id, version, changes, PartnerUnit, partner_units::community_id.eq(community_id))
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = api_clients)]
pub struct ApiClient {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub client_id: String,
    pub name: String,
    pub secret_hash: Vec<u8>,
    pub secret_hint: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = api_clients)]
pub struct NewApiClient {
    pub id: Uuid,
    pub community_id: Uuid,
    pub partner_id: Uuid,
    pub client_id: String,
    pub name: String,
    pub secret_hash: Vec<u8>,
    pub secret_hint: String,
    pub created_by: Uuid,
}

impl ApiClient {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewApiClient) -> QueryResult<ApiClient> {
        diesel::insert_into(api_clients::table).values(new).returning(ApiClient::as_returning()).get_result(conn).await
    }

    /// The client with this public `client_id`, whatever its state (the caller checks it).
    pub async fn by_client_id(conn: &mut AsyncPgConnection, client_id: &str) -> QueryResult<Option<ApiClient>> {
        api_clients::table.filter(api_clients::client_id.eq(client_id)).select(ApiClient::as_select()).first(conn).await.optional()
    }

    /// A client of this partner in this community.
    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, partner_id: Uuid, id: Uuid) -> QueryResult<ApiClient> {
        api_clients::table
            .filter(api_clients::community_id.eq(community_id))
            .filter(api_clients::partner_id.eq(partner_id))
            .find(id)
            .select(ApiClient::as_select())
            .first(conn)
            .await
    }

    pub async fn list(conn: &mut AsyncPgConnection, community_id: Uuid, partner_id: Uuid) -> QueryResult<Vec<ApiClient>> {
        api_clients::table
            .filter(api_clients::community_id.eq(community_id))
            .filter(api_clients::partner_id.eq(partner_id))
            .select(ApiClient::as_select())
            .order(api_clients::id.desc())
            .load(conn)
            .await
    }

    /// A new secret; the old one stops working at once.
    pub async fn rotate(conn: &mut AsyncPgConnection, id: Uuid, secret_hash: Vec<u8>, secret_hint: String) -> QueryResult<ApiClient> {
        diesel::update(api_clients::table.find(id).filter(api_clients::revoked_at.is_null()))
            .set((
                api_clients::secret_hash.eq(secret_hash),
                api_clients::secret_hint.eq(secret_hint),
                api_clients::rotated_at.eq(diesel::dsl::now),
            ))
            .returning(ApiClient::as_returning())
            .get_result(conn)
            .await
    }

    /// Revokes the client (idempotent: revoking twice keeps the first time).
    /// Whether a machine client's token may still act: the client is not revoked and its unit is
    /// active. One lookup by primary key per request.
    pub async fn is_live(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<bool> {
        let live: Option<Uuid> = api_clients::table
            .inner_join(partner_units::table)
            .filter(api_clients::id.eq(id))
            .filter(api_clients::revoked_at.is_null())
            .filter(partner_units::status.eq(PartnerStatus::Active))
            .select(api_clients::id)
            .first(conn)
            .await
            .optional()?;
        Ok(live.is_some())
    }

    pub async fn revoke(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<ApiClient> {
        diesel::update(api_clients::table.find(id).filter(api_clients::revoked_at.is_null()))
            .set(api_clients::revoked_at.eq(Some(Utc::now())))
            .execute(conn)
            .await?;
        api_clients::table.find(id).select(ApiClient::as_select()).first(conn).await
    }

    pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
        diesel::update(api_clients::table.find(id)).set(api_clients::last_used_at.eq(diesel::dsl::now)).execute(conn).await.map(|_| ())
    }
}
