//! The disclosure register on both databases: an official records a disclosure with a photo of
//! the posted notice and an attachment, the public sees it (searched without diacritics, its
//! checks with their reasons, the photo without its metadata, script shown as text), the Atom
//! feed parses with an independent reader, bad input is refused naming its field with nothing
//! saved, the village head confirms the relay, an official corrects a disclosure and adds its
//! proofs later, and the province sees who has not disclosed.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, on_both, texts};
use serde_json::{Value, json};

use crate::common::{Multipart, two_communes_with_officials};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first two communes of Hà Tĩnh, an official on each and one on the province, and a village
/// of the first with its head.
async fn setup(app: &TestApp) -> (String, String) {
    app.state.clock.set_today(day("2026-05-20"));
    let (a, b) = two_communes_with_officials(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    app.add_unit(&c, &a, "TDA", "Thôn Đông", "village").await;
    app.user("truong-thon@coso.test", Role::VillageHead, "TDA").await;
    (a, b)
}

/// A JPEG with an EXIF segment holding a GPS tag.
fn photo_with_exif() -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    let exif = b"Exif\0\0GPSLatitude 21.0285";
    jpeg.extend_from_slice(&[0xFF, 0xE1]);
    jpeg.extend_from_slice(&u16::try_from(exif.len() + 2).expect("len").to_be_bytes());
    jpeg.extend_from_slice(exif);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9]);
    jpeg
}

/// A form of text fields and files (field, file name, bytes), each file sent as
/// `application/octet-stream`.
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, Vec<u8>)]) -> Multipart {
    files.iter().fold(Multipart::default().texts(fields), |form, (field, file, bytes)| {
        form.file(field, file, Some("application/octet-stream"), bytes)
    })
}

async fn record_form(
    app: &TestApp,
    c: &reqwest::Client,
    code: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, Vec<u8>)],
) -> reqwest::Response {
    let form = app.page(c, &format!("/quan-tri/don-vi/{code}/cong-khai")).await;
    let csrf = attr(&form, "form[enctype] input[name=csrf]", "value").expect("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    multipart(&all, files).post(c, app.url(&format!("/quan-tri/don-vi/{code}/cong-khai"))).await
}

const INSPECTION: &[(&str, &str)] = &[
    ("item", "8"),
    ("title", "Kết luận thanh tra việc sử dụng quỹ"),
    ("content", "<script>alert('x')</script> Kết luận số 12/KL-TTr."),
    ("forms", "posting"),
    ("forms", "radio"),
    ("place", "Trụ sở UBND xã"),
    ("posted_from", "04/03/2026"),
    ("posted_to", "10/04/2026"),
    ("broadcast_days", "04/03/2026, 06/03/2026, 07/03/2026"),
];

async fn an_official_records_with_a_photo_and_the_public_reads_it(app: &TestApp) {
    let (a, _) = setup(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    let files =
        [("photos", "niem-yet.jpg", photo_with_exif()), ("attachments", "ket-luan.pdf", b"%PDF-1.7\n".to_vec())];
    let res = record_form(app, &c, &a, INSPECTION, &files).await;
    assert_eq!(res.status(), 200);
    let id: i64 = res.url().path().rsplit('/').next().and_then(|s| s.parse().ok()).expect("sent to the disclosure");
    let html = res.text().await.expect("html");
    assert!(texts(&html, ".banner .notice").concat().contains("Đã ghi sổ"), "{html}");

    // Anyone reads it; the radio rule fails with its reason; the village has not confirmed.
    let visitor = app.anonymous();
    let detail = app.page(&visitor, &format!("/don-vi/{a}/cong-khai/{id}")).await;
    assert!(
        texts(&detail, "#van-ban").concat().starts_with("<script>alert('x')</script>"),
        "script shown as text: {:?}",
        texts(&detail, "#van-ban")
    );
    assert!(!detail.contains("<script>"), "never as markup");
    let checks = texts(&detail, "#tuan-thu tr").join("\n");
    assert!(checks.contains("không có 3 ngày liên tiếp"), "{checks}");
    assert!(checks.contains("Thôn Đông"), "the village without a relay is named: {checks}");
    let hrefs = attrs(&detail, "#tep a", "href");
    assert_eq!(texts(&detail, "#tep a"), ["ket-luan.pdf", "niem-yet.jpg"]);
    let photo = visitor.get(app.url(&hrefs[1])).send().await.expect("photo");
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    let bytes = photo.bytes().await.expect("bytes");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "metadata removed");
    assert!(bytes.starts_with(&[0xFF, 0xD8]));

    // The printable notice, as a Word document holding the title and the period.
    let docx = visitor.get(app.url(&format!("/don-vi/{a}/cong-khai/{id}/thong-bao.docx"))).send().await.expect("docx");
    assert_eq!(docx.status(), 200);
    let bytes = docx.bytes().await.expect("bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a DOCX");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("document.xml"), &mut xml).expect("xml");
    assert!(xml.contains("Kết luận thanh tra việc sử dụng quỹ") && xml.contains("04/03/2026"), "{xml}");
    assert!(xml.contains("&lt;script&gt;"), "script kept as text in the document");

    // Listed and found without diacritics; another word finds nothing.
    let list = app.page(&visitor, &format!("/don-vi/{a}/cong-khai?q=ket+luan")).await;
    assert_eq!(texts(&list, "#cong-khai h2"), ["Kết luận thanh tra việc sử dụng quỹ"]);
    let none = app.page(&visitor, &format!("/don-vi/{a}/cong-khai?q=ngan+sach")).await;
    assert!(texts(&none, "#cong-khai h2").is_empty());

    // The API gives the same, with its checks.
    let api: Value = app.get_json(&visitor, &format!("/api/v1/units/{a}/disclosures")).await;
    let d = &api["items"][0];
    assert_eq!((d["item"].as_i64(), d["forms"].clone()), (Some(8), json!(["posting", "radio"])));
    assert_eq!(d["broadcast_days"], json!(["2026-03-04", "2026-03-06", "2026-03-07"]));
    let radio =
        d["compliance"].as_array().expect("checks").iter().find(|c| c["check"] == "radio_consecutive").expect("radio");
    assert_eq!(radio["ok"], false);

    // The village head confirms the relay from their page.
    let head = app.client_as("truong-thon@coso.test").await;
    let relays = app.page(&head, "/quan-tri/don-vi/TDA/thong-tin-lai").await;
    let csrf = attr(&relays, "form input[name=csrf]", "value").expect("csrf");
    let fields = [("method", "text_message"), ("relayed_on", "05/03/2026")];
    let res = app.post_form(&head, &format!("/quan-tri/don-vi/TDA/thong-tin-lai/{id}"), &csrf, &fields).await;
    assert_eq!(res.status(), 200);
    let detail = app.page(&visitor, &format!("/don-vi/{a}/cong-khai/{id}")).await;
    assert!(detail.contains("Tin nhắn đến đại diện hộ gia đình · 05/03/2026"), "{detail}");
    let checks = texts(&detail, "#tuan-thu tr").join("\n");
    assert!(checks.contains("Cả 1 thôn, tổ dân phố đã xác nhận"), "{checks}");
}

async fn bad_input_is_refused_naming_the_field_and_nothing_is_saved(app: &TestApp) {
    let (a, _) = setup(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    let body = |forms: Value, from: &str, to: &str| {
        json!({ "item": 2, "title": "Dự toán ngân sách 2026", "content": "Dự toán", "forms": forms,
                "posted_from": from, "posted_to": to })
    };
    let cases = [
        (body(json!(["posting", "billboard"]), "2026-01-05", "2026-02-05"), "forms"),
        (body(json!(["posting"]), "2026-01-05", "2026-01-04"), "posted_to"),
        (body(json!(["other"]), "2026-01-05", ""), "other_form_basis"),
    ];
    for (b, field) in cases {
        let res = c.post(app.url(&format!("/api/v1/units/{a}/disclosures"))).json(&b).send().await.expect("post");
        assert_eq!(res.status(), 422);
        let err: Value = res.json().await.expect("json");
        let fields: Vec<&str> =
            err["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
        assert_eq!(fields, [field], "{err}");
    }
    // A program posing as a PDF, in the form.
    let mut fields = INSPECTION.to_vec();
    fields.retain(|(k, _)| *k != "broadcast_days");
    let res = record_form(app, &c, &a, &fields, &[("attachments", "ket-luan.exe", b"MZ".to_vec())]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "#attachments-err").concat().contains("ket-luan.exe"), "{html}");
    let res = record_form(app, &c, &a, &fields, &[("attachments", "ket-luan.pdf", b"MZ not a pdf".to_vec())]).await;
    assert_eq!(res.status(), 422);
    let list: Value = app.get_json(&c, &format!("/api/v1/units/{a}/disclosures")).await;
    assert_eq!(list["items"], json!([]), "nothing saved");
    // Another commune's official records nothing here.
    let other = app.client_as("xa-b@coso.test").await;
    let res = app
        .post_json(&other, &format!("/api/v1/units/{a}/disclosures"), &body(json!(["portal"]), "2026-01-05", ""))
        .await;
    assert_eq!(res.status(), 403);
}

async fn an_official_corrects_a_disclosure_and_adds_its_proofs(app: &TestApp) {
    let (a, _) = setup(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    let res = record_form(app, &c, &a, INSPECTION, &[]).await;
    assert_eq!(res.status(), 200);
    let id: i64 = res.url().path().rsplit('/').next().and_then(|s| s.parse().ok()).expect("sent to the disclosure");
    let register = app.page(&c, &format!("/quan-tri/don-vi/{a}/cong-khai")).await;
    let edit_href = format!("/quan-tri/don-vi/{a}/cong-khai/{id}/sua");
    assert!(attrs(&register, "a", "href").contains(&edit_href), "the register links to the edit page");

    // The edit page shows what is stored, dates as typed.
    let edit = app.page(&c, &edit_href).await;
    assert_eq!(attr(&edit, "#title", "value").as_deref(), Some("Kết luận thanh tra việc sử dụng quỹ"));
    assert_eq!(attr(&edit, "#posted_from", "value").as_deref(), Some("04/03/2026"));
    assert_eq!(attrs(&edit, "input[name=forms][checked]", "value"), ["posting", "radio"]);
    let csrf = attr(&edit, "form[action$='/sua'] input[name=csrf]", "value").expect("csrf");

    // A wrong end date comes back on its field with what was typed; nothing changes.
    let mut fields: Vec<(&str, &str)> =
        INSPECTION.iter().filter(|(k, _)| *k != "title" && *k != "posted_to").copied().collect();
    fields.extend([("csrf", csrf.as_str()), ("title", "Kết luận thanh tra (đã sửa)"), ("posted_to", "01/03/2026")]);
    let res = multipart(&fields, &[]).post(&c, app.url(&edit_href)).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(!texts(&html, "#posted_to-err").concat().is_empty(), "the end date is named: {html}");
    assert_eq!(attr(&html, "#title", "value").as_deref(), Some("Kết luận thanh tra (đã sửa)"), "what was typed stays");
    let detail = app.page(&app.anonymous(), &format!("/don-vi/{a}/cong-khai/{id}")).await;
    assert!(detail.contains("Kết luận thanh tra việc sử dụng quỹ") && !detail.contains("(đã sửa)"), "nothing changed");

    // The right end date saves, and the public page shows the new title and period.
    let fields: Vec<(&str, &str)> =
        fields.into_iter().map(|(k, v)| if k == "posted_to" { (k, "15/04/2026") } else { (k, v) }).collect();
    let res = multipart(&fields, &[]).post(&c, app.url(&edit_href)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.url().path(), format!("/don-vi/{a}/cong-khai/{id}"));
    let detail = res.text().await.expect("html");
    assert!(detail.contains("Kết luận thanh tra (đã sửa)") && detail.contains("15/04/2026"), "{detail}");

    // Proofs added later: the photo loses its metadata; a program is refused and nothing is added.
    let files = [("photos", "niem-yet.jpg", photo_with_exif())];
    let res = multipart(&[("csrf", csrf.as_str())], &files)
        .post(&c, app.url(&format!("/quan-tri/don-vi/{a}/cong-khai/{id}/tep")))
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert_eq!(texts(&html, "#tep ~ ul a"), ["niem-yet.jpg"], "{html}");
    let bad = [("attachments", "bao-cao.exe", b"MZ".to_vec())];
    let res = multipart(&[("csrf", csrf.as_str())], &bad)
        .post(&c, app.url(&format!("/quan-tri/don-vi/{a}/cong-khai/{id}/tep")))
        .await;
    assert_eq!(res.status(), 422);
    assert!(texts(&res.text().await.expect("html"), "#attachments-err").concat().contains("bao-cao.exe"));

    // The API: an update and an attachment; another commune's official changes nothing.
    let update = json!({ "item": 8, "title": "Kết luận thanh tra số 12", "content": "Kết luận số 12/KL-TTr.",
        "forms": ["posting"], "place": "Trụ sở UBND xã", "posted_from": "2026-03-04", "posted_to": "2026-04-15" });
    let other = app.client_as("xa-b@coso.test").await;
    let url = app.url(&format!("/api/v1/units/{a}/disclosures/{id}"));
    assert_eq!(other.put(&url).json(&update).send().await.expect("put").status(), 403);
    assert_eq!(c.put(&url).json(&update).send().await.expect("put").status(), 204);
    let res = multipart(&[], &[("attachments", "ket-luan.pdf", b"%PDF-1.7\n".to_vec())])
        .post(&c, format!("{url}/files"))
        .await;
    assert_eq!(res.status(), 204, "{}", res.text().await.unwrap_or_default());
    let api: Value = app.get_json(&c, &format!("/api/v1/units/{a}/disclosures")).await;
    let d = &api["items"][0];
    assert_eq!((d["title"].as_str(), d["forms"].clone()), (Some("Kết luận thanh tra số 12"), json!(["posting"])));
    let detail = app.page(&app.anonymous(), &format!("/don-vi/{a}/cong-khai/{id}")).await;
    assert_eq!(texts(&detail, "#tep a"), ["niem-yet.jpg", "ket-luan.pdf"], "in the order they were added");
}

async fn the_atom_feed_parses_with_an_independent_reader(app: &TestApp) {
    let (a, _) = setup(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    for (title, from) in [
        ("Dự toán ngân sách xã năm 2026 & <quý I>", "2026-01-10"),
        ("Kế hoạch phát triển kinh tế - xã hội", "2026-02-01"),
    ] {
        let res = app.post_json(&c, &format!("/api/v1/units/{a}/disclosures"), &json!({ "item": 2, "title": title, "content": "Chi tiết", "forms": ["portal", "posting"], "posted_from": from })).await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    }
    let res = app.anonymous().get(app.url(&format!("/don-vi/{a}/cong-khai.atom"))).send().await.expect("feed");
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().expect("type").starts_with("application/atom+xml"));
    let xml = res.bytes().await.expect("bytes");
    let feed = feed_rs::parser::parse(&xml[..]).expect("a valid Atom feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(feed.title.expect("title").content.contains("Công khai thông tin"));
    assert_eq!(feed.entries.len(), 2);
    let titles: Vec<String> = feed.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect();
    assert_eq!(titles[0], "Kế hoạch phát triển kinh tế - xã hội", "newest first");
    assert_eq!(titles[1], "Dự toán ngân sách xã năm 2026 & <quý I>");
    assert!(feed.entries.iter().all(|e| e.id.starts_with("tag:")));
    assert!(feed.entries[0].links.iter().any(|l| l.href.contains(&format!("/don-vi/{a}/cong-khai/"))));
}

async fn the_province_sees_which_communes_have_not_disclosed(app: &TestApp) {
    let (a, b) = setup(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    let res = c
        .post(app.url(&format!("/api/v1/units/{a}/disclosures")))
        .json(&json!({ "item": 2, "title": "Dự toán ngân sách 2026", "content": "Dự toán", "forms": ["posting"],
                       "posted_from": "2026-01-05", "posted_to": "2026-02-10" }))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 201);
    let province = app.client_as("tinh@coso.test").await;
    let year: Value = app.get_json(&province, "/api/v1/units/42/disclosure-compliance?year=2026").await;
    assert_eq!(year["required"].as_array().expect("items").len(), 14);
    let communes = year["communes"].as_array().expect("communes");
    let of = |code: &str| communes.iter().find(|c| c["code"] == code).expect("commune").clone();
    assert_eq!(of(&a)["disclosed"][0]["item"], 2);
    assert!(!of(&a)["missing"].as_array().expect("missing").contains(&json!(2)));
    assert!(of(&b)["missing"].as_array().expect("missing").contains(&json!(2)), "B has not disclosed its budget");
    let html = app.page(&province, "/quan-tri/don-vi/42/cong-khai/tuan-thu?year=2026").await;
    assert!(html.contains("<svg"), "a chart");
    let budget = texts(&html, "#thieu-theo-noi-dung tr").into_iter().find(|r| r.starts_with("2.")).expect("item 2 row");
    assert!(!budget.is_empty());
    let csv = province.get(app.url("/quan-tri/don-vi/42/cong-khai/tuan-thu.csv?year=2026")).send().await.expect("csv");
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.expect("csv");
    assert!(text.contains("Chưa công khai") && text.contains("Đã công khai"));
    // A commune's official does not see the province's year.
    let res = c.get(app.url("/api/v1/units/42/disclosure-compliance?year=2026")).send().await.expect("api");
    assert_eq!(res.status(), 403);
}

async fn disclose(app: &TestApp, c: &reqwest::Client, code: &str, body: Value) -> i64 {
    let res = c.post(app.url(&format!("/api/v1/units/{code}/disclosures"))).json(&body).send().await.expect("post");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    res.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn the_dashboard_names_late_disclosures_with_their_due_date(app: &TestApp) {
    let (a, b) = setup(app).await;
    let xa_a = app.client_as("xa-a@coso.test").await;
    // Adopted 05/01, due 07/01 (2 days, the day itself not counted): posted 12/01 is 5 days late.
    let late = disclose(
        app,
        &xa_a,
        &a,
        json!({ "item": 2, "title": "Dự toán ngân sách 2026", "content": "Dự toán", "forms": ["posting"],
                "adopted_on": "2026-01-05", "posted_from": "2026-01-12", "posted_to": "2026-02-20" }),
    )
    .await;
    // Posted on the due day itself, through the register's form: on time.
    let res = record_form(
        app,
        &xa_a,
        &a,
        &[
            ("item", "1"),
            ("title", "Kế hoạch phát triển kinh tế - xã hội năm 2026"),
            ("content", "Kế hoạch"),
            ("forms", "portal"),
            ("adopted_on", "05/01/2026"),
            ("posted_from", "07/01/2026"),
        ],
        &[],
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    // Commune B: on time, and a draft convention posted 20 days before its vote (late, PUB-7).
    let xa_b = app.client_as("xa-b@coso.test").await;
    disclose(
        app,
        &xa_b,
        &b,
        json!({ "item": 3, "title": "Dự án đường liên thôn", "content": "Dự án", "forms": ["portal"],
                "adopted_on": "2026-02-01", "posted_from": "2026-02-02" }),
    )
    .await;
    disclose(
        app,
        &xa_b,
        &b,
        json!({ "item": 14, "title": "Dự thảo quy ước thôn", "content": "Dự thảo", "forms": ["posting"],
                "posted_from": "2026-03-01", "posted_to": "2026-04-01", "convention_vote_on": "2026-03-21" }),
    )
    .await;
    // Without the day of adoption nothing says when it was due: not late.
    disclose(
        app,
        &xa_b,
        &b,
        json!({ "item": 5, "title": "Quỹ đóng góp", "content": "Quỹ", "forms": ["portal"], "posted_from": "2026-04-02" }),
    )
    .await;

    let province = app.client_as("tinh@coso.test").await;
    let year: Value = app.get_json(&province, "/api/v1/units/42/disclosure-compliance?year=2026").await;
    let communes = year["communes"].as_array().expect("communes");
    let of = |code: &str| communes.iter().find(|c| c["code"] == code).expect("commune").clone();
    let item = |c: &Value, n: u64| {
        c["disclosed"].as_array().expect("disclosed").iter().find(|d| d["item"] == n).expect("item").clone()
    };
    let commune_a = of(&a);
    assert_eq!(commune_a["late"], json!([2]));
    let budget = item(&commune_a, 2);
    assert_eq!(budget["late"]["disclosure_id"], late);
    assert_eq!(budget["late"]["due_on"], "2026-01-07");
    assert_eq!(budget["late"]["posted_from"], "2026-01-12");
    let reason = budget["late"]["reason"].as_str().expect("reason");
    assert!(
        reason.contains("muộn 5 ngày") && reason.contains("07/01/2026") && reason.contains("12/01/2026"),
        "{reason}"
    );
    assert!(item(&commune_a, 1)["late"].is_null(), "posted on the due day is on time");
    let commune_b = of(&b);
    assert_eq!(commune_b["late"], json!([14]));
    assert_eq!(item(&commune_b, 14)["late"]["due_on"], "2026-02-19");
    assert!(item(&commune_b, 3)["late"].is_null() && item(&commune_b, 5)["late"].is_null());

    // The province's page: per item, the late communes with why; per commune, the count and tags.
    let html = app.page(&province, "/quan-tri/don-vi/42/cong-khai/tuan-thu?year=2026").await;
    let by_item = texts(&html, "#muon-theo-noi-dung tr");
    let row = |n: &str| by_item.iter().find(|r| r.starts_with(n)).expect("item row").clone();
    let budget_row = row("2.");
    assert!(budget_row.contains("hạn 07/01/2026") && budget_row.contains("công khai ngày 12/01/2026"), "{budget_row}");
    assert!(row("1.").contains("Không có"), "{}", row("1."));
    let lines = texts(&html, "#tung-don-vi tr");
    let line_a = lines.iter().find(|l| l.contains("Nội dung 2:")).expect("commune A");
    assert!(line_a.contains("Muộn") && line_a.contains("1 nội dung"), "{line_a}");
    assert_eq!(texts(&html, "#tung-don-vi .tag.late").len(), 2, "item 2 of A and item 14 of B");
    let csv = province.get(app.url("/quan-tri/don-vi/42/cong-khai/tuan-thu.csv?year=2026")).send().await.expect("csv");
    let text = csv.text().await.expect("csv");
    assert!(text.contains("Công khai muộn") && text.contains("muộn 5 ngày"), "the download says it too");

    // The commune's own disclosure page shows the check.
    let own: Value = app.get_json(&xa_a, &format!("/api/v1/units/{a}/disclosures")).await;
    let listed = own["items"].as_array().expect("items");
    let budget = listed.iter().find(|d| d["id"] == late).expect("budget");
    assert_eq!(budget["adopted_on"], "2026-01-05");
    let timing =
        budget["compliance"].as_array().expect("checks").iter().find(|c| c["check"] == "timeliness").expect("check");
    assert_eq!(timing["ok"], false);
    let plan = listed.iter().find(|d| d["item"] == 1).expect("plan");
    let timing =
        plan["compliance"].as_array().expect("checks").iter().find(|c| c["check"] == "timeliness").expect("check");
    assert_eq!(timing["ok"], true, "{timing}");
}

on_both! {
    app:
    an_official_records_with_a_photo_and_the_public_reads_it => an_official_records_with_a_photo_and_the_public_reads_it,
    bad_input_is_refused_naming_the_field_and_nothing_is_saved => bad_input_is_refused_naming_the_field_and_nothing_is_saved,
    the_atom_feed_parses_with_an_independent_reader => the_atom_feed_parses_with_an_independent_reader,
    an_official_corrects_a_disclosure_and_adds_its_proofs => an_official_corrects_a_disclosure_and_adds_its_proofs,
    the_province_sees_which_communes_have_not_disclosed => the_province_sees_which_communes_have_not_disclosed,
    the_dashboard_names_late_disclosures_with_their_due_date => the_dashboard_names_late_disclosures_with_their_due_date,
}
