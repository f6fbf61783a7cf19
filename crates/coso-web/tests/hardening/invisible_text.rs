//! Control and zero-width characters never reach storage: a name that looks like another is the
//! same name, found by the same search, and exports carry no control characters.

use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp};
use crate::village_with_a_household;

#[tokio::test]
async fn names_and_emails_lose_control_and_zero_width_characters() {
    let app = TestApp::spawn().await;
    let admin = village_with_a_household(&app).await;
    let res = admin
        .post(app.url("/api/v1/users"))
        .json(&json!({
            "email": "\u{200B}Can.Bo@Xa.VN\u{0}",
            "display_name": "Lê\u{200D} Thị\u{7} Bình\u{FEFF}",
            "password": PASSWORD,
            "role": "viewer",
            "unit_code": "42",
        }))
        .send()
        .await
        .expect("create user");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let user = app.store.user_by_email("can.bo@xa.vn").await.expect("q").expect("stored under the clean e-mail");
    assert_eq!(user.display_name, "Lê Thị Bình");
    let login = app
        .post_json(
            &app.anonymous(),
            "/api/v1/session",
            &json!({ "email": "can.bo@xa.vn\u{2060}", "password": PASSWORD }),
        )
        .await;
    assert_eq!(login.status(), 200, "signing in cleans the e-mail the same way");

    let res = app.post_json(&admin, "/api/v1/units/V1/households", &json!({ "code": "H2", "address": "Xóm\u{1b} 2", "representative": "Trần\u{200B}\u{200C} Văn\u{1} Cường", "member_count": 2 })).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let found: Value = app.get_json(&admin, "/api/v1/units/V1/households?q=tran%20van%20cuong").await;
    assert_eq!(found["total"], 1, "the name is found by what it looks like: {found}");
    assert_eq!(found["items"][0]["representative"], "Trần Văn Cường");
    assert_eq!(found["items"][0]["address"], "Xóm 2");
}
