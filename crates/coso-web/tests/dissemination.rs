//! Dissemination on both databases: news posts written, published and taken back (drafts never
//! public: list, page, image, feed, API), the Atom feed read by an independent parser, search
//! without diacritics and categories in Vietnamese order, bad input named on its field with
//! nothing saved, script shown as text; the legal library with the documents of the units
//! above, searched in the text of its files; the trainings log and the report it fills.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, occurrence, on_both, plan_docx, texts};
use coso_web::WebSettings;
use serde_json::{Value, json};

use crate::common::{FilePart, Multipart, two_communes};

const PROVINCE: &str = "42";

/// The first two communes of the province, an official on each, and one on the province.
async fn communes(app: &TestApp) -> (String, String) {
    let (a, b) = two_communes(app).await;
    app.user("xa-a@coso.test", Role::Official, &a).await;
    app.user("xa-b@coso.test", Role::Official, &b).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    (a, b)
}

/// A refused form: what it is, its fields, its files, the field named and the message.
type BadCase<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<FilePart>, &'a str, &'a str);

/// The CSRF token of a page's form.
fn csrf(page: &str) -> String {
    attr(page, "form.card input[name=csrf]", "value").expect("csrf field")
}

/// Sends the news form of `unit` (a new post, or `/{id}` to edit one).
async fn send_news(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
    files: &[FilePart],
) -> reqwest::Response {
    let desk = path.rsplit_once("/tin-tuc").map_or(path.to_string(), |(head, _)| format!("{head}/tin-tuc"));
    let token = csrf(&app.page(c, &desk).await);
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    Multipart::default().texts(&all).files(files).post(c, app.url(path)).await
}

/// The id of the post a successful form led to (the client follows the redirect).
fn id_of(res: &reqwest::Response) -> i64 {
    res.url().path().rsplit('/').next().and_then(|id| id.parse().ok()).expect("an id")
}

/// Writes and publishes a post as the official signed in on `c`.
async fn published(app: &TestApp, c: &reqwest::Client, unit: &str, title: &str, body: &str, category: &str) -> i64 {
    let res = send_news(
        app,
        c,
        &format!("/quan-tri/don-vi/{unit}/tin-tuc"),
        &[("title", title), ("body", body), ("category", category)],
        &[],
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let id = id_of(&res);
    let page = app.page(c, &format!("/quan-tri/don-vi/{unit}/tin-tuc/{id}")).await;
    let token = attr(&page, "form[action$='/dang'] input[name=csrf]", "value").expect("the publish form");
    let res = app.post_form(c, &format!("/quan-tri/don-vi/{unit}/tin-tuc/{id}/dang"), &token, &[]).await;
    assert_eq!(res.status(), 200);
    id
}

async fn rows(app: &TestApp, table: &str) -> i64 {
    let digests = app.store.table_digests().await.expect("digests");
    digests.iter().find(|d| d.table == table).map_or(0, |d| d.rows)
}

/// A small PNG: the signature, an IHDR chunk and a text chunk a camera might add.
fn png_with_text() -> Vec<u8> {
    let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len()).expect("short").to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    };
    p.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    p.extend(chunk(b"tEXt", b"Author\x00Nguyen Van May Anh"));
    p.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0, 0, 0, 2, 0, 1]));
    p.extend(chunk(b"IEND", &[]));
    p
}

async fn drafts_are_never_public_and_a_published_post_is_in_the_feed(app: &TestApp) {
    let (a, _) = communes(app).await;
    app.state.clock.set_today("2026-03-04".parse().expect("date"));
    let official = app.client_as("xa-a@coso.test").await;
    let anyone = app.anonymous();
    let res = send_news(
        app,
        &official,
        &format!("/quan-tri/don-vi/{a}/tin-tuc"),
        &[
            ("title", "Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở"),
            ("body", "Sáng 04/3, UBND xã tổ chức hội nghị.\n\nCó 120 đại biểu tham dự."),
            ("category", "Phổ biến pháp luật"),
        ],
        &[("photos", "hoi-nghi.png", "image/png", png_with_text())],
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let id = id_of(&res);

    // A draft: nowhere on the public side.
    let list = app.page(&anyone, &format!("/don-vi/{a}/tin-tuc")).await;
    assert!(!list.contains("Hội nghị phổ biến"), "a draft is not listed");
    assert_eq!(anyone.get(app.url(&format!("/don-vi/{a}/tin-tuc/{id}"))).send().await.expect("post").status(), 404);
    assert_eq!(
        anyone.get(app.url(&format!("/don-vi/{a}/tin-tuc/{id}/anh/0"))).send().await.expect("img").status(),
        404
    );
    let api: Value =
        anyone.get(app.url(&format!("/api/v1/units/{a}/news"))).send().await.expect("api").json().await.expect("json");
    assert_eq!(api["items"].as_array().map(Vec::len), Some(0), "{api}");
    let feed = anyone.get(app.url(&format!("/don-vi/{a}/tin-tuc.atom"))).send().await.expect("feed");
    let parsed = feed_rs::parser::parse(feed.bytes().await.expect("bytes").as_ref()).expect("an Atom feed");
    assert!(parsed.entries.is_empty(), "a draft is not in the feed");
    // The unit's official sees the draft's image, its metadata gone.
    let image = official.get(app.url(&format!("/don-vi/{a}/tin-tuc/{id}/anh/0"))).send().await.expect("img");
    assert_eq!(image.status(), 200);
    let bytes = image.bytes().await.expect("bytes");
    assert!(
        bytes.starts_with(b"\x89PNG") && !String::from_utf8_lossy(&bytes).contains("May Anh"),
        "text chunk removed"
    );

    // Published: on the list, its page, the API and the feed.
    let page = app.page(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}")).await;
    let token = attr(&page, "form[action$='/dang'] input[name=csrf]", "value").expect("publish form");
    let res = app.post_form(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}/dang"), &token, &[]).await;
    assert_eq!(res.status(), 200);
    let list = app.page(&anyone, &format!("/don-vi/{a}/tin-tuc")).await;
    assert_eq!(texts(&list, "ul.cards h2 a"), ["Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở"]);
    let post = app.page(&anyone, &format!("/don-vi/{a}/tin-tuc/{id}")).await;
    assert_eq!(
        texts(&post, "article p:not(:first-of-type)")[..2],
        ["Sáng 04/3, UBND xã tổ chức hội nghị.", "Có 120 đại biểu tham dự."]
    );
    assert!(attr(&post, "article img", "src").is_some_and(|s| s.ends_with("/anh/0")));
    let api: Value =
        anyone.get(app.url(&format!("/api/v1/units/{a}/news"))).send().await.expect("api").json().await.expect("json");
    assert_eq!(api["items"][0]["published_on"], "2026-03-04");
    let feed = anyone.get(app.url(&format!("/don-vi/{a}/tin-tuc.atom"))).send().await.expect("feed");
    assert!(feed.headers()["content-type"].to_str().unwrap_or_default().starts_with("application/atom+xml"));
    let parsed = feed_rs::parser::parse(feed.bytes().await.expect("bytes").as_ref()).expect("an Atom feed");
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    let entry = &parsed.entries[0];
    assert_eq!(
        entry.title.as_ref().map(|t| t.content.as_str()),
        Some("Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở")
    );
    assert_eq!(entry.published.map(|p| p.to_rfc3339()), Some("2026-03-03T17:00:00+00:00".into()));
    assert!(entry.links.iter().any(|l| l.href.ends_with(&format!("/don-vi/{a}/tin-tuc/{id}"))));
    assert_eq!(entry.categories[0].term, "Phổ biến pháp luật");

    // Taken back: gone again.
    let page = app.page(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}")).await;
    let token = attr(&page, "form[action$='/go'] input[name=csrf]", "value").expect("unpublish form");
    let res = app.post_form(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}/go"), &token, &[]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(anyone.get(app.url(&format!("/don-vi/{a}/tin-tuc/{id}"))).send().await.expect("post").status(), 404);
    let log = app.store.audit_entries(Some("news_post"), Some(50)).await.expect("audit");
    let actions: Vec<&str> =
        log.items.iter().filter(|e| e.entity_id == id.to_string()).map(|e| e.action.as_str()).collect();
    assert!(["news.create", "news.publish", "news.unpublish"].iter().all(|a| actions.contains(a)), "{actions:?}");
}

async fn another_communes_official_cannot_write_or_see_drafts(app: &TestApp) {
    let (a, _) = communes(app).await;
    let other = app.client_as("xa-b@coso.test").await;
    let res = other.get(app.url(&format!("/quan-tri/don-vi/{a}/tin-tuc"))).send().await.expect("desk");
    assert_eq!(res.status(), 403);
    let res = other.get(app.url(&format!("/api/v1/units/{a}/trainings"))).send().await.expect("api");
    assert_eq!(res.status(), 403);
}

async fn search_ignores_diacritics_and_categories_read_in_vietnamese_order(app: &TestApp) {
    let (a, _) = communes(app).await;
    let c = app.client_as("xa-a@coso.test").await;
    published(app, &c, &a, "Sửa đường liên thôn Đông Hà", "Đường bê tông dài 2 km.", "Hoạt động chính quyền").await;
    published(app, &c, &a, "Tuyên truyền pháp luật về đất đai", "Hội nghị ở nhà văn hóa.", "Phổ biến pháp luật").await;
    published(app, &c, &a, "Lịch tiêm phòng", "Tiêm phòng cho vật nuôi.", "Đời sống").await;
    let anyone = app.anonymous();
    let titles = |q: &str| {
        let path = format!("/don-vi/{a}/tin-tuc?{q}");
        let anyone = anyone.clone();
        async move { texts(&app.page(&anyone, &path).await, "ul.cards h2 a") }
    };
    assert_eq!(titles("q=duong+lien+thon").await, ["Sửa đường liên thôn Đông Hà"], "đ read as d, no accents");
    assert_eq!(titles("q=DONG+HA").await, ["Sửa đường liên thôn Đông Hà"]);
    assert_eq!(titles("q=ph%C3%A1p+lu%E1%BA%ADt").await, ["Tuyên truyền pháp luật về đất đai"]);
    assert_eq!(titles("chuyen-muc=%C4%90%E1%BB%9Di+s%E1%BB%91ng").await, ["Lịch tiêm phòng"], "filtered by category");
    let page = app.page(&anyone, &format!("/don-vi/{a}/tin-tuc")).await;
    assert_eq!(
        texts(&page, "#chuyen-muc option"),
        ["Tất cả", "Đời sống", "Hoạt động chính quyền", "Phổ biến pháp luật"],
        "Đ after D, before H"
    );
    let desk = app.page(&c, &format!("/quan-tri/don-vi/{a}/tin-tuc")).await;
    assert_eq!(
        texts(&desk, "#category option"),
        ["Đời sống", "Hoạt động chính quyền", "Phổ biến pháp luật", "Thông báo"]
    );
}

async fn bad_news_input_is_named_and_script_is_shown_as_text(app: &TestApp) {
    let (a, _) = communes(app).await;
    let small = app.with_settings(WebSettings { max_photo_bytes: 1024, ..WebSettings::default() }).await;
    let c = small.client_as("xa-a@coso.test").await;
    let path = format!("/quan-tri/don-vi/{a}/tin-tuc");
    let ok = [("title", "Thông báo"), ("body", "Nội dung."), ("category", "Thông báo")];
    let before = rows(app, "news_post").await;
    let cases: Vec<BadCase> = vec![
        ("no title", vec![("title", " "), ok[1], ok[2]], vec![], "#title", "Tiêu đề không được để trống."),
        (
            "an image over the limit",
            ok.to_vec(),
            vec![("photos", "to.png", "image/png", [png_with_text(), vec![0; 4096]].concat())],
            "#photos",
            "lớn quá 1 MB",
        ),
        (
            "a PDF named as a photo",
            ok.to_vec(),
            vec![("photos", "anh.jpg", "image/jpeg", b"%PDF-1.7".to_vec())],
            "#photos",
            "không phải là ảnh JPEG",
        ),
        (
            "a document as a photo",
            ok.to_vec(),
            vec![("photos", "kh.docx", "application/pdf", b"PK\x03\x04".to_vec())],
            "#photos",
            "không phải là ảnh",
        ),
    ];
    for (what, fields, files, field, message) in cases {
        let res = send_news(&small, &c, &path, &fields, &files).await;
        assert_eq!(res.status(), 422, "{what}");
        let page = res.text().await.expect("html");
        let summary = texts(&page, ".error-summary li a").join(" | ");
        assert!(summary.contains(message), "{what}: {summary}");
        assert_eq!(attr(&page, ".error-summary li a", "href").as_deref(), Some(field), "{what}");
    }
    assert_eq!(rows(app, "news_post").await, before, "nothing saved");

    let script = "<script>alert('xss')</script>";
    let id = published(&small, &c, &a, &format!("Tin {script}"), &format!("Đoạn {script} một."), "Thông báo").await;
    let page = small.anonymous().get(small.url(&format!("/don-vi/{a}/tin-tuc/{id}"))).send().await.expect("post");
    let page = page.text().await.expect("html");
    assert!(!page.contains("<script>alert"), "never markup");
    assert!(texts(&page, "article p").contains(&format!("Đoạn {script} một.")), "shown as text");
    assert_eq!(texts(&page, "h1")[0], format!("Tin {script}"));
    let feed = small.anonymous().get(small.url(&format!("/don-vi/{a}/tin-tuc.atom"))).send().await.expect("feed");
    let parsed = feed_rs::parser::parse(feed.bytes().await.expect("bytes").as_ref()).expect("an Atom feed");
    assert_eq!(parsed.entries[0].title.as_ref().map(|t| t.content.clone()), Some(format!("Tin {script}")));
}

async fn add_document(
    app: &TestApp,
    c: &reqwest::Client,
    unit: &str,
    fields: &[(&str, &str)],
    file: FilePart,
) -> reqwest::Response {
    let token = csrf(&app.page(c, &format!("/quan-tri/don-vi/{unit}/van-ban")).await);
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    Multipart::default().texts(&all).files(&[file]).post(c, app.url(&format!("/quan-tri/don-vi/{unit}/van-ban"))).await
}

async fn the_library_shows_the_documents_above_and_finds_words_in_files(app: &TestApp) {
    let (a, b) = communes(app).await;
    app.state.clock.set_today("2026-05-10".parse().expect("date"));
    let province = app.client_as("tinh@coso.test").await;
    let res = add_document(
        app,
        &province,
        PROVINCE,
        &[
            ("kind", "decision"),
            ("number", "15/2026/QĐ-UBND"),
            ("title", "Quy định về công khai thông tin ở cấp xã"),
            ("issued_on", "02/02/2026"),
            ("issuer", "UBND tỉnh Hà Tĩnh"),
            ("expires_on", "01/05/2026"),
        ],
        ("file", "qd-15.pdf", "application/pdf", b"%PDF-1.7\n%\xe2\xe3\n".to_vec()),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let commune = app.client_as("xa-a@coso.test").await;
    let convention = "# Hương ước thôn Đông\n\nĐiều 5. Giữ gìn vệ sinh đường làng, ngõ xóm.".as_bytes().to_vec();
    let res = add_document(
        app,
        &commune,
        &a,
        &[
            ("kind", "convention"),
            ("number", "01/HƯ"),
            ("title", "Hương ước thôn Đông"),
            ("issued_on", "10/01/2026"),
            ("issuer", "Hội nghị thôn Đông"),
        ],
        ("file", "huong-uoc.md", "text/markdown", convention),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());

    let anyone = app.anonymous();
    let page = app.page(&anyone, &format!("/don-vi/{a}/van-ban")).await;
    assert_eq!(texts(&page, "ul.cards h2"), ["Quyết định số 15/2026/QĐ-UBND", "Hương ước, quy ước số 01/HƯ"]);
    assert!(texts(&page, "ul.cards .tag").iter().any(|t| t == "Hết hiệu lực từ 01/05/2026"), "{page}");
    // Words of the file's text, without diacritics.
    let page = app.page(&anyone, &format!("/don-vi/{a}/van-ban?q=ve+sinh+duong+lang")).await;
    assert_eq!(texts(&page, "ul.cards h2"), ["Hương ước, quy ước số 01/HƯ"]);
    // A sibling commune sees the province's document, not the other commune's.
    let page = app.page(&anyone, &format!("/don-vi/{b}/van-ban")).await;
    assert_eq!(texts(&page, "ul.cards h2"), ["Quyết định số 15/2026/QĐ-UBND"]);
    let api: Value = app.get_json(&anyone, &format!("/api/v1/units/{a}/library?kind=convention")).await;
    assert_eq!(api["items"][0]["number"], "01/HƯ");
    assert_eq!(api["items"][0]["in_force"], true);
    let file =
        anyone.get(app.url(&format!("/don-vi/{a}/van-ban/{}/tep", api["items"][0]["id"]))).send().await.expect("file");
    assert_eq!(file.status(), 200);
    assert!(file.text().await.expect("text").contains("đường làng"));

    // A file that is not what its name says, and a missing number: named, nothing saved.
    let before = rows(app, "library_document").await;
    let res = add_document(
        app,
        &commune,
        &a,
        &[("kind", "plan"), ("number", ""), ("title", "Kế hoạch"), ("issued_on", "01/02/2026"), ("issuer", "UBND xã")],
        ("file", "kh.pdf", "application/pdf", b"PK\x03\x04 not a pdf".to_vec()),
    )
    .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("html");
    let summary = texts(&page, ".error-summary li a").join(" | ");
    assert!(
        summary.contains("Số, ký hiệu không được để trống.") && summary.contains("không phải là tệp PDF"),
        "{summary}"
    );
    assert_eq!(rows(app, "library_document").await, before);
}

async fn trainings_are_logged_and_fill_the_reports_trainings(app: &TestApp) {
    let (a, _) = communes(app).await;
    app.state.app.clock().set_today("2026-12-05".parse().expect("date"));
    let c = app.client_as("xa-a@coso.test").await;
    let record = |held_on: &'static str, form: &'static str| {
        let c = c.clone();
        let url = app.url(&format!("/api/v1/units/{a}/trainings"));
        async move {
            let res = c
                .post(url)
                .json(&json!({ "held_on": held_on, "topic": "Phổ biến Luật Thực hiện dân chủ ở cơ sở", "form": form,
                               "audience": "Cán bộ thôn", "attendance": 40 }))
                .send()
                .await
                .expect("post");
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        }
    };
    record("2026-03-04", "conference").await;
    record("2026-06-10", "training").await;
    record("2026-07-01", "radio").await;
    record("2025-11-20", "conference").await;
    let list: Value = app.get_json(&c, &format!("/api/v1/units/{a}/trainings?from=2026-01-01")).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(list["items"][0]["form"], "radio");

    // Bad input on the page: named, nothing saved.
    let page = app.page(&c, &format!("/quan-tri/don-vi/{a}/tap-huan")).await;
    let res = app
        .post_form(
            &c,
            &format!("/quan-tri/don-vi/{a}/tap-huan"),
            &csrf(&page),
            &[
                ("held_on", "2027-01-01"),
                ("topic", ""),
                ("form", "radio"),
                ("audience", "Nhân dân"),
                ("attendance", "-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("html");
    let summary = texts(&page, ".error-summary li a").join(" | ");
    assert!(
        summary.contains("không được sau hôm nay") && summary.contains("Nội dung không được để trống"),
        "{summary}"
    );
    assert_eq!(rows(app, "training_event").await, 4);

    // The annual report of 2026: the two gatherings of 2026, not the broadcast nor 2025's.
    app.user("tinh-kh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh-kh@coso.test").await;
    let query = format!("unit={PROVINCE}&targets=children&year=2026&file_name=kh.docx");
    let plan = app.import_plan(&province, &query, plan_docx()).await;
    let annual = occurrence(&plan, "annual");
    let form = app.page(&c, &format!("/quan-tri/hop-thu/{annual}?don-vi={a}")).await;
    assert_eq!(attr(&form, "#i_trainings", "value").as_deref(), Some("2"));
}

/// A second small PNG, told apart from [`png_with_text`] by its image data.
fn other_png() -> Vec<u8> {
    let mut p = png_with_text();
    let at = p.len() - 20;
    p[at] ^= 0xff;
    p
}

async fn an_image_is_removed_and_the_next_moves_up(app: &TestApp) {
    let (a, b) = communes(app).await;
    let official = app.client_as("xa-a@coso.test").await;
    let res = send_news(
        app,
        &official,
        &format!("/quan-tri/don-vi/{a}/tin-tuc"),
        &[("title", "Ngày hội đại đoàn kết"), ("body", "Hai ảnh của ngày hội."), ("category", "Đời sống")],
        &[("photos", "mot.png", "image/png", png_with_text()), ("photos", "hai.png", "image/png", other_png())],
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let id = id_of(&res);
    let image = |n: u8| {
        let url = app.url(&format!("/don-vi/{a}/tin-tuc/{id}/anh/{n}"));
        let official = official.clone();
        async move { official.get(url).send().await.expect("img") }
    };
    let second = image(1).await.bytes().await.expect("bytes");

    let page = app.page(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}")).await;
    assert_eq!(texts(&page, "figure button"), ["Xoá ảnh 1", "Xoá ảnh 2"]);
    let token = attr(&page, "form[action$='/anh/0/xoa'] input[name=csrf]", "value").expect("the remove form");
    let res = app.post_form(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}/anh/0/xoa"), &token, &[]).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("page").contains("Đã xoá ảnh khỏi tin."));

    // The second image is now the first, and there is no second any more.
    assert_eq!(image(0).await.bytes().await.expect("bytes"), second);
    assert_eq!(image(1).await.status(), 404);
    let res = app.post_form(&official, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}/anh/5/xoa"), &token, &[]).await;
    assert_eq!(res.status(), 404, "an image the post does not have");
    assert_eq!(rows(app, "news_image").await, 1);

    // Another commune's official cannot remove it.
    let other = app.client_as("xa-b@coso.test").await;
    let token = csrf(&app.page(&other, &format!("/quan-tri/don-vi/{b}/tin-tuc")).await);
    let res = app.post_form(&other, &format!("/quan-tri/don-vi/{a}/tin-tuc/{id}/anh/0/xoa"), &token, &[]).await;
    assert!(matches!(res.status().as_u16(), 403 | 404), "{}", res.status());
    assert_eq!(rows(app, "news_image").await, 1);
    let log = app.store.audit_entries(Some("news_post"), Some(50)).await.expect("audit");
    assert!(log.items.iter().any(|e| e.action == "news.image_remove" && e.entity_id == id.to_string()));
}

async fn a_library_file_over_the_limit_comes_back_on_its_field(app: &TestApp) {
    let (a, _) = communes(app).await;
    let small = app.with_settings(WebSettings { max_upload_bytes: 1024 * 1024, ..WebSettings::default() }).await;
    let c = small.client_as("xa-a@coso.test").await;
    let before = rows(app, "library_document").await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(1024 * 1024 + 10, b' ');
    let fields = [
        ("kind", "decision"),
        ("number", "07/2026/QĐ-UBND"),
        ("title", "Quy chế tiếp công dân của xã"),
        ("issued_on", "02/02/2026"),
        ("issuer", "UBND xã"),
    ];
    let res = add_document(&small, &c, &a, &fields, ("file", "quy-che.pdf", "application/pdf", big)).await;
    assert_eq!(res.status(), 422, "the form, not the generic 413 page");
    let page = res.text().await.expect("html");
    let summary = texts(&page, ".error-summary li a").join(" | ");
    assert!(summary.contains("«quy-che.pdf» quá lớn: tối đa 1.0 MB"), "{summary}");
    assert_eq!(attr(&page, ".error-summary li a", "href").as_deref(), Some("#file"));
    assert!(texts(&page, "#file-err").concat().contains("quá lớn"), "on the file's field");
    assert_eq!(attr(&page, "input#title", "value").as_deref(), Some("Quy chế tiếp công dân của xã"), "kept");
    assert_eq!(attr(&page, "input#number", "value").as_deref(), Some("07/2026/QĐ-UBND"), "kept");
    assert_eq!(rows(app, "library_document").await, before, "nothing saved");
    // The same file within the limit is kept.
    let res = add_document(
        &small,
        &c,
        &a,
        &fields,
        ("file", "quy-che.pdf", "application/pdf", b"%PDF-1.7\n%\xe2\xe3\n".to_vec()),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    assert_eq!(rows(app, "library_document").await, before + 1);
}

on_both! {
    app:
    drafts_are_never_public => drafts_are_never_public_and_a_published_post_is_in_the_feed,
    other_commune => another_communes_official_cannot_write_or_see_drafts,
    search_and_categories => search_ignores_diacritics_and_categories_read_in_vietnamese_order,
    bad_news_input => bad_news_input_is_named_and_script_is_shown_as_text,
    image_removed => an_image_is_removed_and_the_next_moves_up,
    library => the_library_shows_the_documents_above_and_finds_words_in_files,
    library_too_large => a_library_file_over_the_limit_comes_back_on_its_field,
    trainings => trainings_are_logged_and_fill_the_reports_trainings,
}
