use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::communities;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = communities)]
pub struct Community {
    pub id: Uuid,
    pub name: String,
    pub province: String,
    pub city: String,
    pub county: String,
    pub created_at: DateTime<Utc>,
    /// The short code other systems name it by (the Open311 `jurisdiction_id`).
    pub code: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = communities)]
pub struct NewCommunity<'a> {
    pub id: Uuid,
    pub name: &'a str,
    pub province: &'a str,
    pub city: &'a str,
    pub county: &'a str,
}

impl Community {
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Community> {
        communities::table.find(id).select(Community::as_select()).first(conn).await
    }

    pub async fn find_by_name(conn: &mut AsyncPgConnection, name: &str) -> QueryResult<Option<Community>> {
        communities::table.filter(communities::name.eq(name)).select(Community::as_select()).first(conn).await.optional()
    }

    pub async fn find_by_code(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<Option<Community>> {
        communities::table.filter(communities::code.eq(code)).select(Community::as_select()).first(conn).await.optional()
    }

    /// The deployment's community when it serves exactly one (an Open311 client may then omit
    /// the jurisdiction).
    pub async fn sole(conn: &mut AsyncPgConnection) -> QueryResult<Option<Community>> {
        let mut two: Vec<Community> =
            communities::table.order(communities::name).limit(2).select(Community::as_select()).load(conn).await?;
        Ok(if two.len() == 1 { two.pop() } else { None })
    }

    pub async fn set_code(conn: &mut AsyncPgConnection, id: Uuid, code: &str) -> QueryResult<usize> {
        diesel::update(communities::table.find(id)).set(communities::code.eq(code)).execute(conn).await
    }

    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewCommunity<'_>) -> QueryResult<Community> {
        diesel::insert_into(communities::table).values(new).returning(Community::as_returning()).get_result(conn).await
    }
}
