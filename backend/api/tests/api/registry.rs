//! The registry: who reaches what (every endpoint × role), masking and audited reveal, stale
//! writes, search, and status changes.

use awc::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{wuyi_id, Response, TestApp};

/// `key=value` with the value percent-encoded (Chinese text in query strings).
fn param(key: &str, value: &str) -> String {
    serde_urlencoded::to_string([(key, value)]).expect("encodes")
}

async fn patch(app: &TestApp, path: &str, token: &str, body: &Value) -> Response {
    Response::read(app.client.patch(app.url(path)).bearer_auth(token).send_json(body).await).await
}

async fn items(app: &TestApp, path: &str, token: &str) -> Vec<Value> {
    let res = app.get(path, Some(token)).await;
    assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.body);
    res.json["items"].as_array().cloned().expect("an array in the response")
}

async fn my_group(app: &TestApp, leader: &str) -> Value {
    let groups = app.get("/api/v1/groups", Some(leader)).await;
    assert_eq!(groups.status, StatusCode::OK);
    groups.json[0].clone()
}

#[actix_web::test]
async fn staff_see_the_whole_community_and_leaders_only_their_group() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;

    let all_groups = app.get("/api/v1/groups", Some(&staff)).await.json;
    assert_eq!(all_groups.as_array().map(Vec::len), Some(24));
    let leader_groups = app.get("/api/v1/groups", Some(&leader)).await.json;
    assert_eq!(leader_groups.as_array().map(Vec::len), Some(1));
    assert_eq!(leader_groups[0]["number"], 1);
    let group_one = leader_groups[0]["id"].as_str().expect("a string in the response").to_owned();

    let staff_households = items(&app, "/api/v1/households?limit=200", &staff).await;
    assert_eq!(staff_households.len(), 48);
    let leader_households = items(&app, "/api/v1/households?limit=200", &leader).await;
    assert!(!leader_households.is_empty());
    assert!(leader_households.iter().all(|h| h["group_id"] == group_one.as_str()));

    let leader_residents = items(&app, "/api/v1/residents?limit=200", &leader).await;
    assert!(!leader_residents.is_empty());
    assert!(leader_residents.iter().all(|r| r["group_number"] == 1));

    // Another group's household and resident are simply not there for the leader.
    let other_household = staff_households.iter().find(|h| h["group_number"] != 1).expect("another group");
    let id = other_household["id"].as_str().expect("a string in the response");
    app.get(&format!("/api/v1/households/{id}"), Some(&leader)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let other_resident = items(&app, &format!("/api/v1/residents?household_id={id}"), &staff).await;
    let rid = other_resident[0]["id"].as_str().expect("a string in the response");
    app.get(&format!("/api/v1/residents/{rid}"), Some(&leader)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(&format!("/api/v1/residents/{rid}"), Some(&staff)).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_resident_sees_exactly_their_own_household() {
    let app = TestApp::spawn().await;
    let resident = app.token("resident").await;
    let households = items(&app, "/api/v1/households", &resident).await;
    assert_eq!(households.len(), 1);
    assert_eq!(households[0]["group_number"], 1, "the demo resident lives in group 1");
    let detail =
        app.get(&format!("/api/v1/households/{}", households[0]["id"].as_str().expect("a string in the response")), Some(&resident)).await;
    assert_eq!(detail.status, StatusCode::OK);
    let members = detail.json["members"].as_array().cloned().expect("an array in the response");
    assert!(members.iter().any(|m| m["name"] == "张秀英"));
    let residents = items(&app, "/api/v1/residents?limit=200", &resident).await;
    assert_eq!(residents.len(), members.len());
    app.get("/api/v1/groups", Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn partners_have_no_access_to_the_registry() {
    let app = TestApp::spawn().await;
    let partner = app.token("partner").await;
    for path in ["/api/v1/groups", "/api/v1/households", "/api/v1/residents", "/api/v1/registry/stats"] {
        app.get(path, Some(&partner)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

#[actix_web::test]
async fn only_staff_write_to_the_registry() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = &items(&app, "/api/v1/households?limit=1", &staff).await[0];
    let body = json!({ "household_id": household["id"], "name": "测试", "id_number": wuyi_id("19900101", 11), "relationship": "other" });
    for username in ["leader", "resident", "partner"] {
        let token = app.token(username).await;
        app.post_json("/api/v1/residents", Some(&token), &body).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
        app.post_json("/api/v1/households", Some(&token), &json!({ "group_id": household["group_id"], "road": "新路" }))
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
    assert_eq!(app.post_json("/api/v1/residents", Some(&staff), &body).await.status, StatusCode::CREATED);
}

#[actix_web::test]
async fn id_numbers_and_phones_are_masked_and_a_reveal_is_audited() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = &items(&app, "/api/v1/households?limit=1", &staff).await[0];
    let id_number = wuyi_id("19560312", 1);
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &json!({ "household_id": household["id"], "name": "应慧玲", "id_number": id_number, "phone": "13812345678", "relationship": "other", "tags": ["disabled"] }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json["id_number_masked"], format!("330723**********{}", &id_number[16..]));
    assert_eq!(created.json["phone_masked"], "138****5678");
    assert_eq!(created.json["sex"], "male");
    assert_eq!(created.json["birth_date"], "1956-03-12");
    assert!(!created.body.contains(&id_number) && !created.body.contains("13812345678"));
    let id = created.json["id"].as_str().expect("a string in the response").to_owned();

    // No reason, no reveal.
    app.post_json(&format!("/api/v1/residents/{id}/reveal"), Some(&staff), &json!({ "reason": "" }))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // Only staff may reveal.
    let leader = app.token("leader").await;
    app.post_json(&format!("/api/v1/residents/{id}/reveal"), Some(&leader), &json!({ "reason": "核对身份" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let revealed = app
        .post_json(&format!("/api/v1/residents/{id}/reveal"), Some(&staff), &json!({ "reason": "办理残疾人贷款贴息，核对身份证号" }))
        .await;
    assert_eq!(revealed.status, StatusCode::OK, "{}", revealed.body);
    assert_eq!(revealed.json["id_number"], id_number);
    assert_eq!(revealed.json["phone"], "13812345678");
    let reveals = app.audit_actions("resident.reveal").await;
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0]["entity_id"], id.as_str());
    assert_eq!(reveals[0]["detail"]["reason"], "办理残疾人贷款贴息，核对身份证号");
    assert_eq!(reveals[0]["actor_username"], "staff");
    // The audit log itself never holds the values.
    assert!(!app.get("/api/v1/audit?limit=200", Some(&staff)).await.body.contains(&id_number));
}

#[actix_web::test]
async fn sensitive_tags_are_for_staff_only() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;
    let group_one_household = &items(&app, "/api/v1/households?limit=200", &leader).await[0];
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &json!({ "household_id": group_one_household["id"], "name": "低保户", "id_number": wuyi_id("19500505", 22), "relationship": "other", "tags": ["dibao", "living_alone"] }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json["id"].as_str().expect("a string in the response");
    assert_eq!(created.json["tags"], json!(["dibao", "living_alone"]));
    let seen_by_leader = app.get(&format!("/api/v1/residents/{id}"), Some(&leader)).await;
    assert_eq!(seen_by_leader.json["tags"], json!(["living_alone"]));
    let stats = app.get("/api/v1/registry/stats", Some(&leader)).await;
    assert!(stats.json["tags"].as_array().is_some_and(|t| t.iter().all(|c| c["key"] != "dibao" && c["key"] != "disabled")));
}

#[actix_web::test]
async fn bad_id_numbers_are_explained_per_field_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = &items(&app, "/api/v1/households?limit=1", &staff).await[0];
    let good = wuyi_id("19800101", 5);
    let wrong_check = format!("{}{}", &good[..17], if good.ends_with('0') { '1' } else { '0' });
    let bad_date = {
        let first17 = "33072319800230005";
        format!("{first17}{}", xingguang::common::national_id::check_character(first17))
    };
    for (id_number, message) in
        [(wrong_check.as_str(), "check character"), (bad_date.as_str(), "not a real date"), ("12345", "18 characters")]
    {
        let res = app
            .post_json(
                "/api/v1/residents",
                Some(&staff),
                &json!({ "household_id": household["id"], "name": "某人", "id_number": id_number, "relationship": "other" }),
            )
            .await;
        res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.json["errors"][0]["field"], "id_number");
        assert!(res.json["errors"][0]["message"].as_str().is_some_and(|m| m.contains(message)), "{}", res.body);
    }
    // Birth date and sex must agree with the number.
    let res = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &json!({ "household_id": household["id"], "name": "某人", "id_number": good, "birth_date": "1980-01-02", "sex": "female", "relationship": "other" }),
        )
        .await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&str> = res.json["errors"].as_array().into_iter().flatten().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["birth_date", "sex"]);
    assert!(items(&app, &format!("/api/v1/residents?{}&status=all", param("q", "某人")), &staff).await.is_empty());

    // The same number twice is a conflict.
    let body = json!({ "household_id": household["id"], "name": "某人", "id_number": good, "relationship": "other" });
    assert_eq!(app.post_json("/api/v1/residents", Some(&staff), &body).await.status, StatusCode::CREATED);
    app.post_json("/api/v1/residents", Some(&staff), &body).await.assert_problem(StatusCode::CONFLICT, "duplicate");
}

#[actix_web::test]
async fn a_stale_write_is_412_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = &items(&app, "/api/v1/residents?limit=1", &staff).await[0];
    let id = resident["id"].as_str().expect("a string in the response");
    let version = resident["version"].as_i64().expect("a number in the response");

    let first = patch(&app, &format!("/api/v1/residents/{id}"), &staff, &json!({ "version": version, "phone": "13900001111" })).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json["version"], version + 1);
    assert_eq!(first.header("etag"), Some(format!("\"{}\"", version + 1)));

    // A second edit based on the old version loses instead of overwriting.
    let stale = patch(&app, &format!("/api/v1/residents/{id}"), &staff, &json!({ "version": version, "phone": "13900002222" })).await;
    stale.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let now = app.get(&format!("/api/v1/residents/{id}"), Some(&staff)).await;
    assert_eq!(now.json["phone_masked"], "139****1111");
    // An If-Match that disagrees with the body is stale too.
    let res = Response::read(
        app.client
            .patch(app.url(&format!("/api/v1/residents/{id}")))
            .bearer_auth(&staff)
            .insert_header(("if-match", format!("\"{version}\"")))
            .send_json(&json!({ "version": version + 1, "phone": "13900003333" }))
            .await,
    )
    .await;
    res.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let updates = app.audit_actions("resident.update").await;
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0]["changed_fields"], json!(["phone"]));
}

#[actix_web::test]
async fn a_resident_may_change_only_their_own_phone() {
    let app = TestApp::spawn().await;
    let token = app.token("resident").await;
    let members = items(&app, "/api/v1/residents", &token).await;
    let me = members.iter().find(|m| m["name"] == "张秀英").expect("the demo resident");
    let id = me["id"].as_str().expect("a string in the response");
    let version = me["version"].as_i64().expect("a number in the response");
    let res = patch(&app, &format!("/api/v1/residents/{id}"), &token, &json!({ "version": version, "phone": "13700001234" })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    patch(&app, &format!("/api/v1/residents/{id}"), &token, &json!({ "version": version + 1, "name": "别人" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    if let Some(other) = members.iter().find(|m| m["name"] != "张秀英") {
        let other_id = other["id"].as_str().expect("a string in the response");
        patch(&app, &format!("/api/v1/residents/{other_id}"), &token, &json!({ "version": other["version"], "phone": "13700009999" }))
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    }
    let leader = app.token("leader").await;
    patch(&app, &format!("/api/v1/residents/{id}"), &leader, &json!({ "version": version + 1, "phone": "13700005555" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn search_by_pinyin_initials_name_id_digits_and_address() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = &items(&app, "/api/v1/households?limit=1", &staff).await[0];
    let id_number = wuyi_id("19450606", 7);
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &json!({ "household_id": household["id"], "name": "張三", "id_number": id_number, "relationship": "other" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json["id"].as_str().expect("a string in the response");
    let found = |list: Vec<Value>| list.iter().any(|r| r["id"] == id);
    assert!(found(items(&app, "/api/v1/residents?q=zs&limit=200", &staff).await), "initials");
    assert!(found(items(&app, "/api/v1/residents?q=ZhangSan&limit=200", &staff).await), "full pinyin");
    assert!(found(items(&app, &format!("/api/v1/residents?{}&limit=200", param("q", "張")), &staff).await), "name");
    assert!(found(items(&app, &format!("/api/v1/residents?q={}&limit=200", &id_number[12..]), &staff).await), "last six");
    let road = household["road"].as_str().expect("a string in the response").to_owned();
    let by_address = items(
        &app,
        &format!("/api/v1/residents?{}&limit=200", param("q", household["address"].as_str().expect("a string in the response"))),
        &staff,
    )
    .await;
    assert!(found(by_address.clone()));
    assert!(by_address.iter().all(|r| r["address"].as_str().is_some_and(|a| a.starts_with(&road))));
    assert!(!found(items(&app, "/api/v1/residents?q=ls&limit=200", &staff).await));
    // Age filters: 81 years old today.
    assert!(found(items(&app, "/api/v1/residents?min_age=80&limit=200", &staff).await));
    assert!(!found(items(&app, "/api/v1/residents?max_age=79&limit=200", &staff).await));
    app.get("/api/v1/residents?tags=rich", Some(&staff)).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // The whole number is never a search (it would confirm a guess); a short tail is, audited.
    app.get(&format!("/api/v1/residents?q={id_number}"), Some(&staff))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let searches = app.audit_actions("resident.id_search").await;
    assert_eq!(searches.len(), 1, "the one ID search that found someone is audited: {searches:?}");
    assert_eq!(searches[0]["changed_fields"], json!(["id_number"]));
}

/// Nothing a leader or resident may not see can be learnt through a filter: no sensitive-tag
/// filter (list or export), and no search by ID-number digits (digits are read as an address).
#[actix_web::test]
async fn filters_cannot_reveal_what_the_caller_may_not_see() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;
    let household = &items(&app, "/api/v1/households?limit=200", &leader).await[0];
    let id_number = wuyi_id("19520303", 31);
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &json!({ "household_id": household["id"], "name": "王残", "id_number": id_number, "relationship": "other", "tags": ["disabled"] }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    for role in [&leader, &app.token("resident").await] {
        for path in ["/api/v1/residents?tags=disabled", "/api/v1/residents?tags=dibao", "/api/v1/residents?tags=living_alone,dibao"] {
            app.get(path, Some(role)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
        }
    }
    app.get("/api/v1/registry/export?format=csv&tags=disabled", Some(&leader)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let lonely = items(&app, "/api/v1/residents?tags=living_alone&limit=200", &leader).await;
    assert!(lonely.iter().all(|r| !r["tags"].as_array().expect("tags").contains(&json!("disabled"))));
    // Staff may filter by them.
    assert!(items(&app, "/api/v1/residents?tags=disabled&limit=200", &staff).await.iter().any(|r| r["id"] == created.json["id"]));
    // A leader's digits search addresses, never ID numbers: the tail of the number finds nobody.
    let tail = &id_number[12..];
    assert!(items(&app, &format!("/api/v1/residents?q={tail}&limit=200"), &leader).await.iter().all(|r| r["id"] != created.json["id"]));
    assert!(app.audit_actions("resident.id_search").await.is_empty());
}

#[actix_web::test]
async fn a_moved_out_resident_is_kept_but_leaves_the_active_list() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let resident = &items(&app, "/api/v1/residents?limit=1", &staff).await[0];
    let id = resident["id"].as_str().expect("a string in the response");
    let res = app
        .post_json(
            &format!("/api/v1/residents/{id}/status"),
            Some(&staff),
            &json!({ "version": resident["version"], "status": "moved_out", "date": "2026-10-01" }),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json["status"], "moved_out");
    assert_eq!(res.json["status_changed_on"], "2026-10-01");
    assert!(!items(&app, "/api/v1/residents?limit=200", &staff).await.iter().any(|r| r["id"] == id));
    assert!(items(&app, "/api/v1/residents?status=moved_out", &staff).await.iter().any(|r| r["id"] == id));
    app.post_json(
        &format!("/api/v1/residents/{id}/status"),
        Some(&staff),
        &json!({ "version": res.json["version"], "status": "moved_out" }),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "status_unchanged");
    assert_eq!(app.audit_actions("resident.status").await.len(), 1);
}

#[actix_web::test]
async fn stats_count_age_bands_and_groups() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let stats = app.get("/api/v1/registry/stats", Some(&staff)).await;
    assert_eq!(stats.status, StatusCode::OK);
    assert_eq!(stats.json["households"], 48);
    assert_eq!(stats.json["residents"], 120);
    let bands: Vec<&str> = stats.json["age_bands"].as_array().into_iter().flatten().filter_map(|b| b["key"].as_str()).collect();
    assert_eq!(bands, ["0-17", "18-59", "60-69", "70-79", "80+"]);
    let band_total: i64 = stats.json["age_bands"].as_array().into_iter().flatten().filter_map(|b| b["count"].as_i64()).sum();
    assert_eq!(band_total, 120);
    let group_total: i64 = stats.json["groups"].as_array().into_iter().flatten().filter_map(|g| g["residents"].as_i64()).sum();
    assert_eq!(group_total, 120);
    let leader = app.token("leader").await;
    let mine = app.get("/api/v1/registry/stats", Some(&leader)).await;
    assert_eq!(mine.json["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(mine.json["residents"], my_group(&app, &leader).await["residents"]);
}

#[actix_web::test]
async fn group_and_household_edits_check_versions_and_audit() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let group = app.get("/api/v1/groups", Some(&staff)).await.json[1].clone();
    let id = group["id"].as_str().expect("a string in the response");
    let renamed =
        patch(&app, &format!("/api/v1/groups/{id}"), &staff, &json!({ "version": group["version"], "name": "第二居民小组（新）" })).await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    patch(&app, &format!("/api/v1/groups/{id}"), &staff, &json!({ "version": group["version"], "name": "旧" }))
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    // Group numbers are unique.
    patch(&app, &format!("/api/v1/groups/{id}"), &staff, &json!({ "version": renamed.json["version"], "number": 1 }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");

    let created = app
        .post_json("/api/v1/households", Some(&staff), &json!({ "group_id": id, "road": "朝阳路", "building": "99幢", "room": "101室" }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.json["address"], "朝阳路99幢101室");
    app.post_json("/api/v1/households", Some(&staff), &json!({ "group_id": id, "road": "朝阳路", "building": "99幢", "room": "101室" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "duplicate");
    assert_eq!(app.audit_actions("group.update").await.len(), 1);
    assert_eq!(app.audit_actions("household.create").await.len(), 1);
}

/// A search lists the best matches first — exact initials before initials that merely start
/// with the letters, even when those are newer — and paging through the ranked list gives every
/// match once, in the same order.
#[actix_web::test]
async fn search_results_are_ranked_and_page_through_once() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = &items(&app, "/api/v1/households?limit=1", &staff).await[0];
    // Created in this order, so newest-first alone would put 张三丰 and 张三峰 first.
    for (i, name) in ["张三", "张山", "张三丰", "张三峰"].iter().enumerate() {
        let body = json!({ "household_id": household["id"], "name": name, "id_number": wuyi_id("19600707", 60 + i as u32), "relationship": "other" });
        assert_eq!(app.post_json("/api/v1/residents", Some(&staff), &body).await.status, StatusCode::CREATED);
    }
    let all = items(&app, "/api/v1/residents?q=zs&limit=200", &staff).await;
    let names: Vec<&str> = all.iter().map(|r| r["name"].as_str().expect("name")).collect();
    let exact = names.iter().position(|n| *n == "张三").expect("张三");
    let longer = names.iter().position(|n| *n == "张三丰").expect("张三丰");
    assert!(exact < longer, "exact initials first: {names:?}");
    assert!(names.iter().take_while(|n| n.chars().count() == 2).count() >= 2, "{names:?}");
    let mut paged = Vec::new();
    let mut path = "/api/v1/residents?q=zs&limit=2".to_owned();
    loop {
        let res = app.get(&path, Some(&staff)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        paged.extend(res.json["items"].as_array().expect("items").iter().map(|r| r["id"].clone()));
        match res.json["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/residents?q=zs&limit=2&cursor={cursor}"),
            None => break,
        }
    }
    let ids: Vec<Value> = all.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(paged, ids, "paging gives the same ranked list, each match once");
    // A name: the whole name first, then names starting with it, then names containing it.
    let by_name = items(&app, &format!("/api/v1/residents?{}&limit=200", param("q", "张三")), &staff).await;
    assert_eq!(by_name[0]["name"], "张三", "{by_name:?}");
}

/// A ranked search's cursor naming a resident out of the caller's reach tells nothing about that
/// resident: the answer is empty, whatever the search.
#[actix_web::test]
async fn a_cursor_out_of_reach_reveals_nothing_through_the_ranking() {
    use base64::Engine;
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let leader = app.token("leader").await;
    let own: Vec<Value> = items(&app, "/api/v1/residents?limit=200", &leader).await;
    let outside = items(&app, "/api/v1/residents?limit=200", &staff)
        .await
        .into_iter()
        .find(|r| !own.iter().any(|o| o["id"] == r["id"]))
        .expect("a resident of another group");
    let id: uuid::Uuid = outside["id"].as_str().expect("id").parse().expect("uuid");
    let cursor = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id.as_bytes());
    let name = outside["name"].as_str().expect("name");
    for q in [name, "zzzz"] {
        let path = format!("/api/v1/residents?{}&limit=50&cursor={cursor}", param("q", q));
        assert!(items(&app, &path, &leader).await.is_empty(), "{q}");
    }
}
