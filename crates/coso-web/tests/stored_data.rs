//! Bad data in the database (a plan's sections or document that do not fit their types) is an
//! error page, logged, on both backends: never a plan shown or printed as if it had no sections.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both, plan_markdown};

const PROVINCE: &str = "42";

async fn a_plan_with_bad_stored_sections_is_an_error_not_an_empty_plan(app: &TestApp) {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let query = format!("unit={PROVINCE}&targets=children&year=2026&file_name=kh.md");
    let plan = app.import_plan(&province, &query, plan_markdown()).await;
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
