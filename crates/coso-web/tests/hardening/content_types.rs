//! A raw body must declare the type its endpoint reads, never one an HTML form on another site
//! can send; the right types still pass.

use crate::support::{TestApp, plan_docx};
use crate::{PROVINCE, api_error, province_plan};

#[tokio::test]
async fn raw_bodies_must_declare_their_own_type() {
    let app = TestApp::spawn().await;
    let (province, plan) = province_plan(&app).await;
    let id = plan["id"].as_i64().expect("plan id");
    let task = plan["tasks"][0]["id"].as_i64().expect("a task");
    let commune = app.first_commune(PROVINCE).await;
    let csv = "ma,ten,loai\nT9,Thôn Chín,village\n";
    for form_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
        for (path, body) in [
            (format!("/api/v1/units/{commune}/children/import"), csv.as_bytes().to_vec()),
            ("/api/v1/units/T9/households/import".to_string(), b"ma ho,dia chi,dai dien ho,so nhan khau\n".to_vec()),
            (format!("/api/v1/plans/{id}/tasks/{task}/evidence?file_name=bien-ban.txt"), b"Bien ban hop".to_vec()),
            (format!("/api/v1/plans/import?unit={PROVINCE}&targets=children&file_name=kh.docx"), plan_docx()),
            ("/api/v1/plans/parse?file_name=kh.docx".to_string(), plan_docx()),
            ("/api/v1/calendar/announcements".to_string(), br#"{"year":2031}"#.to_vec()),
        ] {
            let res = province.post(app.url(&path)).header("content-type", form_type).body(body).send().await;
            let body = api_error(res.expect("sent"), 415, "unsupported_media_type").await;
            assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("Content-Type")), "{path}: {body}");
        }
    }
    assert!(app.store.unit_by_code("T9").await.expect("q").is_none(), "nothing was imported");
    assert!(
        app.store.evidence_of_task(coso_domain::TaskId(task)).await.expect("files").is_empty(),
        "nothing was attached"
    );
    // The right types pass.
    let res = province
        .post(app.url(&format!("/api/v1/units/{commune}/children/import")))
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv)
        .send()
        .await
        .expect("import");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let res = province
        .post(app.url(&format!("/api/v1/plans/{id}/tasks/{task}/evidence?file_name=bien-ban.pdf")))
        .header("content-type", "application/pdf")
        .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
        .send()
        .await
        .expect("evidence");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
}
