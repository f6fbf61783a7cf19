//! The authorization matrix: every route of the router × every role → the class of answer
//! expected. The test below walks the real router with each role and fails on any cell that
//! answers otherwise, and on any route of the source missing from the table.
//!
//! It runs on SQLite only: its subject is who reaches which handler, which the web layer and
//! the use cases decide the same way on both databases.

use coso_domain::TaskId;
use coso_domain::authz::Role;
use coso_domain::report::Template;
use coso_web::WebSettings;
use serde_json::{Value, json};

use crate::page_parameters::routes_in_source;
use crate::rejections::Body;
use crate::support::{PASSWORD, TestApp, occurrence};
use crate::{PROVINCE, province_plan, village_with_a_household};

/// The class of an answer, as a letter of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// `O`: 2xx, or 3xx to a page other than the sign-in page.
    Ok,
    /// `S`: an anonymous visitor sent to sign in (303 to `/dang-nhap`, 401 under `/api/`).
    SignIn,
    /// `F`: 403.
    Forbidden,
    /// `N`: 404, where hiding that the thing exists is the rule.
    NotFound,
    /// `R`: 400, 409, 415 or 422: the handler was reached and refused the probe's input.
    Refused,
    /// Any other status: never expected.
    Other(u16),
}

impl Answer {
    fn letter(self) -> String {
        match self {
            Answer::Ok => "O".into(),
            Answer::SignIn => "S".into(),
            Answer::Forbidden => "F".into(),
            Answer::NotFound => "N".into(),
            Answer::Refused => "R".into(),
            Answer::Other(status) => status.to_string(),
        }
    }

    fn of(res: &reqwest::Response) -> Answer {
        let status = res.status().as_u16();
        let location = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("");
        match status {
            300..=399 if location.starts_with("/dang-nhap") => Answer::SignIn,
            200..=399 => Answer::Ok,
            401 => Answer::SignIn,
            403 => Answer::Forbidden,
            404 => Answer::NotFound,
            400 | 409 | 415 | 422 => Answer::Refused,
            other => Answer::Other(other),
        }
    }
}

/// The columns of the table, in order; [`accounts`] says on which unit each role is granted.
///
/// The cleared column is an official of the commune above `V1` who holds a clearance to read
/// denouncers there; it is sent on the routes of citizen cases, `-` (not sent) elsewhere.
const COLUMNS: [&str; 9] = [
    "anonymous",
    "resident",
    "viewer",
    "village_head",
    "board_member",
    "official_in",
    "official_out",
    "admin",
    "cleared",
];

/// Every route × every role → the expected answer, one letter per column of [`COLUMNS`]:
/// `O` ok, `S` sign in, `F` forbidden, `N` not found, `R` refused, `-` not sent.
///
/// The path's parameters are filled from the fixtures: `{code}` is the village `V1` (inside
/// the province of the official inside, outside the province of the official outside), `{id}`
/// a plan issued by the province (a report template under `mau-bao-cao` and `report-templates`,
/// a commune's report under `bao-cao` and `submissions`), `{occurrence}` its annual report,
/// `{task}` its first task and `{file}` that task's evidence; `{commune}` is the commune above
/// `V1`, a target of the plan. A query after the path fills what the handler needs to get past
/// its parameters. Writes are sent with the bodies of [`probe_body`], so they change nothing the
/// later cells read.
///
/// The header letters name the columns: anonymous, resident, viewer, village head, board member,
/// official inside, official outside, admin, cleared. `/metrics` answers here because the test
/// asks from this machine (see `metrics.rs`).
#[rustfmt::skip]
const MATRIX: &[(&str, &str, Body, &str)] = &[
    //                                                                                a r v h b i o A c
    ("GET", "/", Body::None,                                                         "O O O O O O O O -"),
    ("GET", "/don-vi", Body::None,                                                   "O O O O O O O O -"),
    ("GET", "/don-vi/{code}", Body::None,                                            "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/tim", Body::None,                                        "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/phan-anh", Body::None,                                   "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/phan-anh/gui", Body::None,                               "O O O O O O O O -"),
    // Anyone may send a petition: the probe's form lacks its content.
    ("POST", "/don-vi/{code}/phan-anh/gui", Body::Multipart,                         "R R R R R R R R -"),
    ("GET", "/theo-doi", Body::None,                                                 "O O O O O O O O -"),
    // The code is the key: `V1` is no tracking code.
    ("GET", "/theo-doi/{code}", Body::None,                                          "N N N N N N N N -"),
    ("POST", "/theo-doi/{code}/danh-gia", Body::Form,                                "N N N N N N N N -"),
    ("GET", "/theo-doi/{code}/bien-nhan.pdf", Body::None,                            "N N N N N N N N -"),
    // Open311: for every application, no account; the probe's form has no location.
    ("GET", "/open311/v2/discovery.json", Body::None,                                "O O O O O O O O -"),
    ("GET", "/open311/v2/discovery.xml", Body::None,                                 "O O O O O O O O -"),
    ("GET", "/open311/v2/services.json?jurisdiction_id=42", Body::None,              "O O O O O O O O -"),
    ("GET", "/open311/v2/services.xml?jurisdiction_id=42", Body::None,               "O O O O O O O O -"),
    ("GET", "/open311/v2/requests.json", Body::None,                                 "O O O O O O O O -"),
    ("POST", "/open311/v2/requests.json", Body::Form,                                "R R R R R R R R -"),
    ("GET", "/open311/v2/requests.xml", Body::None,                                  "O O O O O O O O -"),
    ("POST", "/open311/v2/requests.xml", Body::Form,                                 "R R R R R R R R -"),
    ("GET", "/open311/v2/requests/{id}", Body::None,                                 "N N N N N N N N -"),
    ("GET", "/dang-nhap", Body::None,                                                "O O O O O O O O -"),
    ("POST", "/dang-nhap", Body::Form,                                               "O O O O O O O O -"),
    ("POST", "/dang-xuat", Body::Form,                                               "S O O O O O O O -"),
    ("GET", "/quen-mat-khau", Body::None,                                            "O O O O O O O O -"),
    ("POST", "/quen-mat-khau", Body::Form,                                           "R R R R R R R R -"),
    ("GET", "/dat-lai-mat-khau/{token}", Body::None,                                 "N N N N N N N N -"),
    ("POST", "/dat-lai-mat-khau/{token}", Body::Form,                                "N N N N N N N N -"),
    ("GET", "/dang-ky", Body::None,                                                  "O O O O O O O O -"),
    ("POST", "/dang-ky", Body::Form,                                                 "R R R R R R R R -"),
    ("GET", "/dang-ky/da-gui", Body::None,                                           "O O O O O O O O -"),
    ("GET", "/xac-minh/{token}", Body::None,                                         "N N N N N N N N -"),
    ("POST", "/xac-minh/{token}", Body::Form,                                        "N N N N N N N N -"),
    ("POST", "/gui-lai-xac-minh", Body::Form,                                        "O O O O O O O O -"),
    ("GET", "/quan-tri", Body::None,                                                 "S O O O O O O O -"),
    ("GET", "/quan-tri/thiet-ke", Body::None,                                        "S F F F F F F O -"),
    ("GET", "/cua-toi", Body::None,                                                  "S O O O O O O O -"),
    ("POST", "/cua-toi/ho-gia-dinh", Body::Form,                                     "S R R R R R R R -"),
    ("POST", "/cua-toi/ho-gia-dinh/ket-thuc", Body::Form,                            "S O O O O O O O -"),
    ("POST", "/cua-toi/thong-bao/{id}/da-doc", Body::Form,                           "S O O O O O O O -"),
    // Anyone signed in lists their own cases and may send one; the probe's form lacks its content.
    ("GET", "/cua-toi/don", Body::None,                                              "S O O O O O O O -"),
    ("GET", "/cua-toi/gui-don", Body::None,                                          "S O O O O O O O -"),
    ("POST", "/cua-toi/gui-don", Body::Multipart,                                    "S R R R R R R R -"),
    // Household ballots and online votes: `{id}` is no decision of `V1`, so a role that manages
    // decisions is told it is not found and the others are forbidden; a probe's body that lacks
    // the fields is refused first; the resident's page lists its own household's votes.
    ("GET", "/cua-toi/bieu-quyet", Body::None,                                        "S O O O O O O O -"),
    ("POST", "/cua-toi/bieu-quyet/{id}", Body::Form,                                  "S R R R R R R R -"),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu", Body::None,         "S F F N F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu", Body::Form,        "S F F N F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/thu-phieu", Body::Form,         "S F F N F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/nhap-kiem-phieu", Body::Form,        "S R R R R R R R -"),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen", Body::None,         "S F F N F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen/ket-thuc", Body::Form, "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/tep/{file}", Body::None,         "S N N N N N N N -"),
    ("POST", "/api/v1/decisions/{id}/ballot-plan", Body::Json,                        "S R R R R R R R -"),
    ("GET", "/api/v1/decisions/{id}/ballots", Body::None,                             "S F F O F O F O -"),
    ("POST", "/api/v1/decisions/{id}/ballots/collect", Body::Json,                    "S R R R R R R R -"),
    ("GET", "/api/v1/decisions/{id}/ballots.pdf", Body::None,                         "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/distribution.pdf", Body::None,                    "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/counting-minutes.docx", Body::None,               "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/counting-minutes.pdf", Body::None,                "S F F R F R F R -"),
    ("POST", "/api/v1/decisions/{id}/online-votes", Body::Json,                       "S R R R R R R R -"),
    ("POST", "/api/v1/decisions/{id}/online-close", Body::None,                       "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}", Body::None,                                   "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/them", Body::Form,                             "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/nhap", Body::Multipart,                        "S F F F F R F R -"),
    // Administrators only; the probe's form says neither yes nor no.
    ("POST", "/quan-tri/don-vi/{code}/vung-sau", Body::Form,                         "S F F F F F F R -"),
    ("GET", "/quan-tri/don-vi/{code}/ho-gia-dinh", Body::None,                       "S F O O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/them", Body::Form,                 "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/nhap", Body::Multipart,            "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich", Body::None,                "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich", Body::Form,               "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich/{id}/xoa", Body::Form,      "S F F F F N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/so", Body::None,                  "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so", Body::Form,                 "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}", Body::None,             "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}", Body::Form,            "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/vu-viec", Body::Form,    "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/lien-ket", Body::Form,   "S F F F F N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu", Body::None,            "S F O F O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.csv", Body::None,        "S F O F O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.xlsx", Body::None,       "S F O F O O F O -"),
    // Consultations: `{id}` is a consultation of the commune above `V1`, open to all its people
    // (a draft for the close, which refuses it); the admin pages of `{code}` = `V1` do not find
    // the commune's consultation; `V1`'s counts form is its head's.
    ("GET", "/don-vi/{code}/lay-y-kien", Body::None,                                   "O O O O O O O O -"),
    ("GET", "/lay-y-kien/{id}", Body::None,                                            "O O O O O O O O -"),
    ("POST", "/lay-y-kien/{id}/y-kien", Body::Form,                                    "S R R R R R R R -"),
    ("POST", "/lay-y-kien/{id}/ung-ho", Body::Form,                                    "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien", Body::None,                          "S F F O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien", Body::Multipart,                    "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}", Body::None,                     "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/muc", Body::Form,                "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/mo", Body::Form,                 "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/dong", Body::Form,               "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/an", Body::Form,                 "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/tra-loi", Body::Form,            "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/phieu", Body::None,               "S F F O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/phieu", Body::Form,              "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/bao-cao.docx", Body::None,        "S N N N N N N N -"),
    // Dialogues: `{id}` is an announced dialogue of the commune above `V1`, public; `V1` holds
    // none, so the officials' pages of `{id}` under `V1` are not found, and a dialogue set up
    // for a village is refused.
    ("GET", "/don-vi/{code}/doi-thoai", Body::None,                                    "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/cam-ket", Body::None,                                      "O O O O O O O O -"),
    ("GET", "/doi-thoai/{id}", Body::None,                                             "O O O O O O O O -"),
    ("POST", "/doi-thoai/{id}/cau-hoi", Body::Form,                                    "R R R R R R R R -"),
    // Its results notice is public once published; `{id}` is not published yet.
    ("GET", "/doi-thoai/{id}/ket-qua.docx", Body::None,                                "N N N N N N N N -"),
    ("GET", "/doi-thoai/{id}/ket-qua.pdf", Body::None,                                 "N N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai", Body::None,                           "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai", Body::Form,                          "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/de-nghi", Body::Form,                  "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}", Body::None,                      "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/thong-bao", Body::Form,           "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/tra-loi", Body::Form,             "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/an", Body::Form,                  "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/cam-ket", Body::Form,             "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/tien-do", Body::Form,             "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua", Body::Form,             "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.docx", Body::None,         "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.pdf", Body::None,          "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh", Body::None,                          "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh", Body::Form,                         "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}", Body::None,                     "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/du-hop", Body::Form,             "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/kiem-phieu", Body::Form,         "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/ket-thuc", Body::Form,           "S F F R F R F R -"),
    // `V1` keeps no disclosure register: its public pages are not found for anyone.
    ("GET", "/don-vi/{code}/cong-khai", Body::None,                                  "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/cong-khai.atom", Body::None,                             "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/cong-khai/{id}", Body::None,                             "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/cong-khai/{id}/tep/{file}", Body::None,                  "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/cong-khai/{id}/thong-bao.docx", Body::None,              "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/cong-khai/{id}/thong-bao.pdf", Body::None,               "N N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai", Body::None,                         "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai", Body::Multipart,                   "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/{id}/sua", Body::None,                "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai/{id}/sua", Body::Multipart,          "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai/{id}/tep", Body::Multipart,          "S F F F F N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu", Body::None,                "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu.csv", Body::None,            "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu.xlsx", Body::None,           "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/thong-tin-lai", Body::None,                     "S F F O F F F O -"),
    ("POST", "/quan-tri/don-vi/{code}/thong-tin-lai/{id}", Body::Form,               "S F F N F F F N -"),
    ("GET", "/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket", Body::None,      "S F F O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket/{id}", Body::Form, "S F F N F N F N -"),
    ("GET", "/quan-tri/nguoi-dung", Body::None,                                      "S F F F F F F O -"),
    ("POST", "/quan-tri/nguoi-dung", Body::Form,                                     "S F F F F F F R -"),
    ("GET", "/quan-tri/nguoi-dung/quyen-to-cao", Body::None,                         "S F F F F F F O -"),
    ("POST", "/quan-tri/nguoi-dung/quyen-to-cao", Body::Form,                        "S F F F F F F R -"),
    ("POST", "/quan-tri/nguoi-dung/quyen-to-cao/thu-hoi", Body::Form,                "S F F F F F F R -"),
    ("GET", "/quan-tri/nhat-ky", Body::None,                                         "S F F F F F F O -"),
    ("GET", "/quan-tri/nhat-ky/nhat-ky.csv", Body::None,                             "S F F F F F F O -"),
    ("GET", "/quan-tri/vu-viec", Body::None,                                         "S F F O F O O O O"),
    ("GET", "/quan-tri/vu-viec/tai-ve/danh-sach.csv", Body::None,                    "S F F O F O O O O"),
    ("GET", "/quan-tri/vu-viec/tai-ve/danh-sach.xlsx", Body::None,                   "S F F O F O O O O"),
    ("GET", "/quan-tri/vu-viec/moi", Body::None,                                     "S F F O F O O O O"),
    ("POST", "/quan-tri/vu-viec/moi", Body::Multipart,                               "S F F R F R R R R"),
    ("GET", "/quan-tri/vu-viec/{id}", Body::None,                                    "S F F F F O F O O"),
    ("POST", "/quan-tri/vu-viec/{id}/xu-ly", Body::Form,                             "S F F F F R F R R"),
    ("POST", "/quan-tri/vu-viec/{id}/nguoi-to-cao", Body::Form,                      "S F F F F F F F O"),
    ("GET", "/quan-tri/vu-viec/{id}/tep?ma=1", Body::None,                           "S F F F F N F N O"),
    ("GET", "/quan-tri/vu-viec/{id}/van-ban/quyet-dinh-thu-ly.docx", Body::None,     "S F F F F N F N N"),
    ("GET", "/quan-tri/don-vi/{code}/linh-vuc-don", Body::None,                      "S F F F F O F O O"),
    ("POST", "/quan-tri/don-vi/{code}/linh-vuc-don", Body::Form,                     "S F F F F R F R R"),
    ("POST", "/quan-tri/don-vi/{code}/linh-vuc-don/ngung", Body::Form,               "S F F F F R F R R"),
    ("GET", "/quan-tri/hop-thu", Body::None,                                         "S F O O O O O O -"),
    ("GET", "/quan-tri/mau-bao-cao", Body::None,                                     "S F F F F F F O -"),
    ("GET", "/quan-tri/mau-bao-cao/{id}", Body::None,                                "S F F F F F F O -"),
    ("POST", "/quan-tri/mau-bao-cao/{id}", Body::Form,                               "S F F F F F F R -"),
    ("GET", "/quan-tri/hop-thu/{occurrence}?don-vi={commune}", Body::None,           "S F F F F O F O -"),
    ("POST", "/quan-tri/hop-thu/{occurrence}?don-vi={commune}", Body::Form,          "S F F F F R F R -"),
    ("GET", "/quan-tri/bao-cao/{id}", Body::None,                                    "S F O F O O F O -"),
    ("POST", "/quan-tri/bao-cao/{id}/xem-xet", Body::Form,                           "S F F F F R F R -"),
    ("GET", "/quan-tri/ke-hoach", Body::None,                                        "S F O O O O O O -"),
    ("POST", "/quan-tri/ke-hoach/nhap?don-vi=42", Body::Multipart,                   "S F F F F R F R -"),
    ("GET", "/quan-tri/ke-hoach/ban-hanh?don-vi=42", Body::None,                     "S F F F F O F O -"),
    ("POST", "/quan-tri/ke-hoach/ban-hanh", Body::Form,                              "S N N N N N N N -"),
    ("GET", "/quan-tri/ke-hoach/{id}", Body::None,                                   "S F O F O O F O -"),
    ("GET", "/quan-tri/ke-hoach/{id}/tong-hop", Body::None,                          "S F O F F O F O -"),
    ("POST", "/quan-tri/ke-hoach/{id}/nhiem-vu/{task}", Body::Form,                  "S F F F F R F R -"),
    ("POST", "/quan-tri/ke-hoach/{id}/nhiem-vu/{task}/minh-chung", Body::Multipart,  "S F F F F R F R -"),
    ("GET", "/quan-tri/ke-hoach/{id}/minh-chung/{file}", Body::None,                 "S F O F O O F O -"),
    ("GET", "/quan-tri/ke-hoach/{id}/tong-hop.csv", Body::None,                      "S F O F F O F O -"),
    ("GET", "/quan-tri/ke-hoach/{id}/van-ban.docx", Body::None,                      "S F O F O O F O -"),
    ("GET", "/tinh-han", Body::None,                                                 "O O O O O O O O -"),
    ("GET", "/lich", Body::None,                                                     "O O O O O O O O -"),
    ("GET", "/static/coso.css", Body::None,                                          "O O O O O O O O -"),
    ("GET", "/healthz", Body::None,                                                  "O O O O O O O O -"),
    ("GET", "/metrics", Body::None,                                                  "O O O O O O O O -"),
    ("GET", "/api/v1/openapi.json", Body::None,                                      "O O O O O O O O -"),
    ("POST", "/api/v1/session", Body::Json,                                          "S O O O O O O O -"),
    ("DELETE", "/api/v1/session", Body::None,                                        "O O O O O O O O -"),
    ("GET", "/api/v1/units", Body::None,                                             "O O O O O O O O -"),
    ("GET", "/api/v1/units/{code}", Body::None,                                      "O O O O O O O O -"),
    ("GET", "/api/v1/units/{code}/children", Body::None,                             "O O O O O O O O -"),
    ("POST", "/api/v1/units/{code}/children", Body::Json,                            "S F F F F R F R -"),
    ("POST", "/api/v1/units/{code}/children/import", Body::Raw,                      "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/households", Body::None,                           "S F O O F O F O -"),
    ("POST", "/api/v1/units/{code}/households", Body::Json,                          "S F F R F R F R -"),
    ("POST", "/api/v1/units/{code}/households/import", Body::Raw,                    "S F F R F R F R -"),
    ("GET", "/api/v1/units/{code}/reception/schedule", Body::None,                   "O O O O O O O O -"),
    ("GET", "/api/v1/units/{code}/reception/sessions", Body::None,                   "S F F F F O F O -"),
    ("POST", "/api/v1/units/{code}/reception/sessions", Body::Json,                  "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/reception/sessions/{id}/visits", Body::None,       "S F F F F N F N -"),
    ("POST", "/api/v1/units/{code}/reception/sessions/{id}/visits", Body::Json,      "S F F F F N F N -"),
    ("GET", "/api/v1/units/{code}/reception/compliance", Body::None,                 "S F O F O O F O -"),
    // Decisions: `{id}` is an open meeting of `V1` (one household), which every probe leaves open.
    ("POST", "/api/v1/units/{code}/decisions", Body::Json,                            "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}", Body::None,                                     "S F O O O O F O -"),
    ("POST", "/api/v1/decisions/{id}/attendance", Body::Json,                         "S F F R F R F R -"),
    ("POST", "/api/v1/decisions/{id}/tally", Body::Json,                              "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/invitation.docx", Body::None,                     "S F F O F O F O -"),
    ("GET", "/api/v1/decisions/{id}/invitation.pdf", Body::None,                      "S F F O F O F O -"),
    ("GET", "/api/v1/decisions/{id}/meeting-minutes.docx", Body::None,                "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/meeting-minutes.pdf", Body::None,                 "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/resolution.docx", Body::None,                     "S F F R F R F R -"),
    ("GET", "/api/v1/decisions/{id}/resolution.pdf", Body::None,                      "S F F R F R F R -"),
    ("POST", "/api/v1/consultations", Body::Json,                                      "S F F F F R F R -"),
    ("GET", "/api/v1/consultations/{id}", Body::None,                                  "O O O O O O O O -"),
    ("POST", "/api/v1/consultations/{id}/comments", Body::Json,                        "S R R R R R R R -"),
    ("POST", "/api/v1/consultations/{id}/close", Body::None,                           "S F F F F R F R -"),
    ("POST", "/api/v1/consultations/{id}/answers", Body::Json,                         "S F F F F R F R -"),
    ("GET", "/api/v1/consultations/{id}/report.docx", Body::None,                      "S F F F F O F O -"),
    ("GET", "/api/v1/consultations/{id}/report.pdf", Body::None,                       "S F F F F O F O -"),
    ("POST", "/api/v1/units/{code}/dialogues", Body::Json,                              "S F F F F R F R -"),
    ("POST", "/api/v1/units/{code}/dialogue-requests", Body::Json,                      "S F F F F R F R -"),
    ("GET", "/api/v1/dialogues/{id}", Body::None,                                      "O O O O O O O O -"),
    ("POST", "/api/v1/dialogues/{id}/announce", Body::None,                            "S F F F F R F R -"),
    ("POST", "/api/v1/dialogues/{id}/questions", Body::Json,                           "R R R R R R R R -"),
    ("POST", "/api/v1/dialogues/{id}/answers", Body::Json,                             "S F F F F R F R -"),
    ("POST", "/api/v1/dialogues/{id}/commitments", Body::Json,                         "S F F F F R F R -"),
    ("POST", "/api/v1/dialogues/{id}/progress", Body::Json,                            "S F F F F N F N -"),
    ("POST", "/api/v1/dialogues/{id}/results", Body::Json,                             "S F F F F R F R -"),
    // Conventions: `{id}` is a proposed convention of `V1`, taken through its life by its head
    // and the officials above it; the commune's officials alone recognise or return it. The
    // probes' bodies are empty or come too early in its life: refused once authorized.
    ("GET", "/don-vi/{code}/huong-uoc", Body::None,                                    "O O O O O O O O -"),
    ("POST", "/api/v1/units/{code}/conventions", Body::Json,                           "S F F R F R F R -"),
    ("GET", "/api/v1/conventions/{id}", Body::None,                                    "S F F O F O F O -"),
    ("POST", "/api/v1/conventions/{id}/versions", Body::Json,                          "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/posting", Body::Json,                           "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/opinions", Body::Json,                          "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/adoption", Body::Json,                          "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/adoption-decision", Body::Json,                 "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/dossier", Body::Json,                           "S F F R F R F R -"),
    ("POST", "/api/v1/conventions/{id}/recognition", Body::Json,                       "S F F F F R F R -"),
    ("POST", "/api/v1/conventions/{id}/return", Body::Json,                            "S F F F F R F R -"),
    ("POST", "/api/v1/conventions/{id}/review", Body::Json,                            "S F F R F R F R -"),
    ("GET", "/api/v1/conventions/{id}/diff?from=1&to=1", Body::None,                   "S F F O F O F O -"),
    // Nothing adopted yet: no dossier.
    ("GET", "/api/v1/conventions/{id}/dossier.docx", Body::None,                       "S F F R F R F R -"),
    ("GET", "/api/v1/conventions/{id}/dossier.pdf", Body::None,                        "S F F R F R F R -"),
    // The officials' pages of the same convention: read and moved by its head and the officials
    // above it, recognised or returned by the commune's; the probes' forms are empty.
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc", Body::None,                           "S F F O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc", Body::Form,                          "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/moi", Body::None,                       "S F F O F O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/{id}", Body::None,                      "S F F O F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/sua", Body::Form,                 "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/niem-yet", Body::Form,            "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/y-kien", Body::Form,              "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet", Body::Form,          "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet-quyet-dinh", Body::Form, "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/gui-ho-so", Body::Form,           "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/cong-nhan", Body::Form,           "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/tra-lai", Body::Form,             "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/ra-soat", Body::Form,             "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/{id}/so-sanh?tu=1&den=1", Body::None,   "S F F O F O F O -"),
    // Elections are the commune's officials' (`{id}` names no election: not found); the
    // conference of `V1` is its head's too; the compliance is read by whoever sees `V1`.
    ("GET", "/api/v1/units/{code}/elections", Body::None,                              "S F O O O O F O -"),
    ("POST", "/api/v1/units/{code}/elections", Body::Json,                             "S F F F F R F R -"),
    ("GET", "/api/v1/elections/{id}", Body::None,                                      "S N N N N N N N -"),
    ("POST", "/api/v1/elections/{id}/steps", Body::Json,                               "S N N N N N N N -"),
    ("POST", "/api/v1/elections/{id}/result", Body::Json,                              "S N N N N N N N -"),
    ("POST", "/api/v1/elections/{id}/recognition", Body::Json,                         "S N N N N N N N -"),
    ("POST", "/api/v1/units/{code}/dismissals", Body::Json,                            "S F F F F R F R -"),
    ("POST", "/api/v1/units/{code}/conferences", Body::Json,                           "S F F R F R F R -"),
    ("GET", "/api/v1/conferences/{id}", Body::None,                                    "S N N N N N N N -"),
    ("GET", "/api/v1/units/{code}/conference-compliance", Body::None,                  "S F O O O O F O -"),
    ("GET", "/api/v1/elections/{id}/mau-05.docx", Body::None,                          "S N N N N N N N -"),
    ("GET", "/api/v1/elections/{id}/mau-05.pdf", Body::None,                           "S N N N N N N N -"),
    ("GET", "/api/v1/conferences/{id}/minutes.docx", Body::None,                       "S N N N N N N N -"),
    ("GET", "/api/v1/conferences/{id}/minutes.pdf", Body::None,                        "S N N N N N N N -"),
    // Agencies: `{code}` = `V1` is no agency, so whoever may act or read there is refused
    // (400) and the others forbidden or not told it exists; `{id}` is no conference or rule.
    ("POST", "/api/v1/units/{code}/staff-conferences", Body::Json,                     "S F F R F R F R -"),
    ("GET", "/api/v1/units/{code}/staff-conferences", Body::None,                      "S R R R R R N R -"),
    ("GET", "/api/v1/staff-conferences/{id}", Body::None,                              "S N N N N N N N -"),
    ("GET", "/api/v1/staff-conferences/{id}/minutes.docx", Body::None,                 "S N N N N N N N -"),
    ("GET", "/api/v1/units/{code}/internal-rules", Body::None,                         "S R R R R R N R -"),
    ("POST", "/api/v1/units/{code}/internal-rules", Body::Json,                        "S F F R F R F R -"),
    ("POST", "/api/v1/units/{code}/internal-rules/{id}/versions", Body::Json,          "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan", Body::None,                     "S R R R R R N R -"),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan", Body::Form,                    "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/hoi-nghi/{id}", Body::None,       "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che", Body::None,             "S R R R R R N R -"),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che", Body::Form,            "S F F R F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che/{id}", Body::Form,       "S F F R F R F R -"),
    // Staff accounts: the officials of the agency or above it; `V1` is no agency.
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo", Body::None,              "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo", Body::Form,             "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo/{id}/go", Body::Form,     "S F F F F R F R -"),
    ("GET", "/co-quan/{code}", Body::None,                                             "S R R R R R N R -"),
    ("GET", "/quan-tri/don-vi/{code}/bau-truong-thon", Body::None,                     "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon", Body::Form,                    "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/cho-thoi-lam", Body::Form,       "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}", Body::None,                "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/buoc", Body::Form,          "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/ket-qua", Body::Form,       "S N N N N N N N -"),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/cong-nhan", Body::Form,     "S N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong", Body::None,                  "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong", Body::Form,                 "S F F R F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu", Body::None,         "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu.csv", Body::None,     "S F O O O O F O -"),
    ("GET", "/don-vi/{code}/tin-tuc", Body::None,                                    "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/tin-tuc.atom", Body::None,                               "O O O O O O O O -"),
    // No post nor document of that id: whoever asks.
    ("GET", "/don-vi/{code}/tin-tuc/{id}", Body::None,                               "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/tin-tuc/{id}/anh/0", Body::None,                         "N N N N N N N N -"),
    ("GET", "/don-vi/{code}/van-ban", Body::None,                                    "O O O O O O O O -"),
    ("GET", "/don-vi/{code}/van-ban/{id}/tep", Body::None,                           "N N N N N N N N -"),
    ("GET", "/quan-tri/don-vi/{code}/tin-tuc", Body::None,                           "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc", Body::Multipart,                     "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/tin-tuc/{id}", Body::None,                      "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}", Body::Multipart,                "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/dang", Body::Form,                "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/go", Body::Form,                  "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/anh/{position}/xoa", Body::Form, "S F F F F N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/van-ban", Body::None,                           "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/van-ban", Body::Multipart,                     "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/van-ban/{id}/het-hieu-luc", Body::Form,        "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/van-ban/{id}/xoa", Body::Form,                 "S F F F F N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/tap-huan", Body::None,                          "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/tap-huan", Body::Form,                         "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/news", Body::None,                                 "O O O O O O O O -"),
    ("GET", "/api/v1/units/{code}/library", Body::None,                              "O O O O O O O O -"),
    ("GET", "/api/v1/units/{code}/trainings", Body::None,                            "S F F F F O F O -"),
    ("POST", "/api/v1/units/{code}/trainings", Body::Json,                           "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/disclosures", Body::None,                          "N N N N N N N N -"),
    ("POST", "/api/v1/units/{code}/disclosures", Body::Json,                         "S F F F F R F R -"),
    ("PUT", "/api/v1/units/{code}/disclosures/{id}", Body::Json,                     "S R R R R R R R -"),
    ("POST", "/api/v1/units/{code}/disclosures/{id}/files", Body::Multipart,         "S F F F F N F N -"),
    ("GET", "/api/v1/units/{code}/disclosure-compliance", Body::None,                "S F O O O O F O -"),
    ("GET", "/api/v1/users", Body::None,                                             "S F F F F O O O -"),
    ("POST", "/api/v1/users", Body::Json,                                            "S F F F F F F R -"),
    ("GET", "/api/v1/calendar/lunar?date=2026-02-17", Body::None,                    "O O O O O O O O -"),
    ("GET", "/api/v1/calendar/solar?year=2026&month=1&day=1", Body::None,            "O O O O O O O O -"),
    ("GET", "/api/v1/calendar/holidays/{year}", Body::None,                          "O O O O O O O O -"),
    ("GET", "/api/v1/calendar/working-days?from=2026-02-10&n=1", Body::None,         "O O O O O O O O -"),
    ("GET", "/api/v1/calendar/deadline?rule=petition.reply&from=2026-02-10", Body::None, "O O O O O O O O -"),
    ("GET", "/api/v1/calendar/rules", Body::None,                                    "O O O O O O O O -"),
    ("POST", "/api/v1/calendar/announcements", Body::Raw,                            "S F F F F F F O -"),
    ("POST", "/api/v1/plans", Body::Json,                                            "S F F F F R F R -"),
    ("POST", "/api/v1/plans/import?unit=42&targets=children&year=2026&file_name=kh.docx", Body::Raw, "S F F F F R F R -"),
    ("POST", "/api/v1/plans/parse?file_name=kh.docx", Body::Raw,                     "S F F F F R R R -"),
    ("GET", "/api/v1/plans/{id}", Body::None,                                        "S F O F O O F O -"),
    ("GET", "/api/v1/plans/{id}/aggregate?occurrence={occurrence}", Body::None,      "S F O F F O F O -"),
    ("GET", "/api/v1/plans/{id}/aggregate.xlsx?occurrence={occurrence}", Body::None, "S F O F F O F O -"),
    ("GET", "/api/v1/plans/{id}/aggregate.csv?occurrence={occurrence}", Body::None,  "S F O F F O F O -"),
    ("GET", "/api/v1/plans/{id}/summary.docx?occurrence={occurrence}", Body::None,   "S F O F F O F O -"),
    ("GET", "/api/v1/plans/{id}/summary.pdf?occurrence={occurrence}", Body::None,    "S F O F F O F O -"),
    ("PATCH", "/api/v1/plans/{id}/tasks/{task}", Body::Json,                         "S F F F F O F O -"),
    ("POST", "/api/v1/plans/{id}/tasks/{task}/evidence?file_name=bien-ban.pdf", Body::Raw, "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/inbox", Body::None,                                "S F O O O O F O -"),
    ("GET", "/api/v1/report-templates", Body::None,                                  "S O O O O O O O -"),
    ("PUT", "/api/v1/report-templates/{id}", Body::Json,                             "S F F F F F F R -"),
    ("GET", "/api/v1/notifications", Body::None,                                     "S O O O O O O O -"),
    ("POST", "/api/v1/units/{code}/submissions", Body::Json,                         "S F F N F N F N -"),
    ("GET", "/api/v1/submissions/{id}", Body::None,                                  "S F O F O O F O -"),
    ("POST", "/api/v1/submissions/{id}/review", Body::Json,                          "S F F F F R F R -"),
    ("GET", "/api/v1/cases?unit={commune}", Body::None,                              "S F F F F O F O O"),
    ("GET", "/api/v1/cases/stats?unit={commune}", Body::None,                        "S F F F F O F O O"),
    ("GET", "/quan-tri/vu-viec/thong-ke?don-vi={commune}", Body::None,               "S F F F F O F O O"),
    ("GET", "/quan-tri/vu-viec/thong-ke.xlsx?don-vi={commune}", Body::None,          "S F F F F O F O O"),
    ("GET", "/quan-tri/vu-viec/thong-ke.csv?don-vi={commune}", Body::None,           "S F F F F O F O O"),
    ("POST", "/api/v1/cases", Body::Json,                                            "S F F R F R F R R"),
    ("GET", "/api/v1/cases/{id}", Body::None,                                        "S F F F F O F O O"),
    // `V1` is no tracking code: whoever may ask learns nothing.
    ("GET", "/api/v1/cases/code/{code}", Body::None,                                 "S N N N N N N N N"),
    ("POST", "/api/v1/cases/{id}/accept", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/refuse", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/forward", Body::Json,                               "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/assign", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/verify", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/extend", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/answer", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/close", Body::Json,                                 "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/withdraw", Body::Json,                              "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/reopen", Body::Json,                                "S F F F F R F R R"),
    ("POST", "/api/v1/cases/{id}/files?file_name=don.pdf", Body::Raw,                "S F F F F R F R R"),
    ("GET", "/api/v1/cases/{id}/files/{file}", Body::None,                           "S F F F F N F N O"),
    // Supervision boards: `{code}` is the commune above `V1`, `{id}` its People's Inspection
    // Board (the board member sits on it), `{finding}` a finding it sent to the commune. A board
    // is recorded and a finding answered by the commune's officials; the board's work is its
    // members' and theirs; the public page is everyone's.
    ("GET", "/don-vi/{code}/ban-giam-sat", Body::None,                                "O O O O O O O O -"),
    ("GET", "/quan-tri/don-vi/{code}/ban-giam-sat", Body::None,                       "S F F F O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat", Body::Form,                      "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}", Body::None,                  "S F F F O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi", Body::Form,       "S F F F R R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi/{finding}", Body::Form, "S F F F R R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/bao-cao", Body::Form,         "S F F F R R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/ke-hoach", Body::Form,        "S F F F R R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/hoat-dong", Body::Multipart,  "S F F F R R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/giai-the", Body::Form,        "S F F F F R F R -"),
    ("POST", "/api/v1/units/{code}/boards", Body::Json,                               "S F F F F R F R -"),
    ("GET", "/api/v1/boards/{id}", Body::None,                                        "S F F F O O F O -"),
    ("POST", "/api/v1/boards/{id}/findings", Body::Json,                              "S F F F R R F R -"),
    ("POST", "/api/v1/boards/{id}/reports", Body::Json,                               "S F F F R R F R -"),
    ("GET", "/api/v1/boards/{id}/reports/{period}/report.docx", Body::None,           "S F F F O O F O -"),
    ("GET", "/api/v1/boards/{id}/reports/{period}/report.pdf", Body::None,            "S F F F O O F O -"),
    // Steering committees: `{code}` is the village `V1`, which has none; `{id}` no member of it.
    ("GET", "/quan-tri/theo-doi", Body::None,                                         "S O O O O O O O -"),
    ("GET", "/quan-tri/don-vi/{code}/ban-chi-dao", Body::None,                        "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao", Body::Form,                       "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien", Body::Form,            "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien/{id}/xoa", Body::Form,   "S F F F F N F N -"),
    ("GET", "/api/v1/units/{code}/steering-committee", Body::None,                    "S F F F F O F O -"),
    ("PUT", "/api/v1/units/{code}/steering-committee", Body::Json,                    "S F F F F R F R -"),
    ("POST", "/api/v1/units/{code}/steering-committee/members", Body::Json,           "S F F F F R F R -"),
    ("DELETE", "/api/v1/units/{code}/steering-committee/members/{id}", Body::None,    "S F F F F N F N -"),
    ("GET", "/api/v1/followed-areas", Body::None,                                     "S O O O O O O O -"),
    // The register of commendations and models: read by those who read plans, kept by officials.
    ("GET", "/don-vi/{code}/mo-hinh", Body::None,                                     "O O O O O O O O -"),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong", Body::None,                        "S F O O O O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/khen-thuong", Body::Form,                       "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh", Body::Form,               "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.csv", Body::None,        "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.xlsx", Body::None,       "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.csv", Body::None,            "S F O O O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.xlsx", Body::None,           "S F O O O O F O -"),
    ("GET", "/api/v1/units/{code}/commendations", Body::None,                         "S F O O O O F O -"),
    ("POST", "/api/v1/units/{code}/commendations", Body::Json,                        "S F F F F R F R -"),
    ("GET", "/api/v1/units/{code}/models", Body::None,                                "S F O O O O F O -"),
    ("POST", "/api/v1/units/{code}/models", Body::Json,                               "S F F F F R F R -"),
    ("GET", "/api/v1/findings/{id}", Body::None,                                      "S F F F O O F O -"),
    ("POST", "/api/v1/findings/{id}/answer", Body::Json,                              "S F F F F R F R -"),
    ("POST", "/api/v1/findings/{id}/close", Body::None,                               "S F F F R R F R -"),
    // Inspections: `{code}` is the commune above `V1`, `{id}` its planned inspection of `V1`,
    // `{task}` a remediation task it does not have. Only the officials who manage inspections on
    // the commune (or above it) reach them; a village head of the village inspected does not.
    ("GET", "/quan-tri/don-vi/{code}/kiem-tra", Body::None,                           "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra", Body::Form,                          "S F F F F R F R -"),
    ("GET", "/quan-tri/don-vi/{code}/kiem-tra/{id}", Body::None,                      "S F F F F O F O -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/danh-gia", Body::Form,            "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/minh-chung", Body::Multipart,     "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/ket-luan", Body::Form,            "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc", Body::Form,           "S F F F F R F R -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc/{task}", Body::Form,    "S F F F F N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/buoc", Body::Form,                "S F F F F R F R -"),
    // The inspected unit's side: those who see the commune's administration open its list; the
    // commune is not the subject of `{id}` (its village is) and leads no task `{task}`.
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra", Body::None,                      "S F O F O O F O -"),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}", Body::None,                 "S F N F N N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.docx", Body::None,   "S F N F N N F N -"),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.pdf", Body::None,    "S F N F N N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}", Body::Form, "S F N F N N F N -"),
    ("POST", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}/minh-chung", Body::Multipart, "S F N F N N F N -"),
    ("POST", "/api/v1/units/{code}/inspections", Body::Json,                          "S F F F F R F R -"),
    ("GET", "/api/v1/inspections/{id}", Body::None,                                   "S F F F F O F O -"),
    ("POST", "/api/v1/inspections/{id}/findings", Body::Json,                         "S F F F F R F R -"),
    ("POST", "/api/v1/inspections/{id}/findings/{criterion}/evidence?file_name=tep.pdf", Body::Raw, "S F F F F R F R -"),
    ("POST", "/api/v1/inspections/{id}/conclusion", Body::Json,                       "S F F F F R F R -"),
    ("GET", "/api/v1/inspections/{id}/conclusion.docx", Body::None,                   "S F F F F R F R -"),
    ("GET", "/api/v1/inspections/{id}/conclusion.pdf", Body::None,                    "S F F F F R F R -"),
    ("POST", "/api/v1/inspections/{id}/remediation", Body::Json,                      "S F F F F R F R -"),
    ("POST", "/api/v1/inspections/{id}/remediation/{task}/done", Body::Json,          "S F F F F N F N -"),
    ("POST", "/api/v1/inspections/{id}/remediation/{task}/evidence?file_name=tep.pdf", Body::Raw, "S F F F F N F N -"),
    ("GET", "/api/v1/inspections/{id}/evidence/{file}", Body::None,                   "S F F F F N F N -"),
    ("POST", "/api/v1/inspections/{id}/publish", Body::None,                          "S F F F F R F R -"),
    ("POST", "/api/v1/inspections/{id}/close", Body::None,                            "S F F F F R F R -"),
];

/// The accounts of the columns and the ids the paths are filled with.
struct Fixtures {
    plan: i64,
    occurrence: i64,
    task: i64,
    file: i64,
    submission: i64,
    template: i64,
    /// The template's definition as the API gives it.
    template_definition: Value,
    /// The first commune of the province, a target of the plan, with `V1` under it.
    commune: String,
    /// A denunciation registered for that commune.
    case: i64,
    /// The denouncer's handwriting attached to it.
    case_file: i64,
    /// A consultation of that commune, open to its whole population.
    consultation: i64,
    /// A consultation of that commune still in review, for the close (which then refuses).
    draft_consultation: i64,
    /// An announced dialogue of that commune, in a month.
    dialogue: i64,
    /// A convention of `V1`, proposed.
    convention: i64,
    /// The People's Inspection Board of that commune, with the board member on it.
    board: i64,
    /// A finding of that board sent to the commune, waiting for its answer.
    finding: i64,
    decision: i64,
    /// A planned inspection of `V1` by that commune.
    inspection: i64,
}

const VILLAGE: &str = "V1";

/// The account of each column but the anonymous one: (column, email, role, unit).
fn accounts(commune: &str) -> Vec<(&'static str, &'static str, Role, String)> {
    vec![
        ("resident", "dan@coso.test", Role::Resident, VILLAGE.into()),
        ("viewer", "xem@coso.test", Role::Viewer, PROVINCE.into()),
        ("village_head", "truong-thon@coso.test", Role::VillageHead, VILLAGE.into()),
        ("board_member", "ban@coso.test", Role::BoardMember, commune.into()),
        ("official_in", "tinh@coso.test", Role::Official, PROVINCE.into()),
        ("official_out", "ha-noi@coso.test", Role::Official, "01".into()),
        ("admin", "root@coso.test", Role::Admin, PROVINCE.into()),
        ("cleared", "mat@coso.test", Role::Official, commune.into()),
    ]
}

impl Fixtures {
    /// A province plan with its tasks, evidence and one commune's report; the village `V1`
    /// with a household; the accounts of the columns.
    async fn new(app: &TestApp) -> Fixtures {
        village_with_a_household(app).await;
        let (province, plan_json) = province_plan(app).await;
        let commune = app.first_commune(PROVINCE).await;
        for (column, email, role, unit) in accounts(&commune) {
            if !["official_in", "admin"].contains(&column) {
                app.user(email, role, &unit).await;
            }
        }
        let plan = plan_json["id"].as_i64().expect("plan id");
        let annual = occurrence(&plan_json, "annual");
        let task = plan_json["tasks"][0]["id"].as_i64().expect("a task");
        let res = province
            .post(app.url(&format!("/api/v1/plans/{plan}/tasks/{task}/evidence?file_name=bien-ban.pdf")))
            .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
            .send()
            .await
            .expect("evidence");
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        let files = app.store.evidence_of_task(TaskId(task)).await.expect("evidence list");
        let file = files.first().expect("the evidence").id;

        app.user("xa@coso.test", Role::Official, &commune).await;
        let commune_official = app.client_as("xa@coso.test").await;
        let res = app
            .post_json(&commune_official, &format!("/api/v1/units/{commune}/submissions"), &complete_report(annual))
            .await;
        assert!(res.status().is_success(), "{}", res.text().await.unwrap_or_default());
        let submission = res.json::<Value>().await.expect("submission")["id"].as_i64().expect("submission id");

        let templates: Value = app.get_json(&province, "/api/v1/report-templates").await;
        let template = templates[0]["id"].as_i64().expect("a template");
        let template_definition = templates[0]["definition"].clone();

        let res = province
            .post(app.url("/api/v1/cases"))
            .json(&json!({ "unit": commune, "kind": "denunciation", "received_on": "2026-01-05",
                           "content": "Tố cáo việc lấn chiếm đất công.", "sender": { "name": "Người tố cáo", "address": "Thôn Một" } }))
            .send()
            .await
            .expect("case");
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        let case = res.json::<Value>().await.expect("case")["id"].as_i64().expect("case id");
        coso_app::cases::grant_clearance(&app.state.app, &coso_app::Actor::system("test"), "mat@coso.test", &commune)
            .await
            .expect("clearance");
        let res = province
            .post(app.url(&format!("/api/v1/cases/{case}/files?file_name=chu-viet.pdf&identity=true")))
            .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
            .send()
            .await
            .expect("case file");
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        let case_file = res.json::<Value>().await.expect("file")["id"].as_i64().expect("file id");
        let res = province
            .post(app.url("/api/v1/consultations"))
            .json(&json!({ "unit": commune, "title": "Dự thảo kế hoạch", "kind": "plan", "audience": "unit",
                           "opens_on": "2026-01-01", "closes_on": "2099-12-31",
                           "sections": [{ "heading": "1. Mục đích", "body": "Nội dung." }] }))
            .send()
            .await
            .expect("consultation");
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        let consultation = res.json::<Value>().await.expect("consultation")["id"].as_i64().expect("consultation id");
        let unit = app.store.unit_by_code(&commune).await.expect("q").expect("commune");
        let draft = coso_domain::document::Document {
            body: vec![coso_domain::document::Section { heading: "1. Mục đích".into(), ..Default::default() }],
            ..Default::default()
        };
        let input = coso_domain::consultation::ConsultationInput {
            title: "Dự thảo đang soạn".into(),
            kind: "plan".into(),
            audience: "unit".into(),
            opens_on: "2026-01-01".into(),
            closes_on: "2099-12-31".into(),
            ..Default::default()
        };
        let draft_consultation = coso_app::consultations::create_draft(
            &app.state.app,
            &coso_app::Actor::system("test"),
            &unit,
            &input,
            &draft,
            "kh.md",
        )
        .await
        .expect("draft consultation");
        let held_on = app.state.app.today() + chrono::Days::new(30);
        let res = app
            .post_json(
                &province,
                &format!("/api/v1/units/{commune}/dialogues"),
                &json!({ "date": held_on.to_string(), "topic": "Đối thoại thử", "place": "Hội trường xã" }),
            )
            .await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        let dialogue = res.json::<Value>().await.expect("dialogue")["id"].as_i64().expect("dialogue id");
        let res =
            province.post(app.url(&format!("/api/v1/dialogues/{dialogue}/announce"))).send().await.expect("announce");
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
        let convention_input = coso_domain::convention::ProposalInput {
            kind: "huong_uoc".into(),
            title: "Hương ước thôn".into(),
            text: "Điều 1. Phạm vi".into(),
        };
        let convention = coso_app::conventions::propose(
            &app.state.app,
            &coso_app::Actor::system("test"),
            VILLAGE,
            &convention_input,
        )
        .await
        .expect("convention");
        let members: Vec<Value> = (1..=5)
            .map(|i| {
                let account = if i == 1 { "ban@coso.test" } else { "" };
                let role = if i == 1 { "head" } else { "member" };
                json!({ "name": format!("Thành viên {i}"), "role": role, "village": VILLAGE, "account": account })
            })
            .collect();
        let board_input: coso_domain::board::BoardInput = serde_json::from_value(json!({ "kind": "inspection",
            "elected_by": "Biên bản hội nghị", "elected_on": "2026-01-05", "members": members }))
        .expect("board input");
        let system = coso_app::Actor::system("test");
        let board = coso_app::boards::create(&app.state.app, &system, &unit, &board_input).await.expect("board");
        let finding_input = coso_domain::board::FindingInput {
            subject: "Công khai quỹ".into(),
            body: "Đề nghị niêm yết.".into(),
            to_unit: commune.clone(),
            due_on: "2099-12-31".into(),
            activity_id: None,
        };
        let finding = coso_app::boards::send(&app.state.app, &system, board, &finding_input).await.expect("finding");
        let village = app.store.unit_by_code(VILLAGE).await.expect("q").expect("village");
        let meeting = coso_domain::decision::DecisionInput {
            matter: "1".into(),
            form: "meeting".into(),
            title: "Mức đóng góp làm đường".into(),
            date: "2026-03-10".into(),
            ..Default::default()
        };
        let decision = coso_app::decisions::open(&app.state.app, &coso_app::Actor::system("test"), &village, &meeting)
            .await
            .expect("decision");
        let inspection_input: coso_domain::inspection::InspectionInput = serde_json::from_value(json!({
            "kind": "scheduled", "target": VILLAGE, "subject": "Kiểm tra thử", "starts_on": "2026-01-05",
            "team": [{ "name": "Trưởng đoàn thử", "role": "head" }] }))
        .expect("inspection input");
        let inspection =
            coso_app::inspections::plan(&app.state.app, &system, &unit, &inspection_input).await.expect("inspection");
        Fixtures {
            plan,
            occurrence: annual,
            task,
            file,
            submission,
            template,
            template_definition,
            commune,
            case,
            case_file,
            consultation,
            draft_consultation,
            dialogue,
            convention,
            board,
            finding,
            decision,
            inspection,
        }
    }

    fn path(&self, route: &str) -> String {
        if route.contains("kiem-tra") || route.contains("/inspections") {
            return route
                .replace("{code}", &self.commune)
                .replace("{id}", &self.inspection.to_string())
                .replace("{task}", "999999")
                .replace("{criterion}", "publicity")
                .replace("{file}", "999999");
        }
        if route.contains("ban-giam-sat") || route.contains("/boards") || route.contains("/findings/") {
            let id = if route.contains("/findings/") { self.finding } else { self.board };
            return route
                .replace("{code}", &self.commune)
                .replace("{id}", &id.to_string())
                .replace("{finding}", &self.finding.to_string())
                .replace("{period}", "2026-Q1");
        }
        let id = if route.contains("mau-bao-cao") || route.contains("report-templates") {
            self.template
        } else if route.contains("/bao-cao/") || route.contains("/submissions/") {
            self.submission
        } else if route.contains("/cases/") || route.contains("/vu-viec/") {
            self.case
        } else if route.contains("/conventions/") || route.contains("huong-uoc/{id}") {
            self.convention
        } else if route.contains("/decisions/") || route.contains("quyet-dinh/{id}") {
            self.decision
        } else if route.ends_with("/close") {
            self.draft_consultation
        } else if route.contains("lay-y-kien/{id}") || route.contains("/consultations/") {
            self.consultation
        } else if route.contains("doi-thoai/{id}") || route.contains("/dialogues/") {
            self.dialogue
        } else {
            self.plan
        };
        route
            .replace("{code}", VILLAGE)
            .replace("{commune}", &self.commune)
            .replace("{id}", &id.to_string())
            .replace("{occurrence}", &self.occurrence.to_string())
            .replace("{task}", &self.task.to_string())
            .replace("minh-chung/{file}", &format!("minh-chung/{}", self.file))
            .replace("files/{file}", &format!("files/{}", self.case_file))
            .replace("{year}", "2026")
            .replace("{position}", "0")
            .replace("{token}", "khong-co-ma-nay")
    }
}

/// A report of the default template with every field filled.
fn complete_report(occurrence: i64) -> Value {
    let template = Template::default_grassroots();
    let indicators: serde_json::Map<String, Value> =
        template.indicators.iter().map(|i| (i.code.clone(), json!(1))).collect();
    let narrative: serde_json::Map<String, Value> =
        template.sections.iter().map(|s| (s.code.clone(), json!(format!("Nội dung {}", s.title)))).collect();
    let assessment: Vec<Value> =
        template.criteria.iter().map(|c| json!({ "code": c.code, "points": 0, "evidence": "Biên bản họp" })).collect();
    json!({ "occurrence_id": occurrence, "indicators": indicators, "narrative": narrative, "assessment": assessment })
}

/// A client that does not follow redirects, signed in as `email` when given, with the session's
/// CSRF token (sent in `X-CSRF-Token`; pages read it from the body).
async fn client(app: &TestApp, email: Option<&str>) -> (reqwest::Client, String) {
    let builder = || reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none());
    let Some(email) = email else { return (builder().build().expect("client"), String::new()) };
    let c = builder().build().expect("client");
    let res = app.post_json(&c, "/api/v1/session", &json!({ "email": email, "password": PASSWORD })).await;
    assert_eq!(res.status(), 200, "sign in of {email}");
    let token = res.json::<Value>().await.expect("session")["csrf_token"].as_str().expect("token").to_string();
    (c, token)
}

/// The days off of a year far from the fixtures'.
const ANNOUNCEMENT: &str = r#"{"year":2031,"source":"Thông báo thử nghiệm","status":"U","days_off":[{"from":"2031-01-22","to":"2031-01-28","kind":"tet"}],"working_saturdays":["2031-02-08"]}"#;

/// The write of a cell: the CSRF token and a body that changes nothing — empty, or one the
/// handler refuses once it has let the role in (a unit or household code already taken, a
/// file that is not what the form imports), so that a refusal does not hide the decision.
fn probe_body(
    req: reqwest::RequestBuilder,
    route: &str,
    body: Body,
    csrf: &str,
    fixtures: &Fixtures,
) -> reqwest::RequestBuilder {
    let req = req.header("x-csrf-token", csrf);
    match body {
        Body::None => req,
        Body::Json => req.json(&match route {
            "/api/v1/units/{code}/children" => json!({ "code": VILLAGE, "name": "Thôn Một", "kind": "village" }),
            "/api/v1/units/{code}/households" => {
                json!({ "code": "H1", "address": "Xóm 1", "representative": "Nguyễn Văn An", "member_count": 4 })
            }
            // The village is not a target of the plan.
            "/api/v1/units/{code}/submissions" => complete_report(fixtures.occurrence),
            "/api/v1/units/{code}/reception/sessions" => json!({ "held_on": "2026-01-05", "receiver": "chairman",
                "receiver_name": "Nguyễn Văn Bình", "place": "Trụ sở", "kind": "regular" }),
            "/api/v1/units/{code}/reception/sessions/{id}/visits" => json!({ "visitor_names": "Trần Thị Hoa",
                "people_count": 1, "address": "Thôn Một", "content": "Hỏi về đất", "outcome": "guided" }),
            // A training on a day to come.
            "/api/v1/units/{code}/trainings" => json!({ "held_on": "2099-01-01", "topic": "Tập huấn",
                "form": "training", "audience": "Cán bộ thôn", "attendance": 10 }),
            // A disclosure with nothing filled in.
            "/api/v1/units/{code}/disclosures" => {
                json!({ "item": 1, "title": "", "content": "", "forms": [], "posted_from": "" })
            }
            // Returning a report needs a comment.
            "/api/v1/submissions/{id}/review" => json!({ "accept": false, "comment": "" }),
            // A version that is not the template's.
            "/api/v1/report-templates/{id}" => {
                json!({ "name": "Mẫu thử", "definition": fixtures.template_definition, "version": -1 })
            }
            // A petition received in the future, for the village.
            // A consultation without a title; an answer that names no comment.
            "/api/v1/consultations" => json!({ "unit": fixtures.commune, "title": "", "kind": "plan", "audience": "unit",
                "opens_on": "2026-01-01", "closes_on": "2026-01-31", "sections": [] }),
            "/api/v1/consultations/{id}/answers" => json!({ "comments": [], "kind": "accepted" }),
            "/api/v1/consultations/{id}/comments" => json!({ "body": "" }),
            // A dialogue set up for a village; an empty question, answer, commitment or results;
            // progress on a commitment that does not exist.
            "/api/v1/units/{code}/dialogues" => json!({ "date": "2026-10-15", "topic": "Thử" }),
            "/api/v1/units/{code}/dialogue-requests" => json!({ "signatures": 1, "voters": 10, "subject": "Thử" }),
            "/api/v1/dialogues/{id}/questions" => json!({ "body": "" }),
            "/api/v1/dialogues/{id}/answers" => json!({ "question": 0, "answer": "" }),
            "/api/v1/dialogues/{id}/commitments" => json!({ "body": "" }),
            "/api/v1/dialogues/{id}/progress" => json!({ "commitment": 0, "status": "", "percent": 0, "note": "" }),
            "/api/v1/dialogues/{id}/results" => json!({ "results": "" }),
            // A convention with nothing filled in, and its steps: each empty, or too early.
            "/api/v1/units/{code}/conventions" => json!({ "kind": "", "title": "", "text": "" }),
            "/api/v1/conventions/{id}/versions" => json!({ "text": "" }),
            "/api/v1/conventions/{id}/opinions" => {
                json!({ "received_on": "", "count": 0, "source": "", "summary": "" })
            }
            "/api/v1/conventions/{id}/adoption" => {
                json!({ "form": "", "date": "", "households": 0, "present": 0, "yes": 0 })
            }
            "/api/v1/conventions/{id}/recognition" => json!({ "date": "", "decision_number": "" }),
            // A decision that is not of the village: refused once authorized, or too early.
            "/api/v1/conventions/{id}/adoption-decision" => json!({ "decision": 0 }),
            r if r.starts_with("/api/v1/conventions/") => json!({ "date": "" }),
            // A board without members, a finding, answer and report with nothing in them.
            "/api/v1/units/{code}/boards" => json!({ "kind": "inspection", "members": [] }),
            "/api/v1/boards/{id}/findings" => json!({ "subject": "", "body": "", "to_unit": "", "due_on": "" }),
            "/api/v1/boards/{id}/reports" => json!({ "period": "" }),
            "/api/v1/findings/{id}/answer" => json!({ "answer": "" }),
            // An inspection, a finding, a conclusion, a task with nothing in them.
            "/api/v1/units/{code}/inspections" => json!({ "kind": "", "subject": "", "starts_on": "", "team": [] }),
            "/api/v1/inspections/{id}/findings" => json!({ "criterion": "", "verdict": "" }),
            "/api/v1/inspections/{id}/conclusion" => json!({ "conclusion": "" }),
            "/api/v1/inspections/{id}/remediation/{task}/done" => json!({ "note": "" }),
            // A decision without a title; more present than households; a vote before attendance.
            "/api/v1/units/{code}/decisions" => {
                json!({ "matter": 1, "form": "meeting", "title": "", "date": "2026-03-10" })
            }
            "/api/v1/decisions/{id}/attendance" => json!({ "present": 5 }),
            "/api/v1/decisions/{id}/tally" => json!({ "yes": 1, "no": 0 }),
            "/api/v1/cases" => json!({ "unit": VILLAGE, "kind": "petition", "received_on": "2099-01-01", "content": "Đèn đường hỏng." }),
            // Elections, dismissals and conferences without their days.
            "/api/v1/units/{code}/elections" => json!({ "meeting_on": "" }),
            "/api/v1/elections/{id}/steps" => json!({ "step": "plan", "done_on": "" }),
            "/api/v1/elections/{id}/result" => json!({ "households": 0, "present": 0, "votes": [], "received_on": "" }),
            "/api/v1/elections/{id}/recognition" => json!({ "decided_on": "" }),
            "/api/v1/units/{code}/dismissals" => {
                json!({ "head_name": "", "recognised_on": "", "interim_name": "", "interim_from": "" })
            }
            "/api/v1/units/{code}/conferences" => json!({ "held_on": "" }),
            // A conference with more present than staff; a rule without its day.
            "/api/v1/units/{code}/staff-conferences" => json!({ "work_year": 2024, "staff": 1, "present": 2, "yes": 0 }),
            "/api/v1/units/{code}/internal-rules" | "/api/v1/units/{code}/internal-rules/{id}/versions" => {
                json!({ "kind": "", "title": "", "issued_on": "" })
            }
            // A plan without a title.
            "/api/v1/plans" => json!({ "unit": PROVINCE, "targets": "children", "draft": {
                "number": "12/KH-UBND", "issued_on": "2026-01-20", "title": "",
                "year": 2026, "legal_bases": [], "sections": [], "tasks": [], "obligations": []
            } }),
            _ => json!({}),
        }),
        Body::Form => req.form(&[("csrf", csrf)]),
        Body::Multipart => req.header("content-type", "multipart/form-data; boundary=zz").body(format!(
            "--zz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tep.docx\"\r\n\r\nkhông phải tệp\r\n--zz--\r\n"
        )),
        Body::Raw => match route {
            // The body is read before the role is asked: a whole announcement, for a year no
            // other cell reads.
            "/api/v1/calendar/announcements" => req.body(ANNOUNCEMENT),
            r if r.ends_with("/import") => req.header("content-type", "text/csv").body("không phải tệp"),
            _ => req.body("không phải tệp"),
        },
    }
}

/// Signing in and out replace the session the later cells use: those routes get a session of
/// their own.
fn changes_the_session(method: &str, route: &str) -> bool {
    method != "GET" && ["/dang-xuat", "/dang-nhap", "/api/v1/session"].contains(&route)
}

/// Signing in is sent with the role's own credentials (none for the anonymous visitor): failed
/// attempts would make every later attempt wait.
fn sign_in_body(req: reqwest::RequestBuilder, route: &str, email: Option<&str>, csrf: &str) -> reqwest::RequestBuilder {
    let (email, password) = email.map_or(("", ""), |e| (e, PASSWORD));
    if route.starts_with("/api/") {
        req.json(&json!({ "email": email, "password": password }))
    } else {
        req.form(&[("csrf", csrf), ("email", email), ("password", password)])
    }
}

/// The route of a row: its path without the query that fills the handler's parameters.
fn pattern(row: &str) -> String {
    row.split('?').next().unwrap_or(row).to_string()
}

/// Whether the row `row` stands for the source's `route`: the same, or one of the files a
/// trailing `{file}` serves (the plan's documents are one route in the source).
fn covers(route: &(String, String), row: &(String, String)) -> bool {
    let (method, path) = route;
    *method == row.0
        && (*path == row.1
            || path.ends_with("/{file}")
                && row.1.strip_prefix(path.trim_end_matches("{file}")).is_some_and(|file| !file.contains(['/', '{'])))
}

#[test]
fn the_matrix_lists_every_route_once_with_a_letter_per_role() {
    let in_source: Vec<(String, String)> = routes_in_source().into_iter().filter(|(_, r)| !r.contains("{*")).collect();
    let in_table: Vec<(String, String)> = MATRIX.iter().map(|(m, r, _, _)| (m.to_string(), pattern(r))).collect();
    let missing: Vec<_> = in_source.iter().filter(|s| !in_table.iter().any(|t| covers(s, t))).collect();
    assert!(missing.is_empty(), "routes missing from the authorization matrix: {missing:?}");
    let stale: Vec<_> = in_table.iter().filter(|t| !in_source.iter().any(|s| covers(s, t))).collect();
    assert!(stale.is_empty(), "rows of the authorization matrix that name no route: {stale:?}");
    let mut unique = in_table.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), in_table.len(), "a route listed twice");
    for (method, route, _, row) in MATRIX {
        let letters: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(letters.len(), COLUMNS.len(), "{method} {route}: {row}");
        assert!(letters.iter().all(|l| ["O", "S", "F", "N", "R", "-"].contains(l)), "{method} {route}: {row}");
    }
}

#[tokio::test]
async fn every_role_gets_the_answer_of_the_matrix_on_every_route() {
    let settings =
        WebSettings { login_attempts_per_minute: 10_000, intake_per_ip_per_minute: 10_000, ..Default::default() };
    let app = TestApp::spawn_with(settings).await;
    let fixtures = Fixtures::new(&app).await;
    let commune = app.first_commune(PROVINCE).await;
    let emails: Vec<(&str, &str)> = accounts(&commune).into_iter().map(|(c, e, _, _)| (c, e)).collect();
    let email_of = |column: &str| emails.iter().find(|(c, _)| *c == column).map(|(_, e)| *e);

    // observed[row][column]
    let mut observed = vec![vec!["-".to_string(); COLUMNS.len()]; MATRIX.len()];
    let mut cells = 0;
    for (column_index, column) in COLUMNS.iter().enumerate() {
        let email = email_of(column);
        if *column != "anonymous" && email.is_none() {
            continue;
        }
        let (session, csrf) = client(&app, email).await;
        for (row_index, (method, route, body, expected)) in MATRIX.iter().enumerate() {
            if expected.split_whitespace().nth(column_index) == Some("-") {
                continue;
            }
            let c = if changes_the_session(method, route) {
                client(&app, email).await
            } else {
                (session.clone(), csrf.clone())
            };
            let url = app.url(&fixtures.path(route));
            let req = c.0.request(reqwest::Method::from_bytes(method.as_bytes()).expect("method"), url);
            let req = match (*method, *route) {
                ("POST", "/dang-nhap" | "/api/v1/session") => sign_in_body(req, route, email, &c.1),
                _ => probe_body(req, route, *body, &c.1, &fixtures),
            };
            let res = req.send().await.expect("sent");
            observed[row_index][column_index] = Answer::of(&res).letter();
            cells += 1;
        }
    }

    let mut violations = Vec::new();
    for ((method, route, _, expected), seen) in MATRIX.iter().zip(&observed) {
        let seen = seen.join(" ");
        if seen != expected.split_whitespace().collect::<Vec<_>>().join(" ") {
            violations.push(format!("{method} {route}: expected {expected}, answered {seen}"));
        }
    }
    println!(
        "authorization matrix: {} routes × {} roles = {cells} cells, {} violations",
        MATRIX.len(),
        COLUMNS.iter().filter(|c| email_of(c).is_some() || **c == "anonymous").count(),
        violations.len()
    );
    assert!(violations.is_empty(), "columns: {}\n{}", COLUMNS.join(" "), violations.join("\n"));
}
