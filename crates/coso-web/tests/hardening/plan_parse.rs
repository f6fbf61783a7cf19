//! Reading plan documents is for those who manage plans, off the request threads, a few at a
//! time: when every reader is busy the answer is 503 with `Retry-After`, not a stalled server.

use coso_domain::authz::Role;
use serde_json::Value;

use crate::support::{TestApp, attr, plan_docx};
use crate::{PROVINCE, api_error};

#[tokio::test]
async fn only_plan_managers_parse_and_a_few_at_a_time() {
    let app = TestApp::spawn().await;
    app.user("dan@coso.test", Role::Resident, PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let resident = app.client_as("dan@coso.test").await;
    let official = app.client_as("tinh@coso.test").await;
    let parse = |c: &reqwest::Client| c.post(app.url("/api/v1/plans/parse?file_name=kh.docx")).body(plan_docx());
    api_error(parse(&resident).send().await.expect("parse"), 403, "forbidden").await;
    let res = parse(&official).send().await.expect("parse");
    assert_eq!(res.status(), 200);
    let parsed: Value = res.json().await.expect("json");
    assert!(parsed["draft"]["title"].as_str().is_some_and(|t| !t.is_empty()), "{parsed}");

    // Every reader taken: refused at once, with when to come back.
    let readers = app.state.document_readers.clone();
    let all = u32::try_from(readers.available_permits()).expect("a few");
    assert!(all >= 1);
    let held = readers.try_acquire_many_owned(all).expect("all readers");
    let res = parse(&official).send().await.expect("parse");
    assert_eq!(res.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
    let body = api_error(res, 503, "busy").await;
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("thử lại")), "{body}");
    let import = official
        .post(app.url(&format!("/api/v1/plans/import?unit={PROVINCE}&targets=children&file_name=kh.docx")))
        .body(plan_docx())
        .send()
        .await
        .expect("import");
    api_error(import, 503, "busy").await;
    let page = official.get(app.url("/quan-tri/ke-hoach?don-vi=42")).send().await.expect("plans page");
    let csrf = attr(&page.text().await.expect("html"), "input[name=csrf]", "value").expect("csrf");
    let mut form = format!(
        "--zz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --zz\r\nContent-Disposition: form-data; name=\"targets\"\r\n\r\nchildren\r\n\
         --zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kh.docx\"\r\n\r\n"
    )
    .into_bytes();
    form.extend(plan_docx());
    form.extend(b"\r\n--zz--\r\n");
    let res = official
        .post(app.url("/quan-tri/ke-hoach/nhap?don-vi=42"))
        .header("content-type", "multipart/form-data; boundary=zz")
        .body(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 503, "the page's upload waits its turn too");
    assert!(res.headers().contains_key("retry-after"));
    drop(held);
    assert_eq!(parse(&official).send().await.expect("parse").status(), 200, "the readers are back");
}
