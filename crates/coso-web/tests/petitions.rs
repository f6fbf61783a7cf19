//! The public side of citizen cases, on SQLite and on PostgreSQL: a resident sends a petition
//! with a photo through the form, follows it by its code, sees the answer and rates it once;
//! bad input names its field and saves nothing; photos lose their metadata; the published
//! petitions of a unit appear on its list with the ratings, complaints never.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, on_both, texts};
use coso_web::WebSettings;
use serde_json::{Value, json};

use crate::common::{FilePart, Multipart};

const PROVINCE: &str = "42";

/// A JPEG with an EXIF block holding GPS coordinates, as a phone writes it: APP1 "Exif" with a
/// TIFF header, IFD0 pointing at a GPS IFD with latitude and longitude.
fn jpeg_with_gps() -> Vec<u8> {
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    // IFD0: one entry, GPSInfo (0x8825) → offset 26.
    tiff.extend_from_slice(&[0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    // GPS IFD: GPSLatitudeRef "N", and a marker text the test looks for.
    tiff.extend_from_slice(&[0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"GPS-21.0285N-105.8542E");
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend(tiff);
    let mut j = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10];
    j.extend_from_slice(b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    j.extend_from_slice(&[0xff, 0xe1]);
    j.extend_from_slice(&u16::try_from(app1.len() + 2).expect("short").to_be_bytes());
    j.extend(app1);
    j.extend_from_slice(&[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9]);
    j
}

async fn send_form(
    app: &TestApp,
    c: &reqwest::Client,
    unit: &str,
    fields: &[(&str, &str)],
    files: &[FilePart],
) -> reqwest::Response {
    Multipart::default().texts(fields).files(files).post(c, app.url(&format!("/don-vi/{unit}/phan-anh/gui"))).await
}

async fn case_rows(app: &TestApp) -> i64 {
    let digests = app.store.table_digests().await.expect("digests");
    digests.iter().find(|d| d.table == "citizen_case").map_or(0, |d| d.rows)
}

/// The tracking code a successful form answered with (its redirect).
fn code_of(res: &reqwest::Response) -> String {
    let to = res.headers().get("location").and_then(|v| v.to_str().ok()).expect("a redirect").to_string();
    to.trim_start_matches("/theo-doi/").trim_end_matches("/da-gui").to_string()
}

async fn a_resident_sends_follows_and_rates_a_petition(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let c = app.anonymous();
    let form = c.get(app.url(&format!("/don-vi/{commune}/phan-anh/gui"))).send().await.expect("form");
    assert_eq!(form.status(), 200);
    let html = form.text().await.expect("html");
    assert!(texts(&html, "select#category option").iter().any(|o| o == "Môi trường"), "{html}");

    let res = send_form(
        app,
        &c,
        &commune,
        &[
            ("category", "moi_truong"),
            ("content", "Rác thải đổ trộm ven đường liên thôn, bốc mùi nhiều ngày."),
            ("place", "Đường liên thôn Đông – Tây"),
            ("publish", "1"),
            ("name", "Lê Văn Công Khai Không"),
            ("phone", "0901 234 567"),
            ("email", "dan@example.vn"),
        ],
        &[("photos", "rac.jpg", "image/jpeg", jpeg_with_gps())],
    )
    .await;
    assert_eq!(res.status(), 303, "{:?}", res.text().await);
    let code = code_of(&res);
    assert_eq!(code.len(), 19, "{code}");

    let sent = c.get(app.url(&format!("/theo-doi/{code}/da-gui"))).send().await.expect("sent");
    let html = sent.text().await.expect("html");
    assert_eq!(texts(&html, "#ma-theo-doi"), vec![code.clone()]);
    let docx = c.get(app.url(&format!("/theo-doi/{code}/bien-nhan.docx"))).send().await.expect("docx");
    assert_eq!(docx.status(), 200);
    assert!(docx.bytes().await.expect("bytes").starts_with(b"PK"), "a DOCX is a zip");

    // The photo is kept without its EXIF block; the receipt mail carries the code.
    let case = app.store.case_by_code(&code).await.expect("read").expect("stored");
    assert!(case.publish && case.sender_user_id.is_none());
    let files = app.store.case_file_contents(case.case_id()).await.expect("files");
    assert_eq!(files.len(), 1);
    let stored = String::from_utf8_lossy(&files[0].2);
    assert!(!stored.contains("GPS") && !stored.contains("Exif"), "metadata removed");
    assert!(files[0].2.ends_with(&[0xff, 0xd9]) && stored.contains("JFIF"));
    let mails = app.store.outbox_stats().await.expect("outbox");
    assert!(mails.pending >= 1, "{mails:?}");

    // Followed by its code, typed carelessly; no personal data on the page.
    let careless = code.to_lowercase().replace('-', "");
    let res = c.get(app.url(&format!("/theo-doi?ma={careless}"))).send().await.expect("lookup");
    assert_eq!(res.status(), 303);
    let page = c.get(app.url(&format!("/theo-doi/{careless}"))).send().await.expect("lenient");
    assert_eq!(page.status(), 308);
    let html = c.get(app.url(&format!("/theo-doi/{code}"))).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("Đã tiếp nhận") && html.contains("Môi trường"), "{html}");
    for private in ["Lê Văn Công Khai Không", "0901 234 567", "dan@example.vn"] {
        assert!(!html.contains(private), "{private} shown");
    }
    assert!(attr(&html, "form[action$='/danh-gia']", "action").is_none(), "no rating before an answer");

    // An official answers through the API; the page shows the answer and the rating form.
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let official = app.client_as("tinh@coso.test").await;
    let by_code: Value = app.get_json(&official, &format!("/api/v1/cases/code/{careless}")).await;
    assert_eq!(by_code["id"], case.id, "an official finds the case by the code a resident reads out");
    let res = c.get(app.url(&format!("/api/v1/cases/code/{code}"))).send().await.expect("anonymous");
    assert_eq!(res.status(), 401);
    let today = app.state.clock.today().to_string();
    let answered = app
        .post_json(
            &official,
            &format!("/api/v1/cases/{}/answer", case.id),
            &json!({ "on": today, "public_answer": "Xã đã thu gom rác và lắp biển cấm đổ rác." }),
        )
        .await;
    assert_eq!(answered.status(), 200, "{:?}", answered.text().await);
    app.state.forget_cached();
    let html = c.get(app.url(&format!("/theo-doi/{code}"))).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("Xã đã thu gom rác") && html.contains("Đã trả lời"), "{html}");
    let action = format!("/theo-doi/{code}/danh-gia");
    assert_eq!(attr(&html, "form[action$='/danh-gia']", "action").as_deref(), Some(action.as_str()));

    // A rating without stars names the field; then one rating, and no second.
    let res = c.post(app.url(&action)).form(&[("comment", "Tốt")]).send().await.expect("rate");
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("từ 1 đến 5"));
    let res = c.post(app.url(&action)).form(&[("rating", "4"), ("comment", "Xử lý nhanh")]).send().await.expect("rate");
    assert_eq!(res.status(), 303);
    let res = c.post(app.url(&action)).form(&[("rating", "1")]).send().await.expect("again");
    assert_eq!(res.status(), 409);
    let html = c.get(app.url(&format!("/theo-doi/{code}"))).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("4 / 5 sao") && html.contains("Xử lý nhanh"), "{html}");

    // The unit's list and the province's show it with the rating; an unknown code is a 404.
    for unit in [commune.as_str(), PROVINCE] {
        let html = app.get_text(&c, &format!("/don-vi/{unit}/phan-anh?q=rac thai")).await;
        assert!(html.contains("Rác thải đổ trộm") && html.contains("Xã đã thu gom rác"), "{unit}: {html}");
        assert_eq!(texts(&html, "#danh-gia"), vec!["4,0 / 5 (1 lượt đánh giá)".to_string()]);
        assert!(!html.contains("Lê Văn Công Khai Không"));
    }
    let res = c.get(app.url("/theo-doi/0000-0000-0000-0000")).send().await.expect("unknown");
    assert_eq!(res.status(), 404);
    let html = res.text().await.expect("html");
    assert!(html.contains("Không tìm thấy đơn") && attr(&html, "input#ma", "name").is_some(), "{html}");
}

async fn bad_input_names_the_field_and_saves_nothing(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let small = app.with_settings(WebSettings { max_photo_bytes: 1024, ..WebSettings::default() }).await;
    let c = small.anonymous();
    let before = case_rows(app).await;
    let ok = [("category", "moi_truong"), ("content", "Đèn đường hỏng.")];
    let cases: Vec<(&str, Vec<FilePart>, String, &str)> = vec![
        (
            "photo over the limit",
            vec![("photos", "to.jpg", "image/jpeg", vec![0xff; 4096])],
            String::new(),
            "lớn hơn giới hạn",
        ),
        (
            "not what its name says",
            vec![("photos", "anh.jpg", "image/jpeg", b"%PDF-1.7".to_vec())],
            String::new(),
            "nội dung không phải là ảnh JPEG",
        ),
        ("a description of 1 MB", vec![], "x".repeat(1_000_000), "quá giới hạn 20000 ký tự"),
    ];
    for (what, files, content, message) in cases {
        let mut fields = ok.to_vec();
        if !content.is_empty() {
            fields[1] = ("content", content.as_str());
        }
        let res = send_form(&small, &c, &commune, &fields, &files).await;
        assert_eq!(res.status(), 422, "{what}");
        let html = res.text().await.expect("html");
        let summary = texts(&html, ".error-summary li a").join(" | ");
        assert!(summary.contains(message), "{what}: {summary}");
        let field = if content.is_empty() { "#photos" } else { "#content" };
        assert!(
            attr(&html, ".error-summary li a", "href").as_deref() == Some(field),
            "{what}: the summary links to {field}"
        );
    }
    let res = send_form(&small, &c, "99999999", &ok, &[]).await;
    assert_eq!(res.status(), 404, "an unknown unit");
    assert!(res.text().await.expect("html").contains("Không tìm thấy"));
    let res = send_form(&small, &c, &commune, &[("category", "khong_co"), ("content", "Nội dung.")], &[]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Không có lĩnh vực «khong_co»"));
    assert_eq!(case_rows(app).await, before, "nothing saved");
}

async fn intake_is_limited_per_address(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let limited = app.with_settings(WebSettings { intake_per_ip_per_minute: 2, ..WebSettings::default() }).await;
    let c = limited.anonymous();
    let fields = [("category", "ha_tang"), ("content", "Cống thoát nước bị tắc.")];
    for _ in 0..2 {
        assert_eq!(send_form(&limited, &c, &commune, &fields, &[]).await.status(), 303);
    }
    let refused = send_form(&limited, &c, &commune, &fields, &[]).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("60"));
    assert!(refused.text().await.expect("html").contains("thử lại"));
}

async fn only_published_petitions_are_listed(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let c = app.anonymous();
    let private = [("category", "dat_dai"), ("content", "Tranh chấp ranh giới đất riêng tư.")];
    assert_eq!(send_form(app, &c, &commune, &private, &[]).await.status(), 303);
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let official = app.client_as("tinh@coso.test").await;
    let today = app.state.clock.today().to_string();
    let complaint = official
        .post(app.url("/api/v1/cases"))
        .json(&json!({ "unit": commune, "kind": "complaint", "received_on": today, "publish": true,
                       "content": "Khiếu nại quyết định xử phạt bí mật.",
                       "sender": { "name": "Trần Thị Bình", "address": "Thôn Một" } }))
        .send()
        .await
        .expect("complaint");
    assert_eq!(complaint.status(), 201);
    let complaint: Value = complaint.json().await.expect("json");
    let published = [("category", "ha_tang"), ("content", "Cầu tràn ngập nước."), ("publish", "1")];
    assert_eq!(send_form(app, &c, &commune, &published, &[]).await.status(), 303);
    app.state.forget_cached();
    let html =
        c.get(app.url(&format!("/don-vi/{commune}/phan-anh"))).send().await.expect("list").text().await.expect("html");
    assert!(html.contains("Cầu tràn ngập nước"), "{html}");
    assert!(!html.contains("riêng tư") && !html.contains("bí mật"), "{html}");
    let filtered = app.get_text(&c, &format!("/don-vi/{commune}/phan-anh?linh-vuc=dat_dai")).await;
    assert!(!filtered.contains("Cầu tràn ngập nước"), "filtered by category");
    // A complaint's tracking page shows its status only.
    let code = complaint["code"].as_str().expect("code");
    let html = c.get(app.url(&format!("/theo-doi/{code}"))).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("Đã tiếp nhận") && html.contains("Khiếu nại"), "{html}");
    assert!(!html.contains("bí mật") && !html.contains("Trần Thị Bình"), "{html}");
    // The unit's public page links to the list.
    let html = c.get(app.url(&format!("/don-vi/{commune}"))).send().await.expect("unit").text().await.expect("html");
    assert!(html.contains(&format!("/don-vi/{commune}/phan-anh")), "{html}");
}

on_both! {
    app:
    a_resident_sends_follows_and_rates_a_petition => a_resident_sends_follows_and_rates_a_petition,
    bad_input_names_the_field_and_saves_nothing => bad_input_names_the_field_and_saves_nothing,
    intake_is_limited_per_address => intake_is_limited_per_address,
    only_published_petitions_are_listed => only_published_petitions_are_listed,
}
