//! The dossier a village sends to the commune (HU-6, Decree 61/2023 Art. 11): the request for
//! recognition (Mẫu 01), the minutes of the vote (Mẫu 02) and the adopted text, as one
//! `Document` in the Decree 30 layout, filled from the convention's data.

use coso_documents::{Document, Section, Signer};
use coso_domain::UnitId;
use coso_domain::convention::AdoptionForm;
use coso_domain::unit::{UnitKind, sort_name};

use super::view::ConventionView;
use crate::plans::summary::committee_of;
use crate::{Actor, App, Error, Result};

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The dossier of convention `id` of the village `code`, once a version was adopted.
pub async fn dossier_document(
    app: &App,
    actor: &Actor,
    calendar: &coso_calendar::HolidayCalendar,
    code: &str,
    id: i64,
) -> Result<Document> {
    let v = super::view(app, actor, calendar, code, id).await?;
    let parent = v.unit.parent_id.ok_or(Error::NotFound)?;
    let commune = crate::units::by_id(app, UnitId(parent)).await?;
    build(&v, &committee_of(&commune), app.today())
}

fn build(v: &ConventionView, committee: &str, today: chrono::NaiveDate) -> Result<Document> {
    let c = &v.convention;
    let s = &c.state;
    let not_yet = || Error::Conflict {
        field: "status",
        message: "Hương ước, quy ước chưa được cộng đồng thông qua: chưa có hồ sơ đề nghị công nhận.".into(),
    };
    let adopted = s.adopted_version.and_then(|n| v.version(n)).ok_or_else(not_yet)?;
    let (Some(form), Some(on), Some(vote)) = (s.vote_form, s.vote_on, v.vote.as_ref()) else {
        return Err(not_yet());
    };
    let kind = c.kind.label();
    let village = &v.unit.name;
    let head =
        if v.unit.kind == UnitKind::ResidentialGroup { "TỔ TRƯỞNG TỔ DÂN PHỐ" } else { "TRƯỞNG THÔN" };
    let (households, present, yes) = (s.households.unwrap_or(0), s.present.unwrap_or(0), s.yes.unwrap_or(0));
    let present_words = if form == AdoptionForm::Meeting { "hộ dự họp" } else { "phiếu thu về" };
    let request = vec![
        format!("Kính gửi: {committee}."),
        format!(
            "Ngày {}, {village} đã tổ chức {} thông qua {} «{}». Kết quả: {yes}/{households} hộ gia đình đồng ý, \
             {present} {present_words}. {}",
            vn(on),
            form.label().to_lowercase(),
            kind.to_lowercase(),
            c.title,
            vote.reason
        ),
        format!("{village} kính đề nghị {committee} xem xét, công nhận {} «{}».", kind.to_lowercase(), c.title),
        format!(
            "Hồ sơ gồm: văn bản đề nghị công nhận (Mẫu 01); {} (Mẫu 02); {} đã được thông qua.",
            if form == AdoptionForm::Meeting { "biên bản cuộc họp" } else { "biên bản kiểm phiếu" },
            kind.to_lowercase()
        ),
    ];
    let mut minutes = Vec::new();
    if let Some(posted) = s.posted_on {
        let place = s.posting_place.as_deref().map(|p| format!(" tại {p}")).unwrap_or_default();
        minutes.push(format!("Dự thảo được niêm yết lấy ý kiến từ ngày {}{place}.", vn(posted)));
    }
    let opinions = v.opinion_count();
    if opinions > 0 {
        minutes.push(format!("Số ý kiến góp ý nhận được trong thời gian niêm yết: {opinions}."));
    }
    minutes.extend([
        format!("Hình thức: {}; ngày {}.", form.label(), vn(on)),
        format!("Tổng số hộ gia đình của cộng đồng: {households}; số {present_words}: {present}."),
        format!(
            "Số hộ đồng ý: {yes}; số cần để thông qua (trên 50% tổng số hộ gia đình): {}. Kết quả: {}.",
            vote.required,
            vote.outcome.label().to_lowercase()
        ),
    ]);
    let text: Vec<String> = adopted.body.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    let headings = [
        "I. ĐỀ NGHỊ CÔNG NHẬN (Mẫu 01)".to_string(),
        format!(
            "II. {} (Mẫu 02)",
            if form == AdoptionForm::Meeting { "BIÊN BẢN CUỘC HỌP" } else { "BIÊN BẢN KIỂM PHIẾU" }
        ),
        format!("III. TOÀN VĂN {} ĐÃ ĐƯỢC THÔNG QUA", kind.to_uppercase()),
    ];
    Ok(Document {
        parent_issuer: Some(committee.to_string()),
        issuer: Some(village.clone()),
        place: Some(sort_name(village).to_string()),
        date: Some(s.submitted_on.unwrap_or(today).format("%Y-%m-%d").to_string()),
        title: Some(format!("Đề nghị công nhận {} «{}»", kind.to_lowercase(), c.title)),
        preamble: vec![
            "Căn cứ Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện \
             hương ước, quy ước của cộng đồng dân cư;"
                .into(),
        ],
        body: vec![
            Section { heading: headings[0].clone(), paragraphs: request, children: vec![] },
            Section { heading: headings[1].clone(), paragraphs: minutes, children: vec![] },
            Section { heading: headings[2].clone(), paragraphs: text, children: vec![] },
        ],
        sections: headings.to_vec(),
        recipients: vec![format!("{committee};"), "Ban công tác Mặt trận thôn;".into(), "Lưu.".into()],
        signer: Some(Signer { role_line: None, position: Some(head.into()), name: None }),
        ..Default::default()
    })
}
