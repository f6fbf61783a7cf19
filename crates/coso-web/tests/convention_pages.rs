//! Village conventions through the officials' pages, and adopted through a community decision,
//! on both databases: a convention is proposed, posted, amended, compared, voted, sent and
//! recognised from its page, each page offering only the forms its state allows and a refused
//! form saving nothing; a vote taken from a decision of matter 3 held 30 days after posting
//! adopts it and both pages link to each other, while one held 20 days after posting is refused
//! and nothing changes.

use chrono::NaiveDate;
use coso_test_support::{TestApp, attr, attrs, on_both, texts};
use serde_json::{Value, json};

use crate::common::village_with_staff;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with the village `V1` of `households` households, an
/// official of the commune and the village head; the day is 2026-03-02.
async fn village(app: &TestApp, households: usize) {
    app.state.clock.set_today(day("2026-03-02"));
    village_with_staff(app, "V1", "Thôn Đông", households).await;
}

/// The actions of the forms of a page, after the convention's path.
fn forms(html: &str, base: &str) -> Vec<String> {
    attrs(html, "main form[method=post]", "action")
        .into_iter()
        .filter_map(|a| a.strip_prefix(base).map(|s| s.trim_start_matches('/').to_string()))
        .collect()
}

async fn api_get(app: &TestApp, c: &reqwest::Client, id: i64) -> Value {
    let res = c.get(app.url(&format!("/api/v1/conventions/{id}"))).send().await.expect("get");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

const TEXT: &str = "Điều 1. Phạm vi\nQuy ước này áp dụng trong thôn Đông.\nĐiều 2. Vệ sinh\nGiữ sạch đường làng.";

async fn the_pages_take_a_convention_through_its_life(app: &TestApp) {
    village(app, 0).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let xa = app.client_as("xa@coso.test").await;
    let unit = app.page(&xa, "/quan-tri/don-vi/V1").await;
    assert!(attrs(&unit, "main a", "href").contains(&"/quan-tri/don-vi/V1/huong-uoc".to_string()), "linked");
    let list = app.page(&head, "/quan-tri/don-vi/V1/huong-uoc").await;
    assert!(list.contains("chưa có hương ước, quy ước nào"), "{list}");
    let new = app.page(&head, "/quan-tri/don-vi/V1/huong-uoc/moi").await;
    let csrf = attr(&new, "input[name=csrf]", "value").expect("csrf");

    // Nothing typed: each field named, nothing saved.
    let res = app.post_form(&head, "/quan-tri/don-vi/V1/huong-uoc", &csrf, &[("title", "Quy ước thôn Đông")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let summary = texts(&html, ".error-summary li");
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert!(summary[0].contains("tên gọi"), "{summary:?}");
    assert_eq!(attr(&html, "#title", "value").as_deref(), Some("Quy ước thôn Đông"), "what was typed is kept");
    assert!(app.page(&head, "/quan-tri/don-vi/V1/huong-uoc").await.contains("chưa có hương ước, quy ước nào"));

    let res = app
        .post_form(
            &head,
            "/quan-tri/don-vi/V1/huong-uoc",
            &csrf,
            &[("kind", "quy_uoc"), ("title", "Quy ước thôn Đông"), ("text", TEXT)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let base = res.url().path().to_string();
    let id: i64 = base.rsplit('/').next().and_then(|s| s.parse().ok()).expect("the convention's page");
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã ghi đề xuất"), "the notice");
    assert!(texts(&html, "main .tag").contains(&"Đề xuất".to_string()));
    assert_eq!(forms(&html, &base), ["niem-yet", "sua"], "a proposal is posted or edited");

    // Posted for the community's opinions: the earliest vote 30 days later.
    let res = app
        .post_form(
            &head,
            &format!("{base}/niem-yet"),
            &csrf,
            &[("posted_on", "02/03/2026"), ("place", "Nhà văn hóa thôn")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "main .tag").contains(&"Đang niêm yết lấy ý kiến".to_string()));
    assert!(texts(&html, "main table td").iter().any(|t| t == "Sớm nhất 01/04/2026"), "{html}");
    assert!(texts(&html, "main .tag").contains(&"Chưa đủ thời gian niêm yết".to_string()));
    assert_eq!(forms(&html, &base), ["y-kien", "bieu-quyet", "sua"]);

    // Completed from the opinions: version 2, compared line by line.
    let amended = format!("{TEXT}\nĐiều 3. Việc cưới\nTổ chức cưới văn minh, tiết kiệm.");
    let res = app
        .post_form(
            &head,
            &format!("{base}/sua"),
            &csrf,
            &[("text", amended.as_str()), ("change_note", "Tiếp thu ý kiến")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let diff = app.page(&head, &format!("{base}/so-sanh?tu=1&den=2")).await;
    assert_eq!(
        texts(&diff, "ol.diff li.added .text"),
        ["Điều 3. Việc cưới", "Tổ chức cưới văn minh, tiết kiệm."],
        "the lines added"
    );
    assert_eq!(texts(&diff, "ol.diff li.added .sign"), ["+", "+"]);
    assert!(texts(&diff, "ol.diff li.removed").is_empty());

    // Twenty days after posting: refused with the first day allowed, nothing changes.
    let before = api_get(app, &head, id).await;
    app.state.clock.set_today(day("2026-03-22"));
    let vote = |date: &'static str| {
        [("vote_form", "meeting"), ("vote_date", date), ("households", "120"), ("present", "64"), ("yes", "62")]
    };
    let res = app.post_form(&head, &format!("{base}/bieu-quyet"), &csrf, &vote("22/03/2026")).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#vote_date"));
    let error = texts(&html, "#vote_date-err").join(" ");
    assert!(error.contains("mới được 20 ngày") && error.contains("01/04/2026"), "{error}");
    assert_eq!(attr(&html, "#households", "value").as_deref(), Some("120"), "what was typed is kept");
    assert_eq!(api_get(app, &head, id).await, before, "nothing changed");

    // Thirty days after posting: adopted; the dossier can be sent.
    app.state.clock.set_today(day("2026-04-01"));
    let res = app.post_form(&head, &format!("{base}/bieu-quyet"), &csrf, &vote("01/04/2026")).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "main .tag").contains(&"Đã được cộng đồng thông qua".to_string()));
    assert!(html.contains("62/120 hộ đồng ý"), "the reason");
    assert!(attrs(&html, "main a", "href").contains(&format!("/api/v1/conventions/{id}/dossier.docx")));
    assert_eq!(forms(&html, &base), ["gui-ho-so"]);
    let res = app.post_form(&head, &format!("{base}/gui-ho-so"), &csrf, &[("submitted_on", "01/04/2026")]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(forms(&html, &base).is_empty(), "the village waits for the commune: {:?}", forms(&html, &base));

    // The commune's official recognises it; a return needs its reason.
    let html = app.page(&xa, &base).await;
    assert_eq!(forms(&html, &base), ["cong-nhan", "tra-lai"]);
    let xa_csrf = attr(&html, "input[name=csrf]", "value").expect("csrf");
    let res = app.post_form(&xa, &format!("{base}/tra-lai"), &xa_csrf, &[("returned_on", "02/04/2026")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#reason"));
    let res = app
        .post_form(
            &xa,
            &format!("{base}/cong-nhan"),
            &xa_csrf,
            &[("recognised_on", "01/04/2026"), ("decision_number", "15/QĐ-UBND")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "main .tag").contains(&"Đã được công nhận, có hiệu lực".to_string()));
    assert!(texts(&html, "#hieu-luc + .prose").join("").contains("Điều 3. Việc cưới"), "the text in force");
    assert_eq!(forms(&html, &base), ["ra-soat", "sua"], "reviewed yearly, or amended");
    let list = app.page(&head, "/quan-tri/don-vi/V1/huong-uoc").await;
    assert!(texts(&list, "tbody .tag").contains(&"Đã được công nhận, có hiệu lực".to_string()), "{list}");
}

/// Opens a decision of matter 3 on `V1` held on `date`, with `present` households and `yes`
/// votes; its id.
async fn decision(app: &TestApp, c: &reqwest::Client, date: &str, present: i64, yes: i64) -> i64 {
    let res = app
        .post_json(
            c,
            "/api/v1/units/V1/decisions",
            &json!({ "matter": 3, "form": "meeting", "title": "Họp thông qua quy ước thôn", "date": date }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let res = app.post_json(c, &format!("/api/v1/decisions/{id}/attendance"), &json!({ "present": present })).await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            c,
            &format!("/api/v1/decisions/{id}/tally"),
            &json!({ "yes": yes, "no": present - yes, "invalid": 0 }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    id
}

async fn a_convention_is_adopted_through_a_matter_3_decision(app: &TestApp) {
    village(app, 120).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let res = app
        .post_json(
            &head,
            "/api/v1/units/V1/conventions",
            &json!({ "kind": "quy_uoc", "title": "Quy ước thôn Đông", "text": TEXT }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let res =
        app.post_json(&head, &format!("/api/v1/conventions/{id}/posting"), &json!({ "date": "2026-03-02" })).await;
    assert_eq!(res.status(), 200);
    let base = format!("/quan-tri/don-vi/V1/huong-uoc/{id}");

    // A meeting of matter 3 held 20 days after posting: refused, and nothing changes.
    let early = decision(app, &head, "2026-03-22", 70, 66).await;
    app.state.clock.set_today(day("2026-03-22"));
    let html = app.page(&head, &base).await;
    let options = attrs(&html, "#decision option", "value");
    assert!(options.contains(&early.to_string()), "the decision is offered: {options:?}");
    let csrf = attr(&html, "input[name=csrf]", "value").expect("csrf");
    let before = api_get(app, &head, id).await;
    let early_id = early.to_string();
    let res =
        app.post_form(&head, &format!("{base}/bieu-quyet-quyet-dinh"), &csrf, &[("decision", early_id.as_str())]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#decision"));
    let error = texts(&html, "#decision-err").join(" ");
    assert!(error.contains("mới được 20 ngày") && error.contains("01/04/2026"), "{error}");
    assert_eq!(api_get(app, &head, id).await, before, "nothing changed");
    let res = app
        .post_json(&head, &format!("/api/v1/conventions/{id}/adoption-decision"), &json!({ "decision": early }))
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(api_get(app, &head, id).await, before, "nothing changed through the API either");

    // A meeting held 30 days after posting: its counts are the convention's vote.
    app.state.clock.set_today(day("2026-04-01"));
    let held = decision(app, &head, "2026-04-01", 64, 62).await;
    let res = app
        .post_json(&head, &format!("/api/v1/conventions/{id}/adoption-decision"), &json!({ "decision": held }))
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let c = api_get(app, &head, id).await;
    assert_eq!((c["status"].as_str(), c["outcome"].as_str()), (Some("adopted"), Some("adopted")), "{c}");
    assert_eq!(
        (c["households"].as_i64(), c["present"].as_i64(), c["yes"].as_i64(), c["required"].as_i64()),
        (Some(120), Some(64), Some(62), Some(61))
    );
    assert_eq!((c["form"].as_str(), c["vote_on"].as_str()), (Some("meeting"), Some("2026-04-01")));
    assert_eq!(c["vote_decision"].as_i64(), Some(held));

    // Each page links to the other.
    let html = app.page(&head, &base).await;
    assert!(attrs(&html, "main a", "href").contains(&format!("/quan-tri/don-vi/V1/quyet-dinh/{held}")), "{html}");
    let html = app.page(&head, &format!("/quan-tri/don-vi/V1/quyet-dinh/{held}")).await;
    assert!(attrs(&html, "main a", "href").contains(&base), "{html}");
}

on_both! {
    app:
    pages => the_pages_take_a_convention_through_its_life,
    through_a_decision => a_convention_is_adopted_through_a_matter_3_decision,
}
