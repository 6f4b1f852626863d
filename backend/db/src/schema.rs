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

diesel::joinable!(users -> communities (community_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(audit_log -> communities (community_id));

diesel::allow_tables_to_appear_in_same_query!(
    communities,
    users,
    refresh_tokens,
    login_failures,
    audit_log
);
