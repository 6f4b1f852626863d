//! The history of every record that has a state machine (`state_changes`): one row per move.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::state_changes;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = state_changes)]
pub struct StateChange {
    pub id: Uuid,
    pub community_id: Uuid,
    /// The machine's name, e.g. `pledge`.
    pub entity: String,
    pub entity_id: Uuid,
    pub action: String,
    /// `None` for the move that created the record.
    pub from_state: Option<String>,
    pub to_state: String,
    pub note: Option<String>,
    pub actor_name: String,
    pub actor_user: Option<Uuid>,
    pub at: DateTime<Utc>,
}

impl StateChange {
    /// Many history rows at once (demo data).
    pub async fn insert_all(conn: &mut AsyncPgConnection, changes: &[StateChange]) -> QueryResult<usize> {
        let mut n = 0;
        for chunk in changes.chunks(1000) {
            n += diesel::insert_into(state_changes::table).values(chunk).execute(conn).await?;
        }
        Ok(n)
    }

    pub async fn insert(conn: &mut AsyncPgConnection, change: &StateChange) -> QueryResult<()> {
        diesel::insert_into(state_changes::table).values(change).execute(conn).await.map(|_| ())
    }

    /// Oldest first.
    pub async fn of(conn: &mut AsyncPgConnection, entity: &str, entity_id: Uuid) -> QueryResult<Vec<StateChange>> {
        state_changes::table
            .filter(state_changes::entity.eq(entity))
            .filter(state_changes::entity_id.eq(entity_id))
            .select(StateChange::as_select())
            .order(state_changes::id)
            .load(conn)
            .await
    }
}
