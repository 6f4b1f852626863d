//! Optimistic concurrency for every updatable table: "update where id and version match, bump
//! the version and `updated_at`, else nothing" is written once, here.

/// Updates the row of `$table` with `id = $id` and `version = $version` (plus any extra
/// `$filter`s, e.g. the caller's community) with the changeset `$changes`, bumping `version`
/// and `updated_at`. Evaluates to `QueryResult<Option<$row>>`: `None` when the row is gone or
/// someone else changed it first (the API answers 412).
///
/// ```ignore
/// versioned_update!(conn, households, id, version, changes, Household, households::community_id.eq(c))
/// ```
#[macro_export]
macro_rules! versioned_update {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $changes:expr, $row:ty $(, $filter:expr)* $(,)?) => {{
        use diesel::prelude::*;
        use diesel_async::RunQueryDsl;
        let version: i32 = $version;
        diesel::update(
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq($id))
                .filter($crate::schema::$table::version.eq(version))
                $(.filter($filter))*,
        )
        .set((
            $changes,
            // Incremented by the database: a client may send any i32 (i32::MAX + 1 would panic here).
            $crate::schema::$table::version.eq($crate::schema::$table::version + 1),
            $crate::schema::$table::updated_at.eq(diesel::dsl::now),
        ))
        .returning(<$row>::as_returning())
        .get_result::<$row>($conn)
        .await
        .optional()
    }};
}
