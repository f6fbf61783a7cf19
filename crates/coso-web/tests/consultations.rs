//! Consultation on drafts on both databases: an official opens a consultation on the fixture
//! draft after reviewing its sections, residents comment and support, a village head brings
//! paper counts, the official hides, closes and answers, and the report DOCX read back lists
//! every comment with its answer; and the refusals of bad input.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, on_both, texts};
use serde_json::{Value, json};

use crate::common::{self, Multipart, docx_text};

const DRAFT: &[u8] = include_bytes!("fixtures/du-thao-quy-uoc-thon.md");

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with villages `V1` and `V2`, an official on it, a village
/// head on `V1`, two residents of `V1` and one of `V2`. Returns the commune's code.
async fn commune_with_villages(app: &TestApp) -> String {
    let commune = common::commune_with_villages(app, &[("V1", "Thôn Một"), ("V2", "Thôn Hai")]).await.code;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V1").await;
    app.user("an@coso.test", Role::Resident, "V1").await;
    app.user("binh@coso.test", Role::Resident, "V1").await;
    app.user("cuong@coso.test", Role::Resident, "V2").await;
    commune
}

/// The CSRF token of the page's first form.
fn csrf(page: &str) -> String {
    attr(page, "form input[name=csrf]", "value").expect("csrf field")
}

/// Uploads the fixture draft as the commune's official; returns the consultation's page path.
async fn upload(app: &TestApp, c: &reqwest::Client, commune: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = app.page(c, &format!("/quan-tri/don-vi/{commune}/lay-y-kien")).await;
    let token = csrf(&page);
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    Multipart::default()
        .texts(&all)
        .file("file", "du-thao-quy-uoc-thon.md", None, DRAFT)
        .post(c, app.url(&format!("/quan-tri/don-vi/{commune}/lay-y-kien")))
        .await
}

/// Posts the comment form of section `section` of the page as `c`.
async fn comment(app: &TestApp, c: &reqwest::Client, id: i64, section: &str, body: &str) -> (u16, String) {
    let page = app.page(c, &format!("/lay-y-kien/{id}")).await;
    let res = app
        .post_form(c, &format!("/lay-y-kien/{id}/y-kien"), &csrf(&page), &[("section", section), ("body", body)])
        .await;
    let status = res.status().as_u16();
    (status, res.text().await.expect("html"))
}

async fn the_consultation_runs_from_the_draft_to_the_report(app: &TestApp) {
    app.state.clock.set_today(day("2026-03-02"));
    let commune = commune_with_villages(app).await;
    let official = app.client_as("xa@coso.test").await;

    // 1. The draft is read into sections, corrected in review, then opened.
    let res = upload(
        app,
        &official,
        &commune,
        &[
            ("title", "Dự thảo Quy ước thôn Đông"),
            ("kind", "convention"),
            ("audience", "unit"),
            ("opens_on", "02/03/2026"),
            ("closes_on", "31/03/2026"),
        ],
    )
    .await;
    let status = res.status();
    let path = res.url().path().to_string();
    let review = res.text().await.expect("html");
    let id: i64 = path
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{status} {:?}", texts(&review, ".error-summary li, .field-error")));
    assert_eq!(status, 200, "redirected to the review: {:?}", texts(&review, ".error-summary li"));
    assert!(review.contains("Đã đọc dự thảo"), "{review}");
    let headings = attrs(&review, "#sections input[name^=h]", "value");
    assert_eq!(
        headings,
        [
            "Điều 1. Phạm vi và đối tượng áp dụng",
            "Điều 2. Giữ gìn vệ sinh môi trường",
            "Điều 3. Việc cưới, việc tang và lễ hội",
            "Điều 4. Tổ chức thực hiện",
            ""
        ]
    );
    // Residents do not see a draft under review.
    assert_eq!(app.anonymous().get(app.url(&format!("/lay-y-kien/{id}"))).send().await.expect("draft").status(), 404);
    let mut fields: Vec<(String, String)> = vec![];
    for (i, h) in headings.iter().enumerate().take(4) {
        let heading = if i == 0 { "Điều 1. Phạm vi áp dụng".to_string() } else { h.clone() };
        let body = texts(&review, &format!("#sections textarea[name=b{}]", i + 1)).join("");
        fields.push((format!("h{}", i + 1), heading));
        fields.push((format!("b{}", i + 1), body));
    }
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&official, &format!("{path}/muc"), &csrf(&review), &borrowed).await;
    assert_eq!(res.status(), 200);
    let res = app.post_form(&official, &format!("{path}/mo"), &csrf(&review), &[]).await;
    let opened = res.text().await.expect("html");
    assert!(opened.contains("Đã đưa dự thảo ra lấy ý kiến"), "{opened}");

    let draft: Value = app.get_json(&app.anonymous(), &format!("/api/v1/consultations/{id}")).await;
    assert_eq!(draft["status"], "open");
    assert_eq!(draft["sections"][0]["heading"], "Điều 1. Phạm vi áp dụng");
    let section = |n: usize| draft["sections"][n]["id"].as_i64().expect("section id").to_string();
    let (s2, s3) = (section(1), section(2));

    // 2. Three residents comment on two sections; one supports another's comment.
    let an = app.client_as("an@coso.test").await;
    let binh = app.client_as("binh@coso.test").await;
    let cuong = app.client_as("cuong@coso.test").await;
    let (status, page) = comment(app, &an, id, &s2, "Đề nghị bổ sung thời gian thu gom rác vào thứ Bảy.").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Đã gửi ý kiến của bạn."));
    assert_eq!(comment(app, &binh, id, &s2, "Nên đặt thêm thùng rác ở đầu ngõ xóm Đình.").await.0, 200);
    assert_eq!(comment(app, &cuong, id, &s3, "Giờ tắt loa nên là 21 giờ để người già nghỉ ngơi.").await.0, 200);
    let (_, page) = comment(app, &an, id, &s3, "<script>alert('x')</script> Ý kiến có mã.").await;
    assert!(page.contains("<p>&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; Ý kiến có mã.</p>"), "shown as text");
    assert!(!page.contains("<script>alert"), "never run");
    let page = app.page(&binh, &format!("/lay-y-kien/{id}")).await;
    let supports = attrs(&page, "form[action$='/ung-ho'] input[name=comment]", "value");
    let token = csrf(&page);
    for _ in 0..2 {
        let res = app.post_form(&binh, &format!("/lay-y-kien/{id}/ung-ho"), &token, &[("comment", &supports[0])]).await;
        assert_eq!(res.status(), 200);
    }
    let page = app.page(&an, &format!("/lay-y-kien/{id}")).await;
    assert!(page.contains("1 người ủng hộ"), "one support per account: {page}");
    assert!(
        !page.contains("@coso.test") || texts(&page, "main").join(" ").matches("@coso.test").count() == 0,
        "no e-mail in the page's content"
    );

    // 3. The village head brings the counts of a meeting for section 2; negative counts are refused.
    app.state.clock.set_today(day("2026-03-06"));
    let head = app.client_as("truong-thon@coso.test").await;
    let list = app.page(&head, "/quan-tri/don-vi/V1/lay-y-kien").await;
    let form_path = format!("/quan-tri/don-vi/V1/lay-y-kien/{id}/phieu");
    assert!(list.contains(&form_path), "the village's list links to its counts form");
    let form = app.page(&head, &form_path).await;
    let counts = |agree: &'static str| {
        vec![
            ("section", s2.clone()),
            ("agree", agree.to_string()),
            ("disagree", "4".to_string()),
            ("method", "meeting".to_string()),
            ("collected_on", "05/03/2026".to_string()),
            ("note", String::new()),
        ]
    };
    let bad = counts("-3");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&head, &form_path, &csrf(&form), &bad).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Số hộ đồng ý không được âm."));
    let good = counts("35");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&head, &form_path, &csrf(&form), &good).await;
    assert_eq!(res.status(), 200);
    let page = app.page(&app.anonymous(), &format!("/lay-y-kien/{id}")).await;
    assert!(page.contains("35 hộ đồng ý, 4 hộ không đồng ý"), "{page}");

    // 4. The official hides the comment with a script, closes, and no comment is taken after.
    let manage = app.page(&official, &path).await;
    let all_ids = attrs(&manage, "form[action$='/an'] input[name=comment]", "value");
    assert_eq!(all_ids.len(), 4);
    let script_comment = all_ids[3].clone();
    let res = app
        .post_form(
            &official,
            &format!("{path}/an"),
            &csrf(&manage),
            &[("comment", &script_comment), ("reason", "Chứa mã độc")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = app.page(&app.anonymous(), &format!("/lay-y-kien/{id}")).await;
    assert!(page.contains("Ý kiến đã bị ẩn: Chứa mã độc"), "{page}");
    let res = official.post(app.url(&format!("/api/v1/consultations/{id}/close"))).send().await.expect("close");
    assert_eq!(res.status(), 200);
    let disclosure = res.json::<Value>().await.expect("json")["disclosure"].as_i64().expect("the results disclosed");
    let res = app
        .post_json(
            &an,
            &format!("/api/v1/consultations/{id}/comments"),
            &json!({ "section": s2.parse::<i64>().expect("id"), "body": "Một ý kiến muộn." }),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("body").contains("Đã kết thúc lấy ý kiến"));

    // 5. Answers: a reason is required when not accepted; a group answer; then all answered.
    let (c1, c2, c3) = (
        all_ids[0].parse::<i64>().expect("id"),
        all_ids[1].parse::<i64>().expect("id"),
        all_ids[2].parse::<i64>().expect("id"),
    );
    let answers =
        |body: Value| official.post(app.url(&format!("/api/v1/consultations/{id}/answers"))).json(&body).send();
    let res = answers(json!({ "comments": [c3], "kind": "not_accepted", "reason": "" })).await.expect("answer");
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("body").contains("Phải nêu lý do khi không tiếp thu ý kiến."));
    let manage = app.page(&official, &path).await;
    let res = app
        .post_form(
            &official,
            &format!("{path}/tra-loi"),
            &csrf(&manage),
            &[
                ("comment", &all_ids[0]),
                ("comment", &all_ids[1]),
                ("kind", "accepted"),
                ("reason", "Đã bổ sung ngày thu gom và vị trí thùng rác vào Điều 2."),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = answers(
        json!({ "comments": [c3], "kind": "not_accepted", "reason": "Giữ 22 giờ theo quy định chung của xã." }),
    )
    .await
    .expect("answer");
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "answered");
    let _ = (c1, c2);

    // 6. The report lists every comment with its answer and the counts, read back from the DOCX.
    let res = official.get(app.url(&format!("{path}/bao-cao.docx"))).send().await.expect("report");
    assert_eq!(res.status(), 200);
    let text = docx_text(&res.bytes().await.expect("bytes"));
    for expected in [
        "Đề nghị bổ sung thời gian thu gom rác vào thứ Bảy.",
        "Nên đặt thêm thùng rác ở đầu ngõ xóm Đình.",
        "Giờ tắt loa nên là 21 giờ để người già nghỉ ngơi.",
        "Tiếp thu, giải trình: Tiếp thu. Đã bổ sung ngày thu gom và vị trí thùng rác vào Điều 2.",
        "Tiếp thu, giải trình: Không tiếp thu. Giữ 22 giờ theo quy định chung của xã.",
        "đã bị ẩn: Chứa mã độc",
        "Thôn Một (họp cộng đồng dân cư, ngày 05/03/2026): 35 hộ đồng ý, 4 hộ không đồng ý.",
        "Điều 2. Giữ gìn vệ sinh môi trường",
        "TIẾP THU, GIẢI TRÌNH",
    ] {
        assert!(text.contains(expected), "«{expected}» in the report:\n{text}");
    }
    assert_eq!(text.matches("Tiếp thu, giải trình: Tiếp thu.").count(), 2, "the group's answer under each comment");
    assert!(!text.contains("@coso.test"), "no e-mail in the report");
    assert!(!text.contains("<script>"), "the hidden comment's text is left out");
    let api =
        official.get(app.url(&format!("/api/v1/consultations/{id}/report.docx"))).send().await.expect("api report");
    assert_eq!(api.status(), 200);

    // 7. The results are a disclosure of the commune's register, item 9, published once.
    let row = app.store.disclosure(disclosure).await.expect("read").expect("the disclosure");
    let unit = app.store.unit_by_code(&commune).await.expect("q").expect("commune");
    assert_eq!((row.unit_id, row.item_number), (unit.id, 9));
    assert_eq!(row.title, "Kết quả lấy ý kiến Nhân dân về Dự thảo Quy ước thôn Đông");
    assert!(
        row.content.contains("Số ý kiến góp ý trên cổng thông tin: 4") && row.content.contains("35 hộ đồng ý"),
        "{}",
        row.content
    );
    let again = official.post(app.url(&format!("/api/v1/consultations/{id}/close"))).send().await.expect("close again");
    assert_eq!(again.status(), 409, "a closed consultation whose results are published is not closed twice");
}

async fn bad_input_is_refused_and_nothing_is_saved(app: &TestApp) {
    app.state.clock.set_today(day("2026-03-02"));
    let commune = commune_with_villages(app).await;
    let official = app.client_as("xa@coso.test").await;

    // A convention consulted less than 30 days, and a file that is no draft.
    let res = upload(
        app,
        &official,
        &commune,
        &[
            ("title", "Dự thảo quy ước"),
            ("kind", "convention"),
            ("audience", "unit"),
            ("opens_on", "02/03/2026"),
            ("closes_on", "20/03/2026"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("html");
    assert!(page.contains("ít nhất 30 ngày"), "{page}");
    let token = csrf(&app.page(&official, &format!("/quan-tri/don-vi/{commune}/lay-y-kien")).await);
    let res = Multipart::default()
        .texts(&[
            ("csrf", &token),
            ("title", "Dự thảo"),
            ("kind", "plan"),
            ("audience", "unit"),
            ("opens_on", "02/03/2026"),
            ("closes_on", "20/03/2026"),
        ])
        .file("file", "anh.pdf", None, b"%PDF-1.7")
        .post(&official, app.url(&format!("/quan-tri/don-vi/{commune}/lay-y-kien")))
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Tệp dự thảo phải là .docx, .md hoặc .txt."));
    let list: Vec<String> =
        texts(&app.page(&official, &format!("/quan-tri/don-vi/{commune}/lay-y-kien")).await, "table.data tbody tr");
    assert!(list.is_empty(), "nothing saved: {list:?}");

    // Opened through the API for the village V1 only, from the 10th.
    let res = official
        .post(app.url("/api/v1/consultations"))
        .json(&json!({ "unit": commune, "title": "Dự thảo kế hoạch làm đường thôn Một", "kind": "plan", "audience": "villages",
                       "villages": ["V1"], "opens_on": "2026-03-10", "closes_on": "2026-03-20",
                       "sections": [{ "heading": "1. Tuyến đường", "body": "Làm mới 500 m đường bê tông." }] }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let post = |c: &reqwest::Client| {
        c.post(app.url(&format!("/api/v1/consultations/{id}/comments"))).json(&json!({ "body": "Đồng ý." })).send()
    };
    let an = app.client_as("an@coso.test").await;
    let res = post(&an).await.expect("early");
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("body").contains("Chưa đến thời gian lấy ý kiến: bắt đầu từ ngày 10/03/2026."));
    app.state.clock.set_today(day("2026-03-12"));
    let cuong = app.client_as("cuong@coso.test").await;
    let res = post(&cuong).await.expect("outside");
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("body").contains("không thuộc đối tượng được lấy ý kiến"));
    let page = app.page(&cuong, &format!("/lay-y-kien/{id}")).await;
    assert!(page.contains("không thuộc đối tượng") && !page.contains("Gửi ý kiến"), "no form outside the audience");
    assert_eq!(post(&an).await.expect("inside").status(), 201);
    let res = app.post_json(&an, &format!("/api/v1/consultations/{id}/comments"), &json!({ "body": "   " })).await;
    assert_eq!(res.status(), 422);
    // A section that is not one of this draft's is named, and nothing is saved.
    let res = app
        .post_json(
            &an,
            &format!("/api/v1/consultations/{id}/comments"),
            &json!({ "section": 999_999, "body": "Ý kiến cho một mục không có." }),
        )
        .await;
    assert_eq!(res.status(), 422);
    let refused: Value = res.json().await.expect("json");
    assert_eq!(refused["error"]["fields"][0]["field"], "section", "{refused}");
    // A resident may neither close nor read the report.
    assert_eq!(
        an.post(app.url(&format!("/api/v1/consultations/{id}/close"))).send().await.expect("close").status(),
        403
    );
    assert_eq!(
        an.get(app.url(&format!("/api/v1/consultations/{id}/report.docx"))).send().await.expect("report").status(),
        403
    );
    let got: Value =
        an.get(app.url(&format!("/api/v1/consultations/{id}"))).send().await.expect("get").json().await.expect("json");
    assert_eq!(got["sections"][1]["id"], Value::Null, "the whole draft comes last");
    assert_eq!(got["sections"][1]["comments_total"], 1);
}

on_both! {
    app:
    end_to_end => the_consultation_runs_from_the_draft_to_the_report,
    bad_input => bad_input_is_refused_and_nothing_is_saved,
}
