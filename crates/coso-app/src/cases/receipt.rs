//! The receipt of a petition (*giấy biên nhận*): printed by the sender from the confirmation
//! page, as an official document rendered by the documents crate. It holds what the tracking
//! page shows, never the sender's identity (the code is all it takes to download it).

use coso_documents::{Document, Section, Signer};
use coso_domain::unit::sort_name;

use super::public_view::{PublicCase, public_view};
use crate::plans::summary::committee_of;
use crate::{App, Error, Result};

/// The receipt of the case with the code `typed`, as a document.
pub async fn receipt(app: &App, typed: &str) -> Result<Document> {
    let case = public_view(app, typed).await?;
    let unit = app.store().unit_by_code(&case.unit_code).await?.ok_or(Error::NotFound)?;
    Ok(document(&case, &committee_of(&unit), sort_name(&unit.name)))
}

fn document(case: &PublicCase, issuer: &str, place: &str) -> Document {
    let mut lines = vec![
        format!("Mã theo dõi: {}.", case.code),
        format!("Loại đơn: {}.", case.kind.label()),
        format!("Đơn vị tiếp nhận: {}.", case.unit_name),
        format!("Ngày tiếp nhận: {}.", coso_calendar::format_vn(case.received_on)),
        format!("Tình trạng: {}.", case.status.label()),
    ];
    if let Some(category) = &case.category_name {
        lines.insert(2, format!("Lĩnh vực: {category}."));
    }
    if let Some(due) = case.reply_due {
        lines.push(format!(
            "Hạn trả lời: {} (10 ngày làm việc kể từ ngày tiếp nhận, Điều 28 Luật Tiếp công dân).",
            coso_calendar::format_vn(due)
        ));
    }
    lines.push(format!(
        "Người gửi tra cứu kết quả giải quyết tại trang «Theo dõi đơn» (/theo-doi/{}) bằng mã theo dõi trên.",
        case.code
    ));
    Document {
        // A "phiếu báo" (Decree 30 Annex III): the unit tells the sender the petition is received.
        doc_type: Some("PB".into()),
        issuer: Some(issuer.to_string()),
        place: Some(place.to_string()),
        date: Some(case.received_on.format("%Y-%m-%d").to_string()),
        title: Some(format!("Tiếp nhận đơn phản ánh, kiến nghị mã {}", case.code)),
        body: vec![Section { heading: "THÔNG TIN ĐƠN".into(), paragraphs: lines, children: vec![] }],
        sections: vec!["THÔNG TIN ĐƠN".into()],
        closing: vec!["Giữ mã theo dõi để tra cứu; không cần cung cấp thông tin cá nhân khi tra cứu./.".into()],
        signer: Some(Signer { role_line: None, position: Some("NGƯỜI TIẾP NHẬN".into()), name: None }),
        ..Default::default()
    }
}
