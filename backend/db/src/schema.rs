// Kept in step with migrations/ by hand (see migrations/README.md).

diesel::table! {
    communities (id) {
        id -> Uuid,
        name -> Text,
        province -> Text,
        city -> Text,
        county -> Text,
        created_at -> Timestamptz,
        code -> Nullable<Text>,
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
        partner_id -> Nullable<Uuid>,
        supervisor -> Bool,
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
        actor_client_id -> Nullable<Uuid>,
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
        phone -> Nullable<crate::sealed::SealedText>,
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
        id_number -> crate::sealed::SealedText,
        phone -> Nullable<crate::sealed::SealedText>,
        relationship -> Text,
        tags -> Array<Text>,
        status -> Text,
        status_changed_on -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        id_number_hash -> Nullable<Bytea>,
        id_suffix_hashes -> Array<Bytea>,
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
    registry_imports,
    partner_units,
    api_clients,
    needs,
    pledges,
    pledge_events,
    pledge_deliveries,
    idempotency_keys,
    webhook_endpoints,
    webhook_events,
    webhook_deliveries,
    state_changes,
    jobs,
    duty_rules,
    duty_holidays,
    duty_unavailability,
    duty_assignments,
    duty_reports,
    duty_swaps,
    calendar_feeds,
    events,
    notifications,
    teams,
    team_members,
    team_equipment,
    event_series,
    event_series_exceptions,
    event_registrations,
    work_calendar_days,
    case_types,
    assistance_cases,
    case_steps,
    case_entries,
    elderly_cards,
    visit_campaigns,
    campaign_visits,
    handbook_editions,
    open311_clients,
    help_requests,
    help_request_notes,
    help_request_photos
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

diesel::table! {
    partner_units (id) {
        id -> Uuid,
        community_id -> Uuid,
        name -> Text,
        kind -> Text,
        contact_name -> Nullable<Text>,
        contact_phone -> Nullable<crate::sealed::SealedText>,
        address -> Nullable<Text>,
        partnered_since -> Nullable<Date>,
        status -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Uuid,
        community_id -> Uuid,
        partner_id -> Uuid,
        client_id -> Text,
        name -> Text,
        secret_hash -> Bytea,
        secret_hint -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        last_used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    needs (id) {
        id -> Uuid,
        community_id -> Uuid,
        title -> Text,
        description -> Text,
        category -> Text,
        target_quantity -> Nullable<Int8>,
        unit -> Text,
        deadline -> Nullable<Date>,
        status -> Text,
        created_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    pledges (id) {
        id -> Uuid,
        community_id -> Uuid,
        partner_id -> Uuid,
        need_id -> Nullable<Uuid>,
        kind -> Text,
        details -> Jsonb,
        quantity -> Int8,
        delivered_quantity -> Int8,
        planned_date -> Nullable<Date>,
        note -> Text,
        status -> Text,
        decline_reason -> Nullable<Text>,
        submitted_by_user -> Nullable<Uuid>,
        submitted_by_client -> Nullable<Uuid>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        fulfilled_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    pledge_events (id) {
        id -> Uuid,
        pledge_id -> Uuid,
        status -> Text,
        note -> Nullable<Text>,
        actor_name -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    pledge_deliveries (id) {
        id -> Uuid,
        community_id -> Uuid,
        pledge_id -> Uuid,
        partner_id -> Uuid,
        delivered_on -> Date,
        quantity -> Int8,
        details -> Jsonb,
        receipt_number -> Nullable<Text>,
        note -> Text,
        recorded_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> Uuid,
        scope -> Text,
        key -> Text,
        request_hash -> Bytea,
        status_code -> Int4,
        response_body -> crate::sealed::SealedJson,
        location -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Uuid,
        community_id -> Uuid,
        partner_id -> Uuid,
        url -> Text,
        description -> Text,
        events -> Array<Text>,
        secret -> crate::sealed::SealedText,
        previous_secret -> Nullable<crate::sealed::SealedText>,
        previous_expires_at -> Nullable<Timestamptz>,
        enabled -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_events (id) {
        id -> Uuid,
        community_id -> Uuid,
        partner_id -> Nullable<Uuid>,
        event_type -> Text,
        payload -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        event_id -> Uuid,
        endpoint_id -> Uuid,
        partner_id -> Uuid,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_status -> Nullable<Int4>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(pledges -> partner_units (partner_id));
diesel::joinable!(pledges -> needs (need_id));
diesel::joinable!(pledge_deliveries -> pledges (pledge_id));
diesel::joinable!(api_clients -> partner_units (partner_id));
diesel::joinable!(webhook_deliveries -> webhook_events (event_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));

diesel::table! {
    state_changes (id) {
        id -> Uuid,
        community_id -> Uuid,
        entity -> Text,
        entity_id -> Uuid,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        note -> Nullable<Text>,
        actor_name -> Text,
        actor_user -> Nullable<Uuid>,
        at -> Timestamptz,
    }
}

diesel::table! {
    jobs (id) {
        id -> Uuid,
        community_id -> Uuid,
        kind -> Text,
        state -> Text,
        progress -> Int4,
        total -> Int4,
        result -> Nullable<Jsonb>,
        error -> Nullable<Text>,
        holder -> Text,
        lock_key -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    duty_rules (community_id) {
        community_id -> Uuid,
        leaders_per_night -> Int2,
        weekday_weight -> Int2,
        weekend_weight -> Int2,
        holiday_weight -> Int2,
        min_rest_nights -> Int2,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    duty_holidays (community_id, day) {
        community_id -> Uuid,
        day -> Date,
        name -> Text,
    }
}

diesel::table! {
    duty_unavailability (id) {
        id -> Uuid,
        community_id -> Uuid,
        leader_user_id -> Uuid,
        first_day -> Date,
        last_day -> Date,
        reason -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    duty_assignments (id) {
        id -> Uuid,
        community_id -> Uuid,
        night -> Date,
        leader_user_id -> Uuid,
        weight -> Int2,
        locked -> Bool,
        source -> Text,
        status -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    duty_reports (community_id, night) {
        community_id -> Uuid,
        night -> Date,
        headcount -> Nullable<Int4>,
        incidents -> Text,
        weather_cancelled -> Bool,
        recorded_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(duty_assignments -> users (leader_user_id));
diesel::joinable!(duty_unavailability -> users (leader_user_id));

diesel::table! {
    duty_swaps (id) {
        id -> Uuid,
        community_id -> Uuid,
        assignment_id -> Uuid,
        night -> Date,
        offered_by -> Uuid,
        taken_by -> Nullable<Uuid>,
        status -> Text,
        note -> Text,
        held_because -> Nullable<Text>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(duty_swaps -> duty_assignments (assignment_id));

diesel::table! {
    calendar_feeds (id) {
        id -> Uuid,
        community_id -> Uuid,
        user_id -> Uuid,
        token_hash -> Bytea,
        created_at -> Timestamptz,
        last_read_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(calendar_feeds -> users (user_id));

diesel::table! {
    events (id) {
        id -> Uuid,
        community_id -> Uuid,
        kind -> Text,
        title -> Text,
        description -> Text,
        place -> Text,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        capacity -> Nullable<Int4>,
        registration_closes_at -> Nullable<Timestamptz>,
        status -> Text,
        cancel_reason -> Nullable<Text>,
        headcount -> Nullable<Int4>,
        created_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        audience -> Text,
        team_id -> Nullable<Uuid>,
        venue_pledge_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    event_registrations (id) {
        id -> Uuid,
        community_id -> Uuid,
        event_id -> Uuid,
        resident_id -> Uuid,
        registered_by -> Uuid,
        status -> Text,
        walk_in -> Bool,
        checked_in_at -> Nullable<Timestamptz>,
        checked_in_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(event_registrations -> events (event_id));
diesel::joinable!(event_registrations -> residents (resident_id));

diesel::table! {
    notifications (id) {
        id -> Uuid,
        community_id -> Uuid,
        user_id -> Uuid,
        kind -> Text,
        title -> Text,
        body -> Text,
        link -> Text,
        cause -> Text,
        read_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    teams (id) {
        id -> Uuid,
        community_id -> Uuid,
        name -> Text,
        description -> Text,
        practice_schedule -> Text,
        leader_resident_id -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    team_members (id) {
        id -> Uuid,
        community_id -> Uuid,
        team_id -> Uuid,
        resident_id -> Uuid,
        status -> Text,
        requested_by -> Uuid,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    team_equipment (id) {
        id -> Uuid,
        community_id -> Uuid,
        team_id -> Uuid,
        name -> Text,
        value_yuan -> Nullable<Int4>,
        pledge_id -> Nullable<Uuid>,
        note -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    event_series (id) {
        id -> Uuid,
        community_id -> Uuid,
        kind -> Text,
        title -> Text,
        description -> Text,
        place -> Text,
        venue_pledge_id -> Nullable<Uuid>,
        first_day -> Date,
        starts_local -> Time,
        ends_local -> Time,
        rrule -> Text,
        expected_size -> Nullable<Int4>,
        created_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    event_series_exceptions (series_id, day) {
        series_id -> Uuid,
        day -> Date,
        reason -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(team_members -> teams (team_id));
diesel::joinable!(team_members -> residents (resident_id));
diesel::joinable!(team_equipment -> teams (team_id));
diesel::joinable!(event_series_exceptions -> event_series (series_id));

diesel::table! {
    work_calendar_days (day) {
        day -> Date,
        kind -> Text,
        name -> Text,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    case_types (id) {
        id -> Uuid,
        community_id -> Uuid,
        kind -> Text,
        revision -> Int4,
        name -> Text,
        approving_body -> Text,
        definition -> Jsonb,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    assistance_cases (id) {
        id -> Uuid,
        community_id -> Uuid,
        case_type_id -> Uuid,
        kind -> Text,
        household_id -> Uuid,
        applicant_id -> Uuid,
        resident_ids -> Array<Uuid>,
        assignee_id -> Nullable<Uuid>,
        status -> Text,
        step_index -> Int4,
        step_started_on -> Date,
        step_due_on -> Nullable<Date>,
        opened_on -> Date,
        summary -> Text,
        on_behalf -> Bool,
        mandate_on_file -> Bool,
        conflict_user_id -> Nullable<Uuid>,
        conflict_note -> Text,
        shared_with_leader -> Bool,
        finances -> Nullable<crate::sealed::SealedJson>,
        able_to_work -> Bool,
        documents_received -> Array<Text>,
        amount_fen -> Nullable<Int8>,
        payment -> Nullable<Text>,
        payment_from -> Nullable<Date>,
        decided_on -> Nullable<Date>,
        decision_note -> Text,
        next_review_on -> Nullable<Date>,
        employment_category -> Nullable<Text>,
        zero_employment -> Bool,
        placed_on -> Nullable<Date>,
        placement -> Text,
        closed_on -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    case_steps (id) {
        id -> Uuid,
        community_id -> Uuid,
        case_id -> Uuid,
        step_index -> Int4,
        step_key -> Text,
        started_on -> Date,
        due_on -> Nullable<Date>,
        completed_on -> Nullable<Date>,
        completed_by -> Nullable<Uuid>,
        note -> Text,
    }
}

diesel::table! {
    case_entries (id) {
        id -> Uuid,
        community_id -> Uuid,
        case_id -> Uuid,
        kind -> Text,
        body -> Text,
        internal -> Bool,
        occurred_on -> Date,
        surveyors -> Array<Text>,
        family_signed -> Nullable<Bool>,
        author_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    elderly_cards (id) {
        id -> Uuid,
        community_id -> Uuid,
        resident_id -> Uuid,
        status -> Text,
        applied_on -> Date,
        card_number -> Nullable<Text>,
        issued_on -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    visit_campaigns (id) {
        id -> Uuid,
        community_id -> Uuid,
        name -> Text,
        festival_on -> Date,
        resident_min_age -> Int4,
        cadre_min_age -> Nullable<Int4>,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    campaign_visits (id) {
        id -> Uuid,
        community_id -> Uuid,
        campaign_id -> Uuid,
        resident_id -> Uuid,
        group_id -> Uuid,
        reason -> Text,
        visitor_id -> Nullable<Uuid>,
        visited_on -> Nullable<Date>,
        visitors -> Text,
        gift -> Text,
        condition -> Nullable<Text>,
        note -> Text,
        follow_up -> Bool,
        recorded_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(assistance_cases -> households (household_id));
diesel::joinable!(assistance_cases -> case_types (case_type_id));
diesel::joinable!(elderly_cards -> residents (resident_id));
diesel::joinable!(campaign_visits -> residents (resident_id));
diesel::joinable!(campaign_visits -> resident_groups (group_id));

diesel::table! {
    handbook_editions (id) {
        id -> Uuid,
        community_id -> Uuid,
        number -> Int4,
        title -> Text,
        status -> Text,
        content -> Jsonb,
        published_on -> Nullable<Date>,
        published_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    open311_clients (id) {
        id -> Uuid,
        community_id -> Uuid,
        name -> Text,
        key_hash -> Text,
        key_hint -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    help_requests (id) {
        id -> Uuid,
        community_id -> Uuid,
        number -> Text,
        kind -> Text,
        category_code -> Text,
        category_name -> Text,
        edition_id -> Uuid,
        description -> Text,
        address -> Text,
        lat -> Nullable<Float8>,
        long -> Nullable<Float8>,
        channel -> Text,
        resident_id -> Nullable<Uuid>,
        household_id -> Nullable<Uuid>,
        group_id -> Nullable<Uuid>,
        caller_name -> Text,
        caller_phone -> Nullable<crate::sealed::SealedText>,
        caller_email -> Nullable<Text>,
        filed_by -> Nullable<Uuid>,
        open311_client_id -> Nullable<Uuid>,
        open311_token -> Uuid,
        media_url -> Nullable<Text>,
        answers -> Jsonb,
        status -> Text,
        assignee -> Nullable<Uuid>,
        referral -> Nullable<Jsonb>,
        referral_ref -> Nullable<Text>,
        resolution -> Nullable<Text>,
        duplicate_of -> Nullable<Uuid>,
        mediation_ref -> Nullable<Text>,
        satisfaction -> Nullable<Int2>,
        followup_comment -> Nullable<Text>,
        received_at -> Timestamptz,
        response_due_at -> Timestamptz,
        resolution_due_at -> Timestamptz,
        responded_at -> Nullable<Timestamptz>,
        resolved_at -> Nullable<Timestamptz>,
        followup_due_on -> Nullable<Date>,
        closed_at -> Nullable<Timestamptz>,
        escalated_at -> Nullable<Timestamptz>,
        reopened -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    help_request_notes (id) {
        id -> Uuid,
        request_id -> Uuid,
        community_id -> Uuid,
        action -> Nullable<Text>,
        public -> Bool,
        body -> Text,
        author_name -> Text,
        author_user -> Nullable<Uuid>,
        update_id -> Nullable<Text>,
        at -> Timestamptz,
    }
}

diesel::table! {
    help_request_photos (id) {
        id -> Uuid,
        request_id -> Uuid,
        content_type -> Text,
        bytes -> Bytea,
        created_at -> Timestamptz,
    }
}
