//! `events` and `event_registrations`: an event and who comes to it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{event_registrations, events, households, pledges, residents, users};
use crate::vocab::{Audience, EventKind, EventStatus, RegistrationStatus};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: Uuid,
    pub community_id: Uuid,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: Option<i32>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub status: EventStatus,
    pub cancel_reason: Option<String>,
    pub headcount: Option<i32>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub audience: Audience,
    pub team_id: Option<Uuid>,
    pub venue_pledge_id: Option<Uuid>,
}

/// Registration counts of one event.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub registered: i64,
    pub waitlisted: i64,
    pub attended: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = event_registrations)]
pub struct Registration {
    pub id: Uuid,
    pub community_id: Uuid,
    pub event_id: Uuid,
    pub resident_id: Uuid,
    pub registered_by: Uuid,
    pub status: RegistrationStatus,
    pub walk_in: bool,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub checked_in_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Event {
    pub async fn insert(conn: &mut AsyncPgConnection, event: &Event) -> QueryResult<Event> {
        diesel::insert_into(events::table).values(event).returning(Event::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Event> {
        events::table.filter(events::community_id.eq(community_id)).find(id).select(Event::as_select()).first(conn).await
    }

    /// The event, locked until the transaction ends: registrations for it queue here, so the
    /// last place goes to exactly one of them.
    pub async fn lock(conn: &mut AsyncPgConnection, community_id: Uuid, id: Uuid) -> QueryResult<Event> {
        events::table.filter(events::community_id.eq(community_id)).find(id).select(Event::as_select()).for_update().first(conn).await
    }

    /// Events starting in `from..to`, soonest first; with `audience`, only those for it (the
    /// public calendar asks for `All`).
    pub async fn between(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        audience: Option<Audience>,
    ) -> QueryResult<Vec<Event>> {
        let mut query = events::table
            .filter(events::community_id.eq(community_id))
            .filter(events::starts_at.ge(from))
            .filter(events::starts_at.lt(to))
            .into_boxed();
        if let Some(audience) = audience {
            query = query.filter(events::audience.eq(audience));
        }
        query.order((events::starts_at, events::id)).limit(1000).select(Event::as_select()).load(conn).await
    }

    /// Events held at one partner's venues (through a venue pledge) starting in `from..to`.
    pub async fn at_partner_venues(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        partner_id: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> QueryResult<Vec<Event>> {
        events::table
            .inner_join(pledges::table.on(events::venue_pledge_id.eq(pledges::id.nullable())))
            .filter(events::community_id.eq(community_id))
            .filter(pledges::partner_id.eq(partner_id))
            .filter(events::starts_at.ge(from))
            .filter(events::starts_at.lt(to))
            .order((events::starts_at, events::id))
            .limit(500)
            .select(Event::as_select())
            .load(conn)
            .await
    }

    /// The logins to tell when an event is called off: each live registrant's own login and the
    /// resident login that registered them (family), without repeats.
    pub async fn people_to_notify(conn: &mut AsyncPgConnection, event_id: Uuid) -> QueryResult<Vec<Uuid>> {
        let live = [RegistrationStatus::Registered, RegistrationStatus::Waitlisted];
        let own: Vec<Uuid> = event_registrations::table
            .inner_join(users::table.on(users::resident_id.eq(event_registrations::resident_id.nullable())))
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::status.eq_any(live))
            .filter(users::disabled.eq(false))
            .select(users::id)
            .load(conn)
            .await?;
        let family: Vec<Uuid> = event_registrations::table
            .inner_join(users::table.on(users::id.eq(event_registrations::registered_by)))
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::status.eq_any(live))
            .filter(users::resident_id.is_not_null())
            .filter(users::disabled.eq(false))
            .select(users::id)
            .load(conn)
            .await?;
        let mut all: Vec<Uuid> = own.into_iter().chain(family).collect();
        all.sort();
        all.dedup();
        Ok(all)
    }

    pub async fn cancel(conn: &mut AsyncPgConnection, id: Uuid, version: i32, reason: &str) -> QueryResult<Option<Event>> {
        crate::versioned_update!(
            conn,
            events,
            id,
            version,
            (events::status.eq(EventStatus::Cancelled), events::cancel_reason.eq(reason)),
            Event,
            events::status.eq(EventStatus::Scheduled)
        )
    }

    /// The events a person registered for, or registered someone else for, starting in
    /// `from..to` (their calendar feed). Cancelled registrations are left out; events called
    /// off stay (as cancelled).
    pub async fn of_person(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        resident_id: Option<Uuid>,
        user_id: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> QueryResult<Vec<(Event, String)>> {
        let mine = event_registrations::resident_id.nullable().eq(resident_id).or(event_registrations::registered_by.eq(user_id));
        events::table
            .inner_join(event_registrations::table.inner_join(residents::table))
            .filter(events::community_id.eq(community_id))
            .filter(event_registrations::status.ne(RegistrationStatus::Cancelled))
            .filter(mine)
            .filter(events::starts_at.ge(from))
            .filter(events::starts_at.lt(to))
            .order((events::starts_at, events::id))
            .limit(500)
            .select((Event::as_select(), residents::name))
            .load(conn)
            .await
    }

    /// Counts per event.
    pub async fn counts(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<std::collections::HashMap<Uuid, Counts>> {
        let rows: Vec<(Uuid, RegistrationStatus, i64)> = event_registrations::table
            .filter(event_registrations::event_id.eq_any(ids))
            .group_by((event_registrations::event_id, event_registrations::status))
            .select((event_registrations::event_id, event_registrations::status, diesel::dsl::count_star()))
            .load(conn)
            .await?;
        let mut counts: std::collections::HashMap<Uuid, Counts> = std::collections::HashMap::new();
        for (event, status, n) in rows {
            let c = counts.entry(event).or_default();
            match status {
                RegistrationStatus::Registered => c.registered += n,
                RegistrationStatus::Waitlisted => c.waitlisted += n,
                RegistrationStatus::Attended => c.attended += n,
                RegistrationStatus::Cancelled => {}
            }
        }
        Ok(counts)
    }
}

impl Registration {
    pub async fn insert(conn: &mut AsyncPgConnection, row: &Registration) -> QueryResult<Registration> {
        diesel::insert_into(event_registrations::table).values(row).returning(Registration::as_returning()).get_result(conn).await
    }

    pub async fn find(conn: &mut AsyncPgConnection, community_id: Uuid, event_id: Uuid, id: Uuid) -> QueryResult<Registration> {
        event_registrations::table
            .filter(event_registrations::community_id.eq(community_id))
            .filter(event_registrations::event_id.eq(event_id))
            .find(id)
            .select(Registration::as_select())
            .first(conn)
            .await
    }

    /// The live (not cancelled) registration of a resident for an event.
    pub async fn live(conn: &mut AsyncPgConnection, event_id: Uuid, resident_id: Uuid) -> QueryResult<Option<Registration>> {
        event_registrations::table
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::resident_id.eq(resident_id))
            .filter(event_registrations::status.ne(RegistrationStatus::Cancelled))
            .select(Registration::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Places taken (registered or already in the room).
    pub async fn places_taken(conn: &mut AsyncPgConnection, event_id: Uuid) -> QueryResult<i64> {
        event_registrations::table
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::status.eq_any([RegistrationStatus::Registered, RegistrationStatus::Attended]))
            .count()
            .get_result(conn)
            .await
    }

    /// The registrations of an event in order, each with the resident's name, household and
    /// group (the caller filters them by reach).
    pub async fn of_event(conn: &mut AsyncPgConnection, event_id: Uuid) -> QueryResult<Vec<(Registration, String, Uuid, Uuid)>> {
        event_registrations::table
            .inner_join(residents::table.inner_join(households::table))
            .filter(event_registrations::event_id.eq(event_id))
            .order(event_registrations::id)
            .select((Registration::as_select(), residents::name, residents::household_id, households::group_id))
            .load(conn)
            .await
    }

    /// Moves a registration to `status` (and notes a check-in).
    pub async fn set_status(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        status: RegistrationStatus,
        checked_in_by: Option<Uuid>,
    ) -> QueryResult<Registration> {
        let checked_in_at = checked_in_by.map(|_| Utc::now());
        diesel::update(event_registrations::table.find(id))
            .set((
                event_registrations::status.eq(status),
                event_registrations::checked_in_by.eq(checked_in_by),
                event_registrations::checked_in_at.eq(checked_in_at),
                event_registrations::version.eq(event_registrations::version + 1),
                event_registrations::updated_at.eq(diesel::dsl::now),
            ))
            .returning(Registration::as_returning())
            .get_result(conn)
            .await
    }

    /// The first on the waiting list (who moves up when a place frees).
    pub async fn first_waiting(conn: &mut AsyncPgConnection, event_id: Uuid) -> QueryResult<Option<Registration>> {
        event_registrations::table
            .filter(event_registrations::event_id.eq(event_id))
            .filter(event_registrations::status.eq(RegistrationStatus::Waitlisted))
            .order(event_registrations::id)
            .select(Registration::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// A resident household's registrations, newest events first.
    pub async fn of_households(
        conn: &mut AsyncPgConnection,
        community_id: Uuid,
        households: &[Uuid],
    ) -> QueryResult<Vec<(Registration, String)>> {
        event_registrations::table
            .inner_join(residents::table)
            .filter(event_registrations::community_id.eq(community_id))
            .filter(residents::household_id.eq_any(households.to_vec()))
            .order(event_registrations::id.desc())
            .limit(200)
            .select((Registration::as_select(), residents::name))
            .load(conn)
            .await
    }
}
