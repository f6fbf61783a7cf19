//! Every route, sent missing and malformed parameters and bodies: the answer is coso's own —
//! JSON with a stable code under `/api/`, a Vietnamese page elsewhere — and never an extractor's
//! English.

use coso_domain::authz::Role;
use coso_web::WebSettings;
use serde_json::Value;

use crate::api_error;
use crate::support::{TestApp, texts};

#[derive(Clone, Copy)]
pub enum Body {
    None,
    Json,
    Form,
    Multipart,
    /// CSV, documents, files, announcements.
    Raw,
}

/// Every route of the router with the body it reads. `{id}`-like segments are numbers.
pub const ROUTES: &[(&str, &str, Body)] = &[
    ("GET", "/", Body::None),
    ("GET", "/don-vi", Body::None),
    ("GET", "/don-vi/{code}", Body::None),
    ("GET", "/don-vi/{code}/tim", Body::None),
    ("GET", "/don-vi/{code}/phan-anh", Body::None),
    ("GET", "/don-vi/{code}/phan-anh/gui", Body::None),
    ("POST", "/don-vi/{code}/phan-anh/gui", Body::Multipart),
    ("GET", "/theo-doi", Body::None),
    ("GET", "/theo-doi/{code}", Body::None),
    ("POST", "/theo-doi/{code}/danh-gia", Body::Form),
    ("GET", "/theo-doi/{code}/{file}", Body::None),
    ("GET", "/open311/v2/discovery.json", Body::None),
    ("GET", "/open311/v2/discovery.xml", Body::None),
    ("GET", "/open311/v2/services.json", Body::None),
    ("GET", "/open311/v2/services.xml", Body::None),
    ("GET", "/open311/v2/requests.json", Body::None),
    ("POST", "/open311/v2/requests.json", Body::Form),
    ("GET", "/open311/v2/requests.xml", Body::None),
    ("POST", "/open311/v2/requests.xml", Body::Form),
    ("GET", "/open311/v2/requests/{id}", Body::None),
    ("GET", "/dang-nhap", Body::None),
    ("POST", "/dang-nhap", Body::Form),
    ("POST", "/dang-xuat", Body::Form),
    ("GET", "/quen-mat-khau", Body::None),
    ("POST", "/quen-mat-khau", Body::Form),
    ("GET", "/dat-lai-mat-khau/{token}", Body::None),
    ("POST", "/dat-lai-mat-khau/{token}", Body::Form),
    ("GET", "/dang-ky", Body::None),
    ("POST", "/dang-ky", Body::Form),
    ("GET", "/dang-ky/da-gui", Body::None),
    ("GET", "/xac-minh/{token}", Body::None),
    ("POST", "/xac-minh/{token}", Body::Form),
    ("POST", "/gui-lai-xac-minh", Body::Form),
    ("GET", "/quan-tri", Body::None),
    ("GET", "/quan-tri/thiet-ke", Body::None),
    ("GET", "/cua-toi", Body::None),
    ("POST", "/cua-toi/ho-gia-dinh", Body::Form),
    ("POST", "/cua-toi/ho-gia-dinh/ket-thuc", Body::Form),
    ("POST", "/cua-toi/thong-bao/{id}/da-doc", Body::Form),
    ("GET", "/cua-toi/don", Body::None),
    ("GET", "/cua-toi/gui-don", Body::None),
    ("POST", "/cua-toi/gui-don", Body::Multipart),
    ("GET", "/cua-toi/bieu-quyet", Body::None),
    ("POST", "/cua-toi/bieu-quyet/{id}", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/thu-phieu", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/nhap-kiem-phieu", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen/ket-thuc", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/tep/{file}", Body::None),
    ("POST", "/api/v1/decisions/{id}/ballot-plan", Body::Json),
    ("GET", "/api/v1/decisions/{id}/ballots", Body::None),
    ("POST", "/api/v1/decisions/{id}/ballots/collect", Body::Json),
    ("GET", "/api/v1/decisions/{id}/ballots.pdf", Body::None),
    ("GET", "/api/v1/decisions/{id}/distribution.pdf", Body::None),
    ("GET", "/api/v1/decisions/{id}/counting-minutes.docx", Body::None),
    ("GET", "/api/v1/decisions/{id}/counting-minutes.pdf", Body::None),
    ("POST", "/api/v1/decisions/{id}/online-votes", Body::Json),
    ("POST", "/api/v1/decisions/{id}/online-close", Body::None),
    ("GET", "/quan-tri/don-vi/{code}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/them", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/nhap", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/vung-sau", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/ho-gia-dinh", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/them", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/nhap", Body::Multipart),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/lich/{id}/xoa", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/so", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/vu-viec", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/lien-ket", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.csv", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.xlsx", Body::None),
    ("GET", "/don-vi/{code}/lay-y-kien", Body::None),
    ("GET", "/lay-y-kien/{id}", Body::None),
    ("POST", "/lay-y-kien/{id}/y-kien", Body::Form),
    ("POST", "/lay-y-kien/{id}/ung-ho", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien", Body::Multipart),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/muc", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/mo", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/dong", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/an", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/tra-loi", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/phieu", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/phieu", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/lay-y-kien/{id}/bao-cao.docx", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/quyet-dinh/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/du-hop", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/kiem-phieu", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/quyet-dinh/{id}/ket-thuc", Body::Form),
    ("GET", "/don-vi/{code}/cong-khai", Body::None),
    ("GET", "/don-vi/{code}/cong-khai.atom", Body::None),
    ("GET", "/don-vi/{code}/cong-khai/{id}", Body::None),
    ("GET", "/don-vi/{code}/cong-khai/{id}/tep/{file}", Body::None),
    ("GET", "/don-vi/{code}/cong-khai/{id}/thong-bao.docx", Body::None),
    ("GET", "/don-vi/{code}/cong-khai/{id}/thong-bao.pdf", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai", Body::Multipart),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/{id}/sua", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai/{id}/sua", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/cong-khai/{id}/tep", Body::Multipart),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu.csv", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/cong-khai/tuan-thu.xlsx", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/thong-tin-lai", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/thong-tin-lai/{id}", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket/{id}", Body::Form),
    ("GET", "/quan-tri/nguoi-dung", Body::None),
    ("POST", "/quan-tri/nguoi-dung", Body::Form),
    ("GET", "/quan-tri/nhat-ky", Body::None),
    ("GET", "/quan-tri/nhat-ky/nhat-ky.csv", Body::None),
    ("GET", "/quan-tri/hop-thu", Body::None),
    ("GET", "/quan-tri/mau-bao-cao", Body::None),
    ("GET", "/quan-tri/mau-bao-cao/{id}", Body::None),
    ("POST", "/quan-tri/mau-bao-cao/{id}", Body::Form),
    ("GET", "/quan-tri/hop-thu/{occurrence}", Body::None),
    ("POST", "/quan-tri/hop-thu/{occurrence}", Body::Form),
    ("GET", "/quan-tri/bao-cao/{id}", Body::None),
    ("POST", "/quan-tri/bao-cao/{id}/xem-xet", Body::Form),
    ("GET", "/quan-tri/ke-hoach", Body::None),
    ("POST", "/quan-tri/ke-hoach/nhap", Body::Multipart),
    ("GET", "/quan-tri/ke-hoach/ban-hanh", Body::None),
    ("POST", "/quan-tri/ke-hoach/ban-hanh", Body::Form),
    ("GET", "/quan-tri/ke-hoach/{id}", Body::None),
    ("GET", "/quan-tri/ke-hoach/{id}/tong-hop", Body::None),
    ("POST", "/quan-tri/ke-hoach/{id}/nhiem-vu/{task}", Body::Form),
    ("POST", "/quan-tri/ke-hoach/{id}/nhiem-vu/{task}/minh-chung", Body::Multipart),
    ("GET", "/quan-tri/ke-hoach/{id}/minh-chung/{file}", Body::None),
    ("GET", "/quan-tri/ke-hoach/{id}/tong-hop.csv", Body::None),
    ("GET", "/quan-tri/ke-hoach/{id}/van-ban.docx", Body::None),
    ("GET", "/tinh-han", Body::None),
    ("GET", "/lich", Body::None),
    ("GET", "/static/coso.css", Body::None),
    ("GET", "/healthz", Body::None),
    ("GET", "/metrics", Body::None),
    ("GET", "/api/v1/openapi.json", Body::None),
    ("POST", "/api/v1/session", Body::Json),
    ("DELETE", "/api/v1/session", Body::None),
    ("GET", "/api/v1/units", Body::None),
    ("GET", "/api/v1/units/{code}", Body::None),
    ("GET", "/api/v1/units/{code}/children", Body::None),
    ("POST", "/api/v1/units/{code}/children", Body::Json),
    ("POST", "/api/v1/units/{code}/children/import", Body::Raw),
    ("GET", "/api/v1/units/{code}/households", Body::None),
    ("POST", "/api/v1/units/{code}/households", Body::Json),
    ("POST", "/api/v1/units/{code}/households/import", Body::Raw),
    ("GET", "/api/v1/units/{code}/reception/schedule", Body::None),
    ("GET", "/api/v1/units/{code}/reception/sessions", Body::None),
    ("POST", "/api/v1/units/{code}/reception/sessions", Body::Json),
    ("GET", "/api/v1/units/{code}/reception/sessions/{id}/visits", Body::None),
    ("POST", "/api/v1/units/{code}/reception/sessions/{id}/visits", Body::Json),
    ("GET", "/api/v1/units/{code}/reception/compliance", Body::None),
    ("POST", "/api/v1/consultations", Body::Json),
    ("GET", "/api/v1/consultations/{id}", Body::None),
    ("POST", "/api/v1/consultations/{id}/comments", Body::Json),
    ("POST", "/api/v1/consultations/{id}/close", Body::None),
    ("POST", "/api/v1/consultations/{id}/answers", Body::Json),
    ("GET", "/api/v1/consultations/{id}/report.docx", Body::None),
    ("GET", "/api/v1/consultations/{id}/report.pdf", Body::None),
    ("GET", "/don-vi/{code}/doi-thoai", Body::None),
    ("GET", "/don-vi/{code}/cam-ket", Body::None),
    ("GET", "/doi-thoai/{id}", Body::None),
    ("POST", "/doi-thoai/{id}/cau-hoi", Body::Form),
    ("GET", "/doi-thoai/{id}/ket-qua.docx", Body::None),
    ("GET", "/doi-thoai/{id}/ket-qua.pdf", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/de-nghi", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/thong-bao", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/tra-loi", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/an", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/cam-ket", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/tien-do", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.docx", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.pdf", Body::None),
    ("POST", "/api/v1/units/{code}/dialogues", Body::Json),
    ("POST", "/api/v1/units/{code}/dialogue-requests", Body::Json),
    ("GET", "/api/v1/dialogues/{id}", Body::None),
    ("POST", "/api/v1/dialogues/{id}/announce", Body::None),
    ("POST", "/api/v1/dialogues/{id}/questions", Body::Json),
    ("POST", "/api/v1/dialogues/{id}/answers", Body::Json),
    ("POST", "/api/v1/dialogues/{id}/commitments", Body::Json),
    ("POST", "/api/v1/dialogues/{id}/progress", Body::Json),
    ("POST", "/api/v1/dialogues/{id}/results", Body::Json),
    ("GET", "/don-vi/{code}/huong-uoc", Body::None),
    ("POST", "/api/v1/units/{code}/conventions", Body::Json),
    ("GET", "/api/v1/conventions/{id}", Body::None),
    ("POST", "/api/v1/conventions/{id}/versions", Body::Json),
    ("POST", "/api/v1/conventions/{id}/posting", Body::Json),
    ("POST", "/api/v1/conventions/{id}/opinions", Body::Json),
    ("POST", "/api/v1/conventions/{id}/adoption", Body::Json),
    ("POST", "/api/v1/conventions/{id}/adoption-decision", Body::Json),
    ("POST", "/api/v1/conventions/{id}/dossier", Body::Json),
    ("POST", "/api/v1/conventions/{id}/recognition", Body::Json),
    ("POST", "/api/v1/conventions/{id}/return", Body::Json),
    ("POST", "/api/v1/conventions/{id}/review", Body::Json),
    ("GET", "/api/v1/conventions/{id}/diff", Body::None),
    ("GET", "/api/v1/conventions/{id}/dossier.docx", Body::None),
    ("GET", "/api/v1/conventions/{id}/dossier.pdf", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/moi", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/sua", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/niem-yet", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/y-kien", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet-quyet-dinh", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/gui-ho-so", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/cong-nhan", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/tra-lai", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/huong-uoc/{id}/ra-soat", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/huong-uoc/{id}/so-sanh", Body::None),
    ("GET", "/api/v1/units/{code}/elections", Body::None),
    ("POST", "/api/v1/units/{code}/elections", Body::Json),
    ("GET", "/api/v1/elections/{id}", Body::None),
    ("POST", "/api/v1/elections/{id}/steps", Body::Json),
    ("POST", "/api/v1/elections/{id}/result", Body::Json),
    ("POST", "/api/v1/elections/{id}/recognition", Body::Json),
    ("POST", "/api/v1/units/{code}/dismissals", Body::Json),
    ("POST", "/api/v1/units/{code}/conferences", Body::Json),
    ("GET", "/api/v1/conferences/{id}", Body::None),
    ("GET", "/api/v1/units/{code}/conference-compliance", Body::None),
    ("GET", "/api/v1/elections/{id}/mau-05.docx", Body::None),
    ("GET", "/api/v1/elections/{id}/mau-05.pdf", Body::None),
    ("GET", "/api/v1/conferences/{id}/minutes.docx", Body::None),
    ("GET", "/api/v1/conferences/{id}/minutes.pdf", Body::None),
    ("POST", "/api/v1/units/{code}/staff-conferences", Body::Json),
    ("GET", "/api/v1/units/{code}/staff-conferences", Body::None),
    ("GET", "/api/v1/staff-conferences/{id}", Body::None),
    ("GET", "/api/v1/staff-conferences/{id}/minutes.docx", Body::None),
    ("GET", "/api/v1/units/{code}/internal-rules", Body::None),
    ("POST", "/api/v1/units/{code}/internal-rules", Body::Json),
    ("POST", "/api/v1/units/{code}/internal-rules/{id}/versions", Body::Json),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/hoi-nghi/{id}", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che/{id}", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo/{id}/go", Body::Form),
    ("GET", "/co-quan/{code}", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/bau-truong-thon", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/cho-thoi-lam", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/buoc", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/ket-qua", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/bau-truong-thon/{id}/cong-nhan", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu.csv", Body::None),
    ("POST", "/api/v1/units/{code}/decisions", Body::Json),
    ("GET", "/api/v1/decisions/{id}", Body::None),
    ("POST", "/api/v1/decisions/{id}/attendance", Body::Json),
    ("POST", "/api/v1/decisions/{id}/tally", Body::Json),
    ("GET", "/api/v1/decisions/{id}/invitation.docx", Body::None),
    ("GET", "/api/v1/decisions/{id}/invitation.pdf", Body::None),
    ("GET", "/api/v1/decisions/{id}/meeting-minutes.docx", Body::None),
    ("GET", "/api/v1/decisions/{id}/meeting-minutes.pdf", Body::None),
    ("GET", "/api/v1/decisions/{id}/resolution.docx", Body::None),
    ("GET", "/api/v1/decisions/{id}/resolution.pdf", Body::None),
    ("GET", "/don-vi/{code}/tin-tuc", Body::None),
    ("GET", "/don-vi/{code}/tin-tuc.atom", Body::None),
    ("GET", "/don-vi/{code}/tin-tuc/{id}", Body::None),
    ("GET", "/don-vi/{code}/tin-tuc/{id}/anh/{file}", Body::None),
    ("GET", "/don-vi/{code}/van-ban", Body::None),
    ("GET", "/don-vi/{code}/van-ban/{id}/tep", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/tin-tuc", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc", Body::Multipart),
    ("GET", "/quan-tri/don-vi/{code}/tin-tuc/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/dang", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/go", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/tin-tuc/{id}/anh/{position}/xoa", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/van-ban", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/van-ban", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/van-ban/{id}/het-hieu-luc", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/van-ban/{id}/xoa", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/tap-huan", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/tap-huan", Body::Form),
    ("GET", "/api/v1/units/{code}/news", Body::None),
    ("GET", "/api/v1/units/{code}/library", Body::None),
    ("GET", "/api/v1/units/{code}/trainings", Body::None),
    ("POST", "/api/v1/units/{code}/trainings", Body::Json),
    ("GET", "/api/v1/units/{code}/disclosures", Body::None),
    ("POST", "/api/v1/units/{code}/disclosures", Body::Json),
    ("PUT", "/api/v1/units/{code}/disclosures/{id}", Body::Json),
    ("POST", "/api/v1/units/{code}/disclosures/{id}/files", Body::Multipart),
    ("GET", "/api/v1/units/{code}/disclosure-compliance", Body::None),
    ("GET", "/api/v1/users", Body::None),
    ("POST", "/api/v1/users", Body::Json),
    ("GET", "/api/v1/calendar/lunar", Body::None),
    ("GET", "/api/v1/calendar/solar", Body::None),
    ("GET", "/api/v1/calendar/holidays/{year}", Body::None),
    ("GET", "/api/v1/calendar/working-days", Body::None),
    ("GET", "/api/v1/calendar/deadline", Body::None),
    ("GET", "/api/v1/calendar/rules", Body::None),
    ("POST", "/api/v1/calendar/announcements", Body::Raw),
    ("POST", "/api/v1/plans", Body::Json),
    ("POST", "/api/v1/plans/import", Body::Raw),
    ("POST", "/api/v1/plans/parse", Body::Raw),
    ("GET", "/api/v1/plans/{id}", Body::None),
    ("GET", "/api/v1/plans/{id}/aggregate", Body::None),
    ("GET", "/api/v1/plans/{id}/aggregate.xlsx", Body::None),
    ("GET", "/api/v1/plans/{id}/aggregate.csv", Body::None),
    ("GET", "/api/v1/plans/{id}/summary.docx", Body::None),
    ("GET", "/api/v1/plans/{id}/summary.pdf", Body::None),
    ("PATCH", "/api/v1/plans/{id}/tasks/{task}", Body::Json),
    ("POST", "/api/v1/plans/{id}/tasks/{task}/evidence", Body::Raw),
    ("GET", "/api/v1/units/{code}/inbox", Body::None),
    ("GET", "/api/v1/report-templates", Body::None),
    ("PUT", "/api/v1/report-templates/{id}", Body::Json),
    ("GET", "/api/v1/notifications", Body::None),
    ("POST", "/api/v1/units/{code}/submissions", Body::Json),
    ("GET", "/api/v1/submissions/{id}", Body::None),
    ("POST", "/api/v1/submissions/{id}/review", Body::Json),
    ("GET", "/api/v1/cases", Body::None),
    ("GET", "/api/v1/cases/stats", Body::None),
    ("GET", "/quan-tri/vu-viec/thong-ke", Body::None),
    ("GET", "/quan-tri/vu-viec/thong-ke.xlsx", Body::None),
    ("GET", "/quan-tri/vu-viec/thong-ke.csv", Body::None),
    ("POST", "/api/v1/cases", Body::Json),
    ("GET", "/api/v1/cases/{id}", Body::None),
    ("GET", "/api/v1/cases/code/{code}", Body::None),
    ("POST", "/api/v1/cases/{id}/accept", Body::Json),
    ("POST", "/api/v1/cases/{id}/refuse", Body::Json),
    ("POST", "/api/v1/cases/{id}/forward", Body::Json),
    ("POST", "/api/v1/cases/{id}/assign", Body::Json),
    ("POST", "/api/v1/cases/{id}/verify", Body::Json),
    ("POST", "/api/v1/cases/{id}/extend", Body::Json),
    ("POST", "/api/v1/cases/{id}/answer", Body::Json),
    ("POST", "/api/v1/cases/{id}/close", Body::Json),
    ("POST", "/api/v1/cases/{id}/withdraw", Body::Json),
    ("POST", "/api/v1/cases/{id}/reopen", Body::Json),
    ("POST", "/api/v1/cases/{id}/files", Body::Raw),
    ("GET", "/api/v1/cases/{id}/files/{file}", Body::None),
    ("GET", "/quan-tri/nguoi-dung/quyen-to-cao", Body::None),
    ("POST", "/quan-tri/nguoi-dung/quyen-to-cao", Body::Form),
    ("POST", "/quan-tri/nguoi-dung/quyen-to-cao/thu-hoi", Body::Form),
    ("GET", "/quan-tri/vu-viec", Body::None),
    ("GET", "/quan-tri/vu-viec/tai-ve/{file}", Body::None),
    ("GET", "/quan-tri/vu-viec/moi", Body::None),
    ("POST", "/quan-tri/vu-viec/moi", Body::Multipart),
    ("GET", "/quan-tri/vu-viec/{id}", Body::None),
    ("POST", "/quan-tri/vu-viec/{id}/xu-ly", Body::Form),
    ("POST", "/quan-tri/vu-viec/{id}/nguoi-to-cao", Body::Form),
    ("GET", "/quan-tri/vu-viec/{id}/tep", Body::None),
    ("GET", "/quan-tri/vu-viec/{id}/van-ban/{file}", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/linh-vuc-don", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/linh-vuc-don", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/linh-vuc-don/ngung", Body::Form),
    ("GET", "/don-vi/{code}/ban-giam-sat", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/ban-giam-sat", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi/{finding}", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/bao-cao", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/ke-hoach", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/hoat-dong", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/ban-giam-sat/{id}/giai-the", Body::Form),
    ("POST", "/api/v1/units/{code}/boards", Body::Json),
    ("GET", "/api/v1/boards/{id}", Body::None),
    ("POST", "/api/v1/boards/{id}/findings", Body::Json),
    ("POST", "/api/v1/boards/{id}/reports", Body::Json),
    ("GET", "/api/v1/boards/{id}/reports/{period}/report.docx", Body::None),
    ("GET", "/api/v1/boards/{id}/reports/{period}/report.pdf", Body::None),
    ("GET", "/quan-tri/theo-doi", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/ban-chi-dao", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien/{id}/xoa", Body::Form),
    ("GET", "/api/v1/units/{code}/steering-committee", Body::None),
    ("PUT", "/api/v1/units/{code}/steering-committee", Body::Json),
    ("POST", "/api/v1/units/{code}/steering-committee/members", Body::Json),
    ("DELETE", "/api/v1/units/{code}/steering-committee/members/{id}", Body::None),
    ("GET", "/api/v1/followed-areas", Body::None),
    ("GET", "/don-vi/{code}/mo-hinh", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/khen-thuong", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.csv", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.xlsx", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.csv", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.xlsx", Body::None),
    ("GET", "/api/v1/units/{code}/commendations", Body::None),
    ("POST", "/api/v1/units/{code}/commendations", Body::Json),
    ("GET", "/api/v1/units/{code}/models", Body::None),
    ("POST", "/api/v1/units/{code}/models", Body::Json),
    ("GET", "/api/v1/findings/{id}", Body::None),
    ("POST", "/api/v1/findings/{id}/answer", Body::Json),
    ("POST", "/api/v1/findings/{id}/close", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/kiem-tra", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/kiem-tra/{id}", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/danh-gia", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/minh-chung", Body::Multipart),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/ket-luan", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc/{task}", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/kiem-tra/{id}/buoc", Body::Form),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.docx", Body::None),
    ("GET", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.pdf", Body::None),
    ("POST", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}", Body::Form),
    ("POST", "/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}/minh-chung", Body::Multipart),
    ("POST", "/api/v1/units/{code}/inspections", Body::Json),
    ("GET", "/api/v1/inspections/{id}", Body::None),
    ("POST", "/api/v1/inspections/{id}/findings", Body::Json),
    ("POST", "/api/v1/inspections/{id}/findings/{criterion}/evidence", Body::Raw),
    ("POST", "/api/v1/inspections/{id}/conclusion", Body::Json),
    ("GET", "/api/v1/inspections/{id}/conclusion.docx", Body::None),
    ("GET", "/api/v1/inspections/{id}/conclusion.pdf", Body::None),
    ("POST", "/api/v1/inspections/{id}/remediation", Body::Json),
    ("POST", "/api/v1/inspections/{id}/remediation/{task}/done", Body::Json),
    ("POST", "/api/v1/inspections/{id}/remediation/{task}/evidence", Body::Raw),
    ("GET", "/api/v1/inspections/{id}/evidence/{file}", Body::None),
    ("POST", "/api/v1/inspections/{id}/publish", Body::None),
    ("POST", "/api/v1/inspections/{id}/close", Body::None),
    ("GET", "/api/v1/khong-co", Body::None),
];

/// Every typed query parameter of the routes, with a value of the wrong type.
const MALFORMED_QUERY: &str = "limit=abc&offset=-x&occurrence=abc&ky=abc&nam=abc&thang=abc&n=abc&leap=abc&year=abc\
     &complex=abc&especially_complex=abc&identity=abc&public=abc&remote=abc&month=abc&day=abc&on=abc&date=abc&from=abc&rule=x&page=abc";

/// (content type, body) to send to a route that reads `body`.
fn bodies(body: Body) -> Vec<(Option<&'static str>, &'static str)> {
    match body {
        Body::None => vec![(None, "")],
        Body::Json => vec![
            (Some("application/json"), "{"),
            (Some("application/json"), r#"{"zz": 1}"#),
            (
                Some("application/json"),
                r#"{"code": 1, "email": [], "accept": "x", "occurrence_id": "x", "version": "x"}"#,
            ),
            (Some("application/json"), "[]"),
            (Some("application/json"), r#"{"a": 1} trailing"#),
            (None, "{}"),
            (Some("text/plain"), "{}"),
        ],
        Body::Form => vec![
            (Some("application/x-www-form-urlencoded"), "version=abc&member_count=%FF&decision=1"),
            (Some("application/x-www-form-urlencoded"), "%%%"),
            (Some("text/plain"), "a=b"),
            (None, ""),
        ],
        Body::Multipart => vec![
            (Some("multipart/form-data"), "x"),
            (Some("multipart/form-data; boundary=zz"), "garbage"),
            (
                Some("multipart/form-data; boundary=zz"),
                "--zz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
            ),
            (Some("text/plain"), "x"),
            (None, ""),
        ],
        Body::Raw => vec![(Some("text/plain"), "x"), (Some("application/x-www-form-urlencoded"), "a=b"), (None, "")],
    }
}

fn path_with(template: &str, number: &str) -> String {
    let mut out = template.to_string();
    for segment in ["{id}", "{occurrence}", "{task}", "{year}", "{file}"] {
        out = out.replace(segment, number);
    }
    out.replace("{code}", "42")
}

/// The English of axum's and serde's extractors.
const ENGLISH: [&str; 8] = [
    "Failed to deserialize",
    "missing field",
    "invalid type",
    "Failed to parse",
    "Failed to buffer",
    "Expected request with",
    "Content-Type: application/x-www-form-urlencoded`",
    "Invalid URL",
];

#[tokio::test]
async fn no_route_answers_with_an_extractors_english() {
    let settings =
        WebSettings { login_attempts_per_minute: 10_000, intake_per_ip_per_minute: 10_000, ..Default::default() };
    let app = TestApp::spawn_with(settings).await;
    app.user("root@coso.test", Role::Admin, "42").await;
    let admin = app.client_as("root@coso.test").await;
    let mut sent = 0;
    for (method, template, body) in ROUTES {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut cases = vec![(path_with(template, "abc"), "", bodies(*body)[0])];
        cases.extend(bodies(*body).into_iter().map(|b| (path_with(template, "1"), "", b)));
        cases.push((path_with(template, "1"), MALFORMED_QUERY, bodies(*body)[0]));
        for (path, query, (content_type, content)) in cases {
            let url = if query.is_empty() { app.url(&path) } else { app.url(&format!("{path}?{query}")) };
            let mut req = admin.request(method.clone(), url).body(content);
            if let Some(t) = content_type {
                req = req.header("content-type", t);
            }
            let res = req.send().await.expect("sent");
            sent += 1;
            let status = res.status().as_u16();
            let json = res.headers().get("content-type").is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
            let text = res.text().await.expect("body");
            let case = format!("{method} {path}?{query} [{content_type:?} {content:?}] → {status}");
            for english in ENGLISH {
                assert!(!text.contains(english), "{case}: {text}");
            }
            if path.starts_with("/api/") && status >= 400 {
                assert!(json, "{case}: not JSON: {text}");
                let v: Value = serde_json::from_str(&text).expect("JSON error body");
                assert!(v["error"]["code"].as_str().is_some_and(|c| !c.is_empty()), "{case}: {text}");
                assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{case}: {text}");
            }
            // Open311 answers errors as its specification's list, in the path's format.
            if path.starts_with("/open311/") && status >= 400 && !path.ends_with(".xml") {
                let v: Value = serde_json::from_str(&text).expect("Open311 error list");
                assert!(v[0]["code"].as_u64() == Some(u64::from(status)), "{case}: {text}");
                assert!(v[0]["description"].as_str().is_some_and(|d| !d.is_empty()), "{case}: {text}");
            }
            if !path.starts_with("/api/") && !path.starts_with("/open311/") && status >= 400 && status != 405 {
                assert!(!texts(&text, "main").is_empty(), "{case}: not a page: {text}");
            }
        }
    }
    assert!(sent >= ROUTES.len() * 3, "{sent} requests");
}

#[tokio::test]
async fn missing_and_malformed_parameters_get_coso_answers() {
    let app = TestApp::spawn().await;
    app.user("root@coso.test", Role::Admin, "42").await;
    let admin = app.client_as("root@coso.test").await;
    // The deadline page with nothing filled in is the empty form.
    let res = app.anonymous().get(app.url("/tinh-han")).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(!texts(&html, "form select[name=rule]").is_empty(), "the deadline form");
    let res = admin.get(app.url("/api/v1/calendar/lunar")).send().await.expect("lunar");
    let body = api_error(res, 400, "bad_request").await;
    assert_eq!(body["error"]["message"], "Thiếu tham số «date».");
    let res = admin.get(app.url("/api/v1/units?limit=abc")).send().await.expect("units");
    let body = api_error(res, 400, "bad_request").await;
    assert_eq!(body["error"]["message"], "Tham số «limit» có giá trị không hợp lệ.");
    api_error(admin.get(app.url("/api/v1/plans/abc")).send().await.expect("plan"), 404, "not_found").await;
    let res = admin
        .post(app.url("/api/v1/units/42/children"))
        .header("content-type", "application/json")
        .body(r#"{"code": 1, "name": "Thôn", "kind": "village"}"#)
        .send()
        .await
        .expect("create");
    let body = api_error(res, 422, "validation_failed").await;
    assert_eq!(body["error"]["fields"][0]["field"], "code", "{body}");
    let res = admin.post(app.url("/api/v1/units/42/children")).body("{}").send().await.expect("create");
    api_error(res, 415, "unsupported_media_type").await;
    let res = admin
        .post(app.url("/api/v1/units/42/children"))
        .header("content-type", "application/json")
        .body("{\"code\":")
        .send()
        .await
        .expect("create");
    api_error(res, 400, "bad_request").await;
    let res = admin.get(app.url("/lich?nam=abc")).send().await.expect("month");
    assert_eq!(res.status(), 400);
    assert!(res.text().await.expect("html").contains("Tham số «nam» có giá trị không hợp lệ."));
    let res = admin.get(app.url("/quan-tri/ke-hoach/abc")).send().await.expect("plan page");
    assert_eq!(res.status(), 404);
    assert_eq!(texts(&res.text().await.expect("html"), "h1"), ["Không tìm thấy"]);
}
