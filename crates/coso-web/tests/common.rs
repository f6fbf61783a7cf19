//! What the tests of this binary start from: the first communes of the province with villages,
//! agencies and accounts, made through the API as the province's administrator, and a household
//! register; the JSON requests they repeat; and the files they exchange: DOCX and XLSX read back,
//! multipart forms sent.

use coso_domain::authz::Role;
use coso_test_support::TestApp;
use serde_json::Value;

/// The province the fixtures are made in: Hà Tĩnh.
pub const PROVINCE: &str = "42";

/// The province's administrator, who makes the fixtures' units.
pub const ADMIN: &str = "root@coso.test";

/// The first commune of the province, with the units a fixture made under it.
pub struct Commune {
    pub code: String,
    /// The province's administrator [`ADMIN`], signed in.
    pub admin: reqwest::Client,
}

/// The province's administrator [`ADMIN`], created and signed in.
pub async fn province_admin(app: &TestApp) -> reqwest::Client {
    app.user(ADMIN, Role::Admin, PROVINCE).await;
    app.client_as(ADMIN).await
}

/// The first commune of the province with `units` (code, name, kind) made under it by the
/// province's administrator [`ADMIN`].
pub async fn commune_with(app: &TestApp, units: &[(&str, &str, &str)]) -> Commune {
    let admin = province_admin(app).await;
    let code = app.first_commune(PROVINCE).await;
    for (unit, name, kind) in units {
        app.add_unit(&admin, &code, unit, name, kind).await;
    }
    Commune { code, admin }
}

/// The first commune of the province with `villages` (code, name) under it; see
/// [`commune_with`].
pub async fn commune_with_villages(app: &TestApp, villages: &[(&str, &str)]) -> Commune {
    let units: Vec<(&str, &str, &str)> = villages.iter().map(|&(code, name)| (code, name, "village")).collect();
    commune_with(app, &units).await
}

/// The first commune of the province with the village `code` named `name` of `households`
/// households (see [`import_households`]; none: an empty register), the commune's official
/// `xa@coso.test` and the village head `truong-thon@coso.test`. Returns the commune's code.
pub async fn village_with_staff(app: &TestApp, code: &str, name: &str, households: usize) -> String {
    let commune = commune_with_villages(app, &[(code, name)]).await;
    if households > 0 {
        import_households(app, &commune.admin, code, households).await;
    }
    app.user("xa@coso.test", Role::Official, &commune.code).await;
    app.user("truong-thon@coso.test", Role::VillageHead, code).await;
    commune.code
}

/// Imports `n` households into the register of `village` as `c`: `H001`, `H002`… of four people
/// each, spread over five hamlets, represented by Nguyễn Văn 1, 2…
pub async fn import_households(app: &TestApp, c: &reqwest::Client, village: &str, n: usize) {
    let mut csv = String::from("ma ho,dia chi,dai dien ho,so nhan khau\n");
    for i in 1..=n {
        csv.push_str(&format!("H{i:03},Xóm {},Nguyễn Văn {i},4\n", i % 5 + 1));
    }
    let res = c
        .post(app.url(&format!("/api/v1/units/{village}/households/import")))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .expect("import");
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
}

/// The codes of the first two communes of the province.
pub async fn two_communes(app: &TestApp) -> (String, String) {
    let codes = app.communes(PROVINCE, 2).await;
    (codes[0].clone(), codes[1].clone())
}

/// The first two communes of the province in the register on 1 January 2026, an official on each
/// (`xa-a@coso.test`, `xa-b@coso.test`) and one on the province (`tinh@coso.test`). Returns their
/// codes.
pub async fn two_communes_with_officials(app: &TestApp) -> (String, String) {
    let province = app.store.unit_by_code(PROVINCE).await.expect("q").expect("the province");
    let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let children = app.store.children(province.unit_id(), on).await.expect("communes");
    let (a, b) = (children[0].code.clone(), children[1].code.clone());
    app.user("xa-a@coso.test", Role::Official, &a).await;
    app.user("xa-b@coso.test", Role::Official, &b).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    (a, b)
}

/// `POST path` with the JSON `body` as `c`: the status and the answer's JSON (null without one).
pub async fn api_post(c: &reqwest::Client, app: &TestApp, path: &str, body: Value) -> (u16, Value) {
    let res = c.post(app.url(path)).json(&body).send().await.expect("post");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// `GET path` as `c`, which must answer 200: the answer's JSON.
pub async fn api_get(c: &reqwest::Client, app: &TestApp, path: &str) -> Value {
    let res = c.get(app.url(path)).send().await.expect("get");
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.expect("json")
}

/// `POST path` with the JSON `body` as `c`, which must answer 200 or 201: the answer's JSON.
pub async fn post_ok(c: &reqwest::Client, app: &TestApp, path: &str, body: &Value) -> Value {
    let res = c.post(app.url(path)).json(body).send().await.expect("request");
    let status = res.status().as_u16();
    let v: Value = res.json().await.expect("json");
    assert!(status == 200 || status == 201, "{path}: {status} {v}");
    v
}

/// The body of a DOCX as it is stored: its `word/document.xml`.
pub fn docx_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a DOCX is a ZIP");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("document"), &mut xml).expect("xml");
    xml
}

/// The text of a DOCX: the text runs of `word/document.xml`, one line per paragraph, entities
/// decoded.
pub fn docx_text(bytes: &[u8]) -> String {
    let xml = docx_xml(bytes);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in xml.replace("</w:p>", "\n").chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The cells of the first sheet of an XLSX as text, row by row.
pub fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a valid XLSX");
    let sheet = calamine::Reader::worksheet_range_at(&mut book, 0).expect("a sheet").expect("readable");
    sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

/// A file of a form: (field, file name, type, bytes).
pub type FilePart = (&'static str, &'static str, &'static str, Vec<u8>);

const BOUNDARY: &str = "----coso-test-boundary-7d3f";

/// A `multipart/form-data` body built part by part, in the order a browser sends a form's fields.
#[derive(Default)]
pub struct Multipart {
    body: Vec<u8>,
}

impl Multipart {
    /// A text field.
    pub fn text(mut self, name: &str, value: &str) -> Multipart {
        self.body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
        self
    }

    /// Text fields, in order.
    pub fn texts(self, fields: &[(&str, &str)]) -> Multipart {
        fields.iter().fold(self, |form, (name, value)| form.text(name, value))
    }

    /// A file of the field `field`; without `content_type` the part says no type, as a browser
    /// does for a file it does not know.
    pub fn file(mut self, field: &str, file_name: &str, content_type: Option<&str>, bytes: &[u8]) -> Multipart {
        let kind = content_type.map(|t| format!("Content-Type: {t}\r\n")).unwrap_or_default();
        self.body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\n{kind}\r\n")
                .as_bytes(),
        );
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// Files, in order.
    pub fn files(self, files: &[FilePart]) -> Multipart {
        files.iter().fold(self, |form, (field, file, kind, bytes)| form.file(field, file, Some(kind), bytes))
    }

    /// The form's `Content-Type` header and its body.
    fn finish(mut self) -> (String, Vec<u8>) {
        self.body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={BOUNDARY}"), self.body)
    }

    /// Posts the form to `url` as `c`.
    pub async fn post(self, c: &reqwest::Client, url: impl reqwest::IntoUrl) -> reqwest::Response {
        let (content_type, body) = self.finish();
        c.post(url).header("content-type", content_type).body(body).send().await.expect("post a form")
    }
}
