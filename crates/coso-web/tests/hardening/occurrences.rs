//! An occurrence (a due report of a plan) exists only for the units the plan targets: anyone
//! else gets 404 and learns nothing of the plan, by page, form or API.

use coso_domain::authz::Role;
use serde_json::json;

use crate::support::{TestApp, attr, occurrence};
use crate::{PROVINCE, api_error, province_plan};

#[tokio::test]
async fn a_unit_reads_and_sends_only_the_occurrences_it_is_sent() {
    let app = TestApp::spawn().await;
    let (province, plan) = province_plan(&app).await;
    let annual = occurrence(&plan, "annual");
    let title = plan["title"].as_str().expect("title").to_string();
    let own = app.first_commune(PROVINCE).await;
    let elsewhere = app.first_commune("01").await;
    app.user("xa@coso.test", Role::Official, &own).await;
    app.user("khac@coso.test", Role::Official, &elsewhere).await;

    // A target commune sees its report form.
    let target = app.client_as("xa@coso.test").await;
    let res = target.get(app.url(&format!("/quan-tri/hop-thu/{annual}?don-vi={own}"))).send().await.expect("form");
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("html").contains(&title));

    // A commune of another province, on its own unit, and the issuer on itself: no such thing.
    let other = app.client_as("khac@coso.test").await;
    for (client, unit) in [(&other, elsewhere.as_str()), (&province, PROVINCE)] {
        let url = app.url(&format!("/quan-tri/hop-thu/{annual}?don-vi={unit}"));
        let res = client.get(&url).send().await.expect("form");
        assert_eq!(res.status(), 404, "{unit}");
        let html = res.text().await.expect("html");
        assert!(!html.contains(&title) && !html.contains("115/KH"), "{unit} read the plan: {html}");
        let home = client.get(app.url("/quan-tri")).send().await.expect("home").text().await.expect("html");
        let csrf = attr(&home, "header input[name=csrf]", "value").expect("csrf");
        let res = client.post(&url).form(&[("csrf", csrf.as_str()), ("i_x", "1")]).send().await.expect("send");
        assert_eq!(res.status(), 404, "{unit}");
        let res = app
            .post_json(
                client,
                &format!("/api/v1/units/{unit}/submissions"),
                &json!({ "occurrence_id": annual, "indicators": {}, "narrative": {}, "assessment": [] }),
            )
            .await;
        let body = api_error(res, 404, "not_found").await;
        assert!(!body.to_string().contains(&title), "{body}");
    }
}
