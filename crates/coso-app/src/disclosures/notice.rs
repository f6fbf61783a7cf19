//! The printable notice of a disclosure (*thông báo*), for posting at the commune's headquarters
//! or a village's cultural house: an official document in the Decree 30 layout, rendered as DOCX
//! (and PDF where the binary has it) by the documents model and `coso-render`.

use coso_documents::{Document, Section, Signer};
use coso_domain::unit::sort_name;
use coso_store::UnitRow;

use super::DisclosureView;
use crate::plans::summary::committee_of;

/// Who issues the notice: the commune's People's Committee, or the agency itself.
fn issuer(unit: &UnitRow) -> String {
    match coso_domain::disclosure::Level::of_unit(unit.kind) {
        Some(coso_domain::disclosure::Level::Agency) => unit.name.clone(),
        _ => committee_of(unit),
    }
}

fn dmy(d: chrono::NaiveDate) -> String {
    coso_calendar::format_vn(d)
}

/// The notice of `view`, a disclosure of `unit`.
pub fn document(unit: &UnitRow, view: &DisclosureView) -> Document {
    let r = &view.row;
    let mut facts = vec![format!("Nội dung phải công khai: {}. {}.", r.item_number, r.item_title)];
    if let Some(basis) = &r.legal_basis {
        facts.push(format!("Căn cứ: {basis}."));
    }
    facts.push(match r.posted_to {
        Some(to) => format!("Thời gian công khai: từ {} đến {}.", dmy(r.posted_from), dmy(to)),
        None => format!("Thời gian công khai: từ {}.", dmy(r.posted_from)),
    });
    if let Some(place) = &r.place {
        facts.push(format!("Địa điểm niêm yết: {place}."));
    }
    let forms: Vec<&str> = view.forms.iter().map(|f| f.label()).collect();
    facts.push(format!("Hình thức công khai: {}.", forms.join("; ")));
    let content: Vec<String> =
        r.content.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    Document {
        // A "thông báo" (Decree 30 Annex III).
        doc_type: Some("TB".into()),
        issuer: Some(issuer(unit)),
        place: Some(sort_name(&unit.name).to_string()),
        date: Some(r.posted_from.format("%Y-%m-%d").to_string()),
        title: Some(r.title.clone()),
        body: vec![
            Section { heading: "THÔNG TIN CÔNG KHAI".into(), paragraphs: facts, children: vec![] },
            Section { heading: "NỘI DUNG".into(), paragraphs: content, children: vec![] },
        ],
        sections: vec!["THÔNG TIN CÔNG KHAI".into(), "NỘI DUNG".into()],
        closing: vec![format!(
            "Mọi ý kiến, kiến nghị về nội dung công khai xin gửi {} trong thời gian công khai./.",
            issuer(unit)
        )],
        signer: Some(Signer {
            role_line: Some("TM. ỦY BAN NHÂN DÂN".into()),
            position: Some("CHỦ TỊCH".into()),
            name: None,
        }),
        ..Default::default()
    }
}
