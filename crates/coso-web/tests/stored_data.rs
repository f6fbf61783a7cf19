//! Bad data in the database (a plan's sections or document that do not fit their types) is an
//! error page, logged, on both backends: never a plan shown or printed as if it had no sections.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::Value;

const PROVINCE: &str = "42";

fn fixture() -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/plans/binh-phuoc-115-KH-UBND-2022.md");
    std::fs::read(p).expect("Bình Phước fixture")
}

async fn a_plan_with_bad_stored_sections_is_an_error_not_an_empty_plan(app: &TestApp) {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let res = province
        .post(app.url(&format!("/api/v1/plans/import?unit={PROVINCE}&targets=children&year=2026&file_name=kh.md")))
        .body(fixture())
        .send()
        .await
        .expect("import");
    assert_eq!(res.status(), 201);
    let plan: Value = res.json().await.expect("json");
    let id = plan["id"].as_i64().expect("id");
    let get = |path: String| province.get(app.url(&path)).send();
    let (page, docx) = (format!("/quan-tri/ke-hoach/{id}"), format!("/quan-tri/ke-hoach/{id}/van-ban.docx"));
    assert_eq!(get(page.clone()).await.expect("page").status(), 200);
    assert_eq!(get(docx.clone()).await.expect("docx").status(), 200);

    app.store.execute_admin(r#"UPDATE plan SET sections = '{"heading": "not a list"}'"#).await.expect("corrupt");
    assert_eq!(get(page).await.expect("page").status(), 500);
    // The document it was read from is what the DOCX is made of.
    assert_eq!(get(docx.clone()).await.expect("docx").status(), 200);
    app.store.execute_admin(r#"UPDATE plan SET document = '{"body": "not a list"}'"#).await.expect("corrupt");
    assert_eq!(get(docx).await.expect("docx").status(), 500);
}

on_both! { app:
    a_plan_with_bad_stored_sections_is_an_error_not_an_empty_plan => a_plan_with_bad_stored_sections_is_an_error_not_an_empty_plan,
}
