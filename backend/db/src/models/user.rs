use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::users;

pub use crate::vocab::Role;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: Uuid,
    pub community_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// For a resident user: their own resident record.
    pub resident_id: Option<Uuid>,
    /// For a partner user: their partner unit.
    pub partner_id: Option<Uuid>,
    /// A supervisor (社区主任): sees every assistance case's finances and conflicts of interest.
    pub supervisor: bool,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: Uuid,
    pub community_id: Uuid,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
}

impl User {
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<User> {
        users::table.find(id).select(User::as_select()).first(conn).await
    }

    /// Usernames are stored lower-case; the caller passes the normalised form.
    pub async fn find_by_username(conn: &mut AsyncPgConnection, username: &str) -> QueryResult<Option<User>> {
        users::table.filter(users::username.eq(username)).select(User::as_select()).first(conn).await.optional()
    }

    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewUser<'_>) -> QueryResult<User> {
        diesel::insert_into(users::table).values(new).returning(User::as_returning()).get_result(conn).await
    }

    /// Sets a new password hash, bumping `version`.
    pub async fn set_password(conn: &mut AsyncPgConnection, id: Uuid, password_hash: &str) -> QueryResult<User> {
        diesel::update(users::table.find(id))
            .set((users::password_hash.eq(password_hash), users::version.eq(users::version + 1), users::updated_at.eq(diesel::dsl::now)))
            .returning(User::as_returning())
            .get_result(conn)
            .await
    }
}

impl User {
    /// Links a resident user to their resident record.
    pub async fn link_resident(conn: &mut AsyncPgConnection, id: Uuid, resident_id: Uuid) -> QueryResult<()> {
        diesel::update(users::table.find(id)).set(users::resident_id.eq(Some(resident_id))).execute(conn).await.map(|_| ())
    }
}

impl User {
    /// The community's active staff and group leaders: staff first, each by name.
    pub async fn colleagues(conn: &mut AsyncPgConnection, community_id: Uuid) -> QueryResult<Vec<User>> {
        users::table
            .filter(users::community_id.eq(community_id))
            .filter(users::disabled.eq(false))
            .filter(users::role.eq_any([Role::Staff, Role::GroupLeader]))
            .order((users::role.desc(), users::display_name, users::id))
            .select(User::as_select())
            .load(conn)
            .await
    }

    /// Makes a staff user a supervisor (or not).
    pub async fn set_supervisor(conn: &mut AsyncPgConnection, id: Uuid, supervisor: bool) -> QueryResult<()> {
        diesel::update(users::table.find(id)).set(users::supervisor.eq(supervisor)).execute(conn).await.map(|_| ())
    }

    /// Links a partner user to their partner unit.
    pub async fn link_partner(conn: &mut AsyncPgConnection, id: Uuid, partner_id: Uuid) -> QueryResult<()> {
        diesel::update(users::table.find(id)).set(users::partner_id.eq(Some(partner_id))).execute(conn).await.map(|_| ())
    }

    /// Display names of these users, for showing who did what.
    pub async fn names(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, String)>> {
        users::table.filter(users::id.eq_any(ids)).select((users::id, users::display_name)).load(conn).await
    }
}
