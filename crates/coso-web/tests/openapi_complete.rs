//! The OpenAPI document describes every API route the router serves: each route and method is
//! there, a route that reads a body has its schema, no body it reads or answers with is a bare
//! object, every path parameter is named, every operation names the errors it can answer with
//! the JSON error body, and the operations that do not name 401 answer a visitor who is not
//! signed in.

use std::collections::BTreeSet;

use coso_test_support::TestApp;
use serde_json::Value;

/// `(method, path)` of every `/api/v1/…` route in the web crate's source, so that a route added
/// tomorrow is checked without anyone listing it.
fn api_routes_in_source() -> BTreeSet<(String, String)> {
    coso_test_support::routes_in_source()
        .into_iter()
        // The document itself and the catch-all that answers unknown API paths.
        .filter(|(_, route)| route.starts_with("/api/v1/") && route != "/api/v1/openapi.json" && !route.contains("{*"))
        .collect()
}

/// The API routes that read a body, from the rejection test's list of every route and its body.
fn routes_with_a_body() -> BTreeSet<(String, String)> {
    let list = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hardening/rejections.rs");
    let text = std::fs::read_to_string(list).expect("the rejection test's route list");
    text.lines()
        .filter_map(|line| {
            let row = line.trim().strip_prefix("(\"")?;
            let (method, rest) = row.split_once("\", \"")?;
            let (path, body) = rest.split_once("\", Body::")?;
            (path.starts_with("/api/v1/") && !body.starts_with("None")).then(|| (method.to_string(), path.to_string()))
        })
        .collect()
}

/// Property names that hold a code.
const CODED: &[&str] = &[
    "kind",
    "status",
    "form",
    "outcome",
    "receiver",
    "part_of_day",
    "role",
    "channel",
    "state",
    "method",
    "matter",
    "step",
    "refusal_ground",
];

/// Fields with a coded name that hold free text or a code of a list that is data, not an enum:
/// with the reason.
const FREE_TEXT: &[(&str, &str)] = &[
    // `ok` or `degraded`, the operators' probe.
    ("Health", "status"),
    // The interval's judgement (`met`, `missed`, `not_yet_due`) has no list of codes in the domain.
    ("IntervalResult", "status"),
    // A ballot tally's state carries data beside its code (the mismatched fields, the counts).
    ("Tally", "state"),
    // The kind of a cited document as the plan writes it (`Luật`, `Nghị định`, `Chỉ thị`…).
    ("CitedDocument", "kind"),
    // The name of the unit a report goes to.
    ("DueReport", "receiver"),
];

async fn document(app: &TestApp) -> Value {
    let res = app.anonymous().get(app.url("/api/v1/openapi.json")).send().await.expect("document");
    assert_eq!(res.status(), 200);
    res.json().await.expect("JSON")
}

/// Every `(method, path, operation)` of the document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                out.push((method.to_uppercase(), path.clone(), op.clone()));
            }
        }
    }
    out
}

fn statuses(op: &Value) -> BTreeSet<String> {
    op["responses"].as_object().map(|r| r.keys().cloned().collect()).unwrap_or_default()
}

#[tokio::test]
async fn every_api_route_is_fully_described() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let ops = operations(&doc);
    let documented: BTreeSet<(String, String)> = ops.iter().map(|(m, p, _)| (m.clone(), p.clone())).collect();
    let served = api_routes_in_source();
    assert!(served.len() > 100, "the source scan found too few API routes: {served:?}");

    let missing: Vec<_> = served.difference(&documented).collect();
    assert!(missing.is_empty(), "routes the document does not describe: {missing:?}");
    let stale: Vec<_> =
        documented.iter().filter(|(_, p)| p.starts_with("/api/")).filter(|r| !served.contains(r)).collect();
    assert!(stale.is_empty(), "operations the router does not serve: {stale:?}");

    let with_body = routes_with_a_body();
    let mut problems = Vec::new();
    for (method, path, op) in &ops {
        let name = format!("{method} {path}");
        if with_body.contains(&(method.clone(), path.clone())) && op["requestBody"]["content"].as_object().is_none() {
            problems.push(format!("{name}: reads a body but documents no request body"));
        }
        let params: Vec<&Value> = op["parameters"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
        for segment in path.split('/').filter(|s| s.starts_with('{')) {
            let param = segment.trim_matches(|c| c == '{' || c == '}');
            if !params.iter().any(|p| p["name"] == param && p["in"] == "path") {
                problems.push(format!("{name}: path parameter «{param}» undocumented"));
            }
        }
        let errors: Vec<String> = statuses(op).into_iter().filter(|s| s.as_str() >= "400").collect();
        if errors.is_empty() {
            problems.push(format!("{name}: documents no error response"));
        }
        for status in &errors {
            let schema = &op["responses"][status]["content"]["application/json"]["schema"]["$ref"];
            if path.starts_with("/api/") && schema != "#/components/schemas/ErrorBody" {
                problems.push(format!("{name}: {status} has no JSON error body"));
            }
        }
        let has = |s: &str| errors.iter().any(|e| e == s);
        if (!params.is_empty() || op.get("requestBody").is_some()) && !has("400") {
            problems.push(format!("{name}: parameters or a body but no 400"));
        }
        if path.contains('{') && !has("404") {
            problems.push(format!("{name}: a path parameter but no 404"));
        }
        if op.get("requestBody").is_some() && !(has("413") && has("415") && has("422")) {
            problems.push(format!("{name}: a body but no 413, 415 or 422"));
        }
        if method != "GET" && !has("403") {
            problems.push(format!("{name}: a write but no 403"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));

    // Every coded field of a body is an enum of its codes.
    let mut plain = Vec::new();
    for (name, schema) in doc["components"]["schemas"].as_object().expect("schemas") {
        for (property, field) in schema["properties"].as_object().into_iter().flatten() {
            let coded = CODED.contains(&property.as_str()) && !FREE_TEXT.contains(&(name.as_str(), property.as_str()));
            if coded && field.get("enum").is_none() && field.get("$ref").is_none() {
                plain.push(format!("{name}.{property}"));
            }
        }
    }
    assert!(plain.is_empty(), "coded fields without their enum: {plain:?}");

    // The error code is an enum a client can match on.
    let codes = &doc["components"]["schemas"]["ErrorCode"]["enum"];
    for code in ["not_found", "unauthorized", "forbidden", "validation_failed", "csrf_token_invalid", "bad_request"] {
        assert!(codes.as_array().is_some_and(|c| c.iter().any(|v| v == code)), "ErrorCode lacks {code}: {codes}");
    }
}

/// The operations that do not name 401 answer an anonymous visitor, and the others refuse one
/// with 401, on the real router.
#[tokio::test]
async fn the_documented_401_matches_the_router() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let anonymous = app.anonymous();
    let mut wrong = Vec::new();
    for (method, path, op) in operations(&doc) {
        // Ending a session answers 204 to anyone; signing in is refused with 401 for a wrong password.
        if path == "/api/v1/session" {
            continue;
        }
        let url =
            app.url(&path.split('/').map(|s| if s.starts_with('{') { "1" } else { s }).collect::<Vec<_>>().join("/"));
        let verb = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = anonymous.request(verb, url);
        if method != "GET" {
            req = req.header("content-type", "application/json").body("{}");
        }
        let status = req.send().await.expect("sent").status().as_u16();
        let documents_401 = statuses(&op).contains("401");
        if (status == 401) != documents_401 {
            wrong.push(format!("{method} {path}: answered {status}, documents 401: {documents_401}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Names of the types deriving `ToSchema` in the web crate's source, each with the name it takes
/// in the document (`#[schema(as = …)]` or its own).
fn schema_names_in_source() -> Vec<(String, std::path::PathBuf)> {
    let src = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src];
    let mut names = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).expect("source dir").map(|e| e.expect("entry").path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source file");
        for derived in text.split("#[derive(").skip(1) {
            let Some((derives, rest)) = derived.split_once(")]") else { continue };
            if !derives.contains("ToSchema") {
                continue;
            }
            // The attributes between the derive and the item, then the item's name.
            let Some(item) = rest.find("pub struct ").or_else(|| rest.find("pub enum ")) else { continue };
            let attributes = &rest[..item];
            let declared = rest[item..].split_whitespace().nth(2).unwrap_or_default();
            let own = declared.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
            let renamed = attributes
                .split("as = ")
                .nth(1)
                .map(|r| r.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>());
            names.push((renamed.unwrap_or(own), path.clone()));
        }
    }
    names
}

/// Two wire types with one name make one schema of the document, and the other type's answers
/// break it (the deadlines of boards, cases, dialogues and elections did).
#[test]
fn every_wire_type_has_its_own_name_in_the_document() {
    let names = schema_names_in_source();
    assert!(names.len() > 100, "the source scan found too few schemas: {}", names.len());
    let mut seen = std::collections::BTreeMap::new();
    let mut twice = Vec::new();
    for (name, path) in names {
        if let Some(first) = seen.insert(name.clone(), path.clone()) {
            twice.push(format!("{name}: {} and {}", first.display(), path.display()));
        }
    }
    assert!(twice.is_empty(), "schema names used twice: {twice:?}");
}

/// The lists the API answers are documented as lists (the rules, the notifications, the report
/// templates and a unit's inbox were documented as objects).
#[tokio::test]
async fn the_lists_are_documented_as_lists() {
    let app = TestApp::spawn().await;
    app.user("root@coso.test", coso_domain::authz::Role::Admin, "42").await;
    let admin = app.client_as("root@coso.test").await;
    let doc = document(&app).await;
    for (template, path) in [
        ("/api/v1/calendar/rules", "/api/v1/calendar/rules"),
        ("/api/v1/notifications", "/api/v1/notifications"),
        ("/api/v1/report-templates", "/api/v1/report-templates"),
        ("/api/v1/units/{code}/inbox", "/api/v1/units/42/inbox"),
    ] {
        let schema = &doc["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(schema["type"], "array", "{template}: {schema}");
        let res = admin.get(app.url(path)).send().await.expect("list");
        assert_eq!(res.status(), 200, "{path}");
        let body: Value = res.json().await.expect("JSON");
        assert!(body.is_array(), "{path}: {body}");
    }
}

/// A schema that says nothing of what it holds: an object without properties or typed values,
/// or no type at all. An array is as bare as its items, a reference as the schema it names, a
/// choice as its barest alternative (`null` aside).
fn bare(doc: &Value, schema: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        return bare(doc, &doc["components"]["schemas"][name], depth + 1);
    }
    if let Some(parts) = schema["allOf"].as_array() {
        return parts.iter().all(|p| bare(doc, p, depth + 1));
    }
    for choice in ["oneOf", "anyOf"] {
        if let Some(alternatives) = schema[choice].as_array() {
            return alternatives.iter().filter(|a| a["type"] != "null").any(|a| bare(doc, a, depth + 1));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    if types.contains(&"array") {
        return schema.get("prefixItems").is_none() && schema.get("items").is_none_or(|i| bare(doc, i, depth + 1));
    }
    if types.contains(&"object") {
        let properties = schema["properties"].as_object().is_some_and(|p| !p.is_empty());
        return !properties && !schema["additionalProperties"].is_object();
    }
    false
}

/// Every body an operation reads, and every body of its 2xx answers, says what it holds: the
/// schemathesis run checks the answers against it, and a bare object lets anything through.
#[tokio::test]
async fn no_body_is_a_bare_object() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let mut bare_bodies = Vec::new();
    for (method, path, op) in operations(&doc) {
        let mut bodies: Vec<(String, &Value)> = Vec::new();
        for (media, content) in op["requestBody"]["content"].as_object().into_iter().flatten() {
            bodies.push((format!("request {media}"), &content["schema"]));
        }
        for (status, answer) in op["responses"].as_object().into_iter().flatten() {
            if !status.starts_with('2') {
                continue;
            }
            for (media, content) in answer["content"].as_object().into_iter().flatten() {
                bodies.push((format!("{status} {media}"), &content["schema"]));
            }
        }
        for (what, schema) in bodies {
            if bare(&doc, schema, 0) {
                bare_bodies.push(format!("{method} {path}: {what}: {schema}"));
            }
        }
    }
    assert!(bare_bodies.is_empty(), "bodies described as a bare object:\n{}", bare_bodies.join("\n"));
}

#[test]
fn a_bare_schema_is_told_from_a_described_one() {
    let doc = serde_json::json!({ "components": { "schemas": {
        "Empty": { "type": "object" },
        "Plan": { "type": "object", "properties": { "id": { "type": "integer" } } },
    } } });
    let bare_ones = [
        serde_json::json!({ "type": "object" }),
        serde_json::json!({}),
        serde_json::json!({ "type": "array", "items": { "type": "object" } }),
        serde_json::json!({ "$ref": "#/components/schemas/Empty" }),
        serde_json::json!({ "oneOf": [{ "type": "object" }, { "type": "null" }] }),
        serde_json::json!({ "type": "object", "additionalProperties": true }),
    ];
    for schema in bare_ones {
        assert!(bare(&doc, &schema, 0), "{schema} is bare");
    }
    let described = [
        serde_json::json!({ "$ref": "#/components/schemas/Plan" }),
        serde_json::json!({ "type": "array", "items": { "$ref": "#/components/schemas/Plan" } }),
        serde_json::json!({ "type": "object", "additionalProperties": { "type": "number" } }),
        serde_json::json!({ "type": "string", "format": "binary" }),
        serde_json::json!({ "type": "array", "items": { "type": "integer" } }),
        serde_json::json!({ "oneOf": [{ "$ref": "#/components/schemas/Plan" }, { "type": "null" }] }),
        serde_json::json!({ "allOf": [{ "$ref": "#/components/schemas/Plan" }, { "description": "it" }] }),
    ];
    for schema in described {
        assert!(!bare(&doc, &schema, 0), "{schema} is described");
    }
}
