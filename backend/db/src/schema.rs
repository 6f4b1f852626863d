// Kept in step with migrations/ by hand (see migrations/README.md).

diesel::table! {
    communities (id) {
        id -> Uuid,
        name -> Text,
        province -> Text,
        city -> Text,
        county -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        community_id -> Uuid,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        disabled -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        resident_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        issued_at -> Timestamptz,
        expires_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Uuid,
        username -> Text,
        ip -> Text,
        failed_at -> Timestamptz,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Uuid,
        community_id -> Nullable<Uuid>,
        actor_id -> Nullable<Uuid>,
        actor_role -> Nullable<Text>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Uuid>,
        changed_fields -> Jsonb,
        detail -> Jsonb,
        request_id -> Nullable<Text>,
        ip -> Nullable<Text>,
        at -> Timestamptz,
    }
}

diesel::table! {
    resident_groups (id) {
        id -> Uuid,
        community_id -> Uuid,
        number -> Int4,
        name -> Text,
        leader_user_id -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    households (id) {
        id -> Uuid,
        community_id -> Uuid,
        group_id -> Uuid,
        road -> Text,
        building -> Text,
        unit -> Text,
        room -> Text,
        phone -> Nullable<Text>,
        head_resident_id -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    residents (id) {
        id -> Uuid,
        community_id -> Uuid,
        household_id -> Uuid,
        name -> Text,
        name_pinyin -> Text,
        name_initials -> Text,
        sex -> Text,
        birth_date -> Date,
        id_number -> Text,
        phone -> Nullable<Text>,
        relationship -> Text,
        tags -> Array<Text>,
        status -> Text,
        status_changed_on -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(users -> communities (community_id));
diesel::joinable!(households -> resident_groups (group_id));
diesel::joinable!(residents -> households (household_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(audit_log -> communities (community_id));

diesel::allow_tables_to_appear_in_same_query!(
    communities,
    users,
    refresh_tokens,
    login_failures,
    audit_log,
    resident_groups,
    households,
    residents,
    registry_imports
);

diesel::table! {
    registry_imports (id) {
        id -> Uuid,
        community_id -> Uuid,
        created_by -> Uuid,
        file_name -> Nullable<Text>,
        file_sha256 -> Text,
        format -> Text,
        dry_run -> Bool,
        status -> Text,
        total_rows -> Int4,
        processed_rows -> Int4,
        households_created -> Int4,
        residents_created -> Int4,
        residents_skipped -> Int4,
        errors -> Jsonb,
        created_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
    }
}
