use awc::http::StatusCode;

use crate::helpers::TestApp;

/// The committed contract must be what the code generates. To update it:
/// `cargo run -q -- openapi > openapi/openapi.json` (or `make openapi`).
#[actix_web::test]
async fn the_committed_openapi_document_matches_the_code() {
    let generated = xingguang::openapi::to_committed_json(&xingguang::openapi::document());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json")).expect("openapi/openapi.json");
    assert!(generated == committed, "openapi/openapi.json is stale: run `make openapi` and commit the result");
}

#[actix_web::test]
async fn the_served_document_is_the_committed_one_and_the_ui_is_served() {
    let app = TestApp::spawn().await;
    let served = app.get("/api-docs/openapi.json", None).await;
    assert_eq!(served.status, StatusCode::OK);
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json")).expect("file"))
            .expect("json");
    assert_eq!(served.json, committed);
    let bare = app.get("/api-docs", None).await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.header("location").as_deref(), Some("/api-docs/"));
    let ui = app.get("/api-docs/", None).await;
    assert_eq!(ui.status, StatusCode::OK);
    assert!(ui.body.contains("swagger"), "{}", ui.body);
}

/// Every operation names the roles that may call it and documents its error responses.
#[test]
fn every_operation_documents_roles_and_errors() {
    let doc = serde_json::to_value(xingguang::openapi::document()).expect("json");
    let paths = doc["paths"].as_object().expect("paths");
    assert!(!paths.is_empty());
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            let name = format!("{method} {path}");
            let description = op["description"].as_str().unwrap_or_else(|| panic!("{name} has no description"));
            assert!(description.contains("**Roles:**"), "{name} does not name its roles");
            assert!(op["operationId"].is_string(), "{name} has no operationId");
            let responses = op["responses"].as_object().expect("responses");
            let secured = op.get("security").is_some();
            if secured {
                assert!(responses.contains_key("401"), "{name} is secured but does not document 401");
            }
            if op["requestBody"]["content"].get("application/json").is_some() {
                assert!(responses.contains_key("415"), "{name} takes JSON but does not document 415");
            }
            for (status, response) in responses {
                // Shared answers are references into `components.responses`.
                let response = match response["$ref"].as_str() {
                    Some(reference) => doc.pointer(reference.trim_start_matches('#')).expect("shared response resolves"),
                    None => response,
                };
                if path == "/api/v1/oauth/token" && status.starts_with('4') {
                    // RFC 6749 §5.2 requires application/json with `error`; it carries the problem fields too.
                    let schema = &response["content"]["application/json"]["schema"]["$ref"];
                    assert_eq!(schema, "#/components/schemas/OAuthErrorResponse", "{name} {status}");
                } else if path.starts_with("/open311/v2/") && status.starts_with('4') {
                    // GeoReport v2 errors are its own list of {code, description}; a query string
                    // the platform cannot read at all is its problem (400).
                    let items = &response["content"]["application/json"]["schema"]["items"]["$ref"];
                    let problem = response["content"].get("application/problem+json").is_some();
                    assert!(items == "#/components/schemas/Open311ErrorDto" || (status == "400" && problem), "{name} {status}");
                } else if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"].get("application/problem+json").is_some(),
                        "{name} documents {status} without a problem body"
                    );
                }
            }
        }
    }
}

/// Every `$ref` points at a schema that is in the document (generated clients need them all).
#[test]
fn every_reference_resolves() {
    fn walk(value: &serde_json::Value, refs: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                    refs.push(r.clone());
                }
                map.values().for_each(|v| walk(v, refs));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let doc = serde_json::to_value(xingguang::openapi::document()).expect("json");
    let mut refs = Vec::new();
    walk(&doc, &mut refs);
    assert!(!refs.is_empty());
    for reference in refs {
        let pointer = reference.trim_start_matches('#');
        assert!(doc.pointer(pointer).is_some(), "{reference} does not resolve");
    }
}

/// Error codes are one enum in the spec, and the code table in docs/API-DESIGN.md names each of
/// them (and no other), so the documentation cannot fall behind the code.
#[test]
fn error_codes_are_an_enum_and_the_design_doc_lists_each() {
    let doc = serde_json::to_value(xingguang::openapi::document()).expect("json");
    assert_eq!(doc["components"]["schemas"]["Problem"]["properties"]["code"]["$ref"], "#/components/schemas/ErrorCode");
    let codes: Vec<String> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode is an enum")
        .iter()
        .map(|c| c.as_str().expect("text").to_owned())
        .collect();
    assert!(codes.contains(&"stale_version".to_owned()));
    let design = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/API-DESIGN.md")).expect("API-DESIGN.md");
    // The "code(s)" column of the rows for 4xx and 5xx statuses.
    let column: String = design
        .lines()
        .filter(|l| l.starts_with("| 4") || l.starts_with("| 5"))
        .filter_map(|l| l.split('|').nth(2))
        .collect::<Vec<_>>()
        .join(" ");
    let mut documented: Vec<String> = column.split('`').enumerate().filter(|(i, _)| i % 2 == 1).map(|(_, code)| code.to_owned()).collect();
    documented.sort();
    documented.dedup();
    let mut expected = codes.clone();
    expected.sort();
    assert_eq!(documented, expected, "docs/API-DESIGN.md's code table differs from ErrorCode");
}
