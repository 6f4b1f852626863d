//! Registry import (row report, all-or-nothing, idempotent, background jobs) and export (masked).

use awc::http::StatusCode;
use serde_json::Value;

use crate::helpers::{wuyi_id, Response, TestApp};

const HEADER: &str = "小组编号,道路,幢,单元,室,户电话,姓名,身份证号,与户主关系,手机,标签";

/// A CSV of `n` residents in new households on 试验路 (two per household, group 1).
pub(crate) fn csv_of(n: usize) -> String {
    let mut csv = format!("{HEADER}\n");
    for i in 0..n {
        let relationship = if i % 2 == 0 { "户主" } else { "配偶" };
        let id = wuyi_id(&format!("19{:02}0{}1{}", 40 + i % 50, 1 + i % 9, i % 10), (i % 999) as u32);
        csv.push_str(&format!("1,试验路,{}幢,1单元,{}室,,居民{i},{id},{relationship},13800000000,\n", i / 200 + 1, i / 2 % 100 + 101));
    }
    csv
}

pub(crate) async fn upload(app: &TestApp, token: &str, body: Vec<u8>, query: &str) -> Response {
    Response::read(
        app.client
            .post(app.url(&format!("/api/v1/registry/imports?{query}")))
            .bearer_auth(token)
            .insert_header(("content-type", "text/csv"))
            .send_body(body)
            .await,
    )
    .await
}

async fn count_on_test_road(app: &TestApp, token: &str) -> usize {
    let q = serde_urlencoded::to_string([("q", "试验路"), ("limit", "200")]).expect("encodes");
    let res = app.get(&format!("/api/v1/residents?{q}"), Some(token)).await;
    res.json["items"].as_array().map_or(0, Vec::len)
}

#[actix_web::test]
async fn the_template_downloads_as_xlsx_and_csv() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let xlsx = app.get("/api/v1/registry/imports/template", Some(&staff)).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.header("content-type").is_some_and(|c| c.contains("spreadsheetml")));
    assert!(xlsx.header("content-disposition").is_some_and(|d| d.contains("attachment")));
    let csv = app.get("/api/v1/registry/imports/template?format=csv", Some(&staff)).await;
    assert!(csv.body.trim_start_matches('\u{feff}').starts_with(HEADER), "{}", csv.body);
    let leader = app.token("leader").await;
    app.get("/api/v1/registry/imports/template", Some(&leader)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    // The template's own example row passes the checks (a dry run writes nothing).
    let checked = upload(&app, &staff, csv.body.into_bytes(), "dry_run=true").await;
    assert_eq!(checked.json["status"], "validated", "{}", checked.body);
}

/// An exported list is in the template's columns and imports again: its masked rows are
/// recognised as registered (nothing is created twice), and the sheet says why.
#[actix_web::test]
async fn an_exported_list_imports_again_cleanly() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let group = app.get("/api/v1/groups", Some(&staff)).await.json[0]["id"].as_str().expect("group id").to_owned();
    let export = app.get(&format!("/api/v1/registry/export?format=csv&group_id={group}"), Some(&staff)).await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.body);
    let sheet = export.body.trim_start_matches('\u{feff}').to_owned();
    assert!(sheet.starts_with(HEADER), "{sheet}");
    assert!(sheet.contains("已脱敏"), "the sheet explains the masking");
    let exported_rows = sheet.lines().count() - 1;
    assert!(exported_rows > 0);
    let again = upload(&app, &staff, sheet.into_bytes(), "").await;
    assert_eq!(again.json["status"], "imported", "{}", again.body);
    assert_eq!((again.json["residents_created"].as_i64(), again.json["residents_skipped"].as_i64()), (Some(0), Some(exported_rows as i64)));
    let audit = app.audit_actions("registry.export").await;
    assert_eq!(audit[0]["detail"]["rows"], exported_rows);
}

/// CSV cells a spreadsheet would run as formulas are exported as text.
#[actix_web::test]
async fn exported_cells_never_run_as_formulas() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let household = app.get("/api/v1/households?limit=1", Some(&staff)).await.json["items"][0]["id"].clone();
    let created = app
        .post_json(
            "/api/v1/residents",
            Some(&staff),
            &serde_json::json!({ "household_id": household, "name": "=HYPERLINK(\"http://x\")", "id_number": wuyi_id("19700101", 41), "relationship": "other" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let export =
        app.get(&format!("/api/v1/registry/export?format=csv&household_id={}", household.as_str().expect("id")), Some(&staff)).await;
    assert!(export.body.contains("'=HYPERLINK"), "{}", export.body);
    assert!(!export.body.contains(",=HYPERLINK"), "{}", export.body);
}

#[actix_web::test]
async fn one_bad_row_commits_nothing_and_is_named() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let good = wuyi_id("19600101", 11);
    let bad_check = {
        let id = wuyi_id("19610202", 12);
        format!("{}{}", &id[..17], if id.ends_with('1') { '2' } else { '1' })
    };
    let csv = format!(
        "{HEADER}\n1,试验路,1幢,1单元,101室,,甲,{good},户主,,党员\n1,试验路,1幢,1单元,101室,,乙,{bad_check},配偶,,\n99,试验路,2幢,1单元,101室,,丙,{},户主,,富人\n1,试验路,1幢,1单元,101室,,丁,{good},子女,,\n",
        wuyi_id("19620303", 13)
    );
    let res = upload(&app, &staff, csv.into_bytes(), "").await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json["status"], "failed");
    assert_eq!(res.json["residents_created"], 0);
    let errors: Vec<(i64, String)> = res.json["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["row"].as_i64().expect("a number in the response"), e["field"].as_str().expect("a string in the response").to_owned()))
        .collect();
    assert!(errors.contains(&(3, "身份证号".to_owned())), "{errors:?}");
    assert!(errors.contains(&(4, "小组编号".to_owned())), "{errors:?}");
    assert!(errors.contains(&(4, "标签".to_owned())), "{errors:?}");
    assert!(errors.contains(&(5, "身份证号".to_owned())), "duplicate within the file: {errors:?}");
    assert!(res.body.contains("校验位"), "messages are in Chinese: {}", res.body);
    assert_eq!(count_on_test_road(&app, &staff).await, 0);
}

#[actix_web::test]
async fn a_dry_run_writes_nothing_and_importing_twice_creates_nothing_twice() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let csv = csv_of(6);
    let dry = upload(&app, &staff, csv.clone().into_bytes(), "dry_run=true").await;
    assert_eq!(dry.json["status"], "validated", "{}", dry.body);
    assert_eq!(dry.json["residents_created"], 6);
    assert_eq!(count_on_test_road(&app, &staff).await, 0);

    let first = upload(&app, &staff, csv.clone().into_bytes(), "file_name=test.csv").await;
    assert_eq!(first.json["status"], "imported", "{}", first.body);
    assert_eq!((first.json["households_created"].as_i64(), first.json["residents_created"].as_i64()), (Some(3), Some(6)));
    assert_eq!(count_on_test_road(&app, &staff).await, 6);

    let again = upload(&app, &staff, csv.into_bytes(), "").await;
    assert_eq!(again.json["status"], "imported", "{}", again.body);
    assert_eq!((again.json["residents_created"].as_i64(), again.json["residents_skipped"].as_i64()), (Some(0), Some(6)));
    assert_eq!(count_on_test_road(&app, &staff).await, 6);

    // The imported households have their heads, and the group leader sees them.
    let leader = app.token("leader").await;
    assert_eq!(count_on_test_road(&app, &leader).await, 6);
    let imports = app.audit_actions("registry.import").await;
    assert_eq!(imports.len(), 2);
    assert_eq!(imports[1]["detail"]["residents_created"], 6);
}

#[actix_web::test]
async fn an_xlsx_file_imports_like_a_csv() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows: Vec<Vec<String>> = csv_of(4).lines().map(|l| l.split(',').map(str::to_owned).collect()).collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // Group numbers as real numbers, as Excel users type them.
            if r > 0 && c == 0 {
                sheet.write_number(r as u32, c as u16, value.parse::<f64>().expect("a number")).expect("cell");
            } else {
                sheet.write_string(r as u32, c as u16, value).expect("cell");
            }
        }
    }
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let res = upload(&app, &staff, bytes, "").await;
    assert_eq!(res.json["status"], "imported", "{}", res.body);
    assert_eq!(res.json["format"], "xlsx");
    assert_eq!(count_on_test_road(&app, &staff).await, 4);
}

#[actix_web::test]
async fn a_large_file_runs_as_a_job_with_progress() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let res = upload(&app, &staff, csv_of(2_400).into_bytes(), "").await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.body);
    assert_eq!(res.json["status"], "running");
    assert_eq!(res.json["total_rows"], 2_400);
    let location = res.header("location").expect("Location");
    let mut seen_progress = Vec::new();
    let mut job: Value = res.json.clone();
    for _ in 0..100 {
        if job["status"] != "running" {
            break;
        }
        // Long-poll: the server answers when the job moves.
        let next = app.get(&format!("{location}?wait=true"), Some(&staff)).await;
        assert_eq!(next.status, StatusCode::OK);
        seen_progress.push(next.json["processed_rows"].as_i64().expect("a number in the response"));
        job = next.json;
    }
    assert_eq!(job["status"], "imported", "{job}");
    assert_eq!(job["residents_created"], 2_400);
    assert_eq!(job["processed_rows"], 2_400);
    assert!(seen_progress.windows(2).all(|w| w[0] <= w[1]), "{seen_progress:?}");
}

#[actix_web::test]
async fn unreadable_files_are_422() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let res = upload(&app, &staff, "姓名,身份证号\n张三,1\n".as_bytes().to_vec(), "").await;
    res.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(res.json["errors"][0]["message"].as_str().is_some_and(|m| m.contains("表头缺少列")));
    upload(&app, &staff, format!("{HEADER}\n").into_bytes(), "")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

#[actix_web::test]
async fn exports_are_masked_scoped_and_audited() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let id = wuyi_id("19500101", 21);
    upload(&app, &staff, format!("{HEADER}\n1,试验路,1幢,1单元,101室,,应慧玲,{id},户主,13812345678,残疾\n").into_bytes(), "").await;

    let csv = app.get("/api/v1/registry/export?format=csv&limit=10", Some(&staff)).await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(csv.body.starts_with('\u{feff}'), "a BOM, so Excel reads UTF-8");
    assert_eq!(csv.body.lines().count(), 121 + 1, "every active resident and the header");
    assert!(csv.body.contains("应慧玲") && csv.body.contains("138****5678") && csv.body.contains("残疾"));
    assert!(!csv.body.contains(&id) && !csv.body.contains("13812345678"));

    let leader = app.token("leader").await;
    let mine = app.get("/api/v1/registry/export?format=csv", Some(&leader)).await;
    assert!(mine.body.lines().skip(1).all(|l| l.starts_with("1,")), "only group 1");
    assert!(!mine.body.contains("残疾"), "no sensitive tags for leaders");

    let xlsx = app.get("/api/v1/registry/export?min_age=80", Some(&staff)).await;
    assert!(xlsx.header("content-type").is_some_and(|c| c.contains("spreadsheetml")));
    let exports = app.audit_actions("registry.export").await;
    assert_eq!(exports.len(), 3);
    let resident = app.token("resident").await;
    app.get("/api/v1/registry/export", Some(&resident)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

#[actix_web::test]
async fn the_imports_list_newest_first_with_their_error_counts() {
    let app = TestApp::spawn().await;
    let staff = app.token("staff").await;
    let good = upload(&app, &staff, csv_of(2).into_bytes(), "file_name=good.csv").await;
    assert_eq!(good.json["status"], "imported", "{}", good.body);
    let bad = format!("{HEADER}\n99,试验路,1幢,1单元,101室,,甲,{},户主,,\n", wuyi_id("19600101", 21));
    let failed = upload(&app, &staff, bad.into_bytes(), "file_name=bad.csv").await;
    assert_eq!(failed.json["status"], "failed", "{}", failed.body);

    let list = app.get("/api/v1/registry/imports?mine=true&limit=1", Some(&staff)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(list.json["items"][0]["file_name"], "bad.csv");
    assert_eq!(list.json["items"][0]["error_count"], 1);
    assert!(list.json["items"][0].get("errors").is_none(), "the list leaves the row reports out");
    let cursor = list.json["next_cursor"].as_str().expect("a second page");
    let next = app.get(&format!("/api/v1/registry/imports?mine=true&limit=1&cursor={cursor}"), Some(&staff)).await;
    assert_eq!(next.json["items"][0]["file_name"], "good.csv");
    assert_eq!(next.json["items"][0]["residents_created"], 2);

    let leader = app.token("leader").await;
    app.get("/api/v1/registry/imports", Some(&leader)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}
