//! Consultations in the demo commune: one open draft village convention with residents'
//! comments, a support and a village's counts from a meeting; one closed draft plan whose every
//! comment is answered, with its report and its results in the disclosure register. Dates are
//! relative to the load day.

use chrono::Days;
use coso_app::{Actor, App};
use coso_domain::authz::Action;
use coso_domain::consultation::{
    AnswerData, AnswerKind, Audience, CollectionMethod, ConsultationData, ConsultationStatus, DraftKind, DraftSection,
    PaperData, initials,
};
use coso_store::{NewComment, UnitRow};

use crate::error::DemoError;

fn section(heading: &str, body: &str) -> DraftSection {
    DraftSection { heading: heading.into(), body: body.into() }
}

const CONVENTION: &[(&str, &str)] = &[
    (
        "Điều 1. Phạm vi và đối tượng áp dụng",
        "Quy ước này quy định việc giữ gìn vệ sinh môi trường, nếp sống văn minh và an ninh trật tự trong thôn; áp dụng với mọi hộ gia đình và người sinh sống trên địa bàn thôn.",
    ),
    (
        "Điều 2. Giữ gìn vệ sinh môi trường",
        "Mỗi hộ gia đình phân loại rác tại nguồn và để rác đúng nơi, đúng giờ quy định.\n\nKhông đổ rác, xả nước thải ra đường làng, kênh mương; tổng vệ sinh đường làng vào sáng Chủ nhật cuối tháng.",
    ),
    (
        "Điều 3. Việc cưới, việc tang và lễ hội",
        "Tổ chức việc cưới, việc tang tiết kiệm, văn minh; không sử dụng loa đài công suất lớn sau 22 giờ.",
    ),
    (
        "Điều 4. Tổ chức thực hiện",
        "Trưởng thôn, Ban công tác Mặt trận thôn phổ biến Quy ước đến từng hộ gia đình; hằng năm rà soát việc thực hiện vào ngày 18/11.",
    ),
];

const PLAN: &[(&str, &str)] = &[
    (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Cứng hóa các tuyến đường liên thôn còn lại bằng bê tông, bảo đảm đi lại thuận lợi trong mùa mưa.",
    ),
    (
        "II. NỘI DUNG",
        "Làm mới 2,5 km đường bê tông rộng 3,5 m; Nhà nước hỗ trợ xi măng, Nhân dân đóng góp ngày công và cát, sỏi.",
    ),
    (
        "III. KINH PHÍ",
        "Tổng kinh phí dự kiến 1,8 tỷ đồng, trong đó ngân sách xã 1,2 tỷ đồng, Nhân dân đóng góp 0,6 tỷ đồng.",
    ),
];

/// Loads the two consultations of `commune` unless it has some already; returns how many were
/// created.
pub async fn load(
    app: &App,
    commune: &UnitRow,
    villages: &[UnitRow],
    residents: &[&str],
    actor: &Actor,
) -> Result<usize, DemoError> {
    let store = app.store();
    if !store.consultations_of_unit(commune.id, true).await?.is_empty() {
        return Ok(0);
    }
    let permit =
        actor.authorize(&commune.unit_path(), Action::ManageConsultations).map_err(DemoError::Consultations)?;
    let today = app.today();
    let days_before = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let mut authors = Vec::new();
    for email in residents {
        if let Some(u) = store.user_by_email(email).await? {
            let village = villages.first().map(|v| v.id);
            let place = villages.first().map(|v| format!(" ({})", v.name)).unwrap_or_default();
            authors.push((u.id, format!("{}{place}", initials(&u.display_name)), village));
        }
    }

    // Open: a village convention, consulted 30 days.
    let open = ConsultationData {
        title: format!("Dự thảo Quy ước {}", villages.first().map_or("thôn", |v| v.name.as_str())),
        kind: DraftKind::Convention,
        audience: Audience::Unit,
        villages: vec![],
        opens_on: days_before(10),
        closes_on: days_before(10) + Days::new(29),
    };
    let sections: Vec<DraftSection> = CONVENTION.iter().map(|(h, b)| section(h, b)).collect();
    let id = store
        .create_consultation(&permit, commune, &open, &[], &sections, None, ConsultationStatus::Open, actor.audit())
        .await?;
    let open_row = store.consultation(id).await?.ok_or(DemoError::Consultations(coso_app::Error::NotFound))?;
    let rows = store.consultation_sections(id).await?;
    let texts = [
        (1, "Đề nghị bổ sung lịch thu gom rác vào sáng thứ Bảy hằng tuần."),
        (1, "Nên đặt thêm thùng rác có nắp ở đầu các ngõ xóm."),
        (2, "Giờ tắt loa nên là 21 giờ để người già và trẻ nhỏ nghỉ ngơi."),
    ];
    let mut first_comment = None;
    for (n, (index, body)) in texts.iter().enumerate() {
        let Some((author, label, village)) = authors.get(n % authors.len().max(1)) else { break };
        let comment = NewComment {
            section_id: rows.get(*index).map(|s| s.id),
            author_id: *author,
            author_label: label.clone(),
            village_id: *village,
            body: (*body).into(),
        };
        let added = store.add_consultation_comment(&open_row, commune, &comment, actor.audit()).await?;
        first_comment = first_comment.or(added);
    }
    if let (Some(c), Some((supporter, _, _))) = (first_comment, authors.get(1)) {
        store.support_consultation_comment(c, *supporter).await?;
    }
    if let Some(village) = villages.first() {
        let village_permit =
            actor.authorize(&village.unit_path(), Action::CollectOpinions).map_err(DemoError::Consultations)?;
        let paper = PaperData {
            village: village.code.clone(),
            section: rows.get(1).map(|s| s.id),
            agree: 35,
            disagree: 4,
            method: CollectionMethod::Meeting,
            collected_on: days_before(3),
            note: Some("Một số hộ đề nghị thu gom rác hai lần một tuần.".into()),
        };
        store.add_consultation_paper(&village_permit, village, id, &paper, actor.audit()).await?;
    }

    // Closed and answered: a plan for the commune's roads.
    let closed = ConsultationData {
        title: "Dự thảo Kế hoạch cứng hóa đường giao thông nông thôn".into(),
        kind: DraftKind::Plan,
        audience: Audience::Unit,
        villages: vec![],
        opens_on: days_before(60),
        closes_on: days_before(31),
    };
    let sections: Vec<DraftSection> = PLAN.iter().map(|(h, b)| section(h, b)).collect();
    let id = store
        .create_consultation(&permit, commune, &closed, &[], &sections, None, ConsultationStatus::Open, actor.audit())
        .await?;
    let row = store.consultation(id).await?.ok_or(DemoError::Consultations(coso_app::Error::NotFound))?;
    let rows = store.consultation_sections(id).await?;
    let opinions = [
        (
            1,
            "Đề nghị ưu tiên làm trước tuyến đường ra trường tiểu học.",
            AnswerKind::Accepted,
            Some("Đã đưa tuyến đường ra trường tiểu học vào đợt 1."),
        ),
        (
            2,
            "Mức đóng góp 0,6 tỷ đồng là cao với các hộ nghèo.",
            AnswerKind::Explained,
            Some("Hộ nghèo, hộ cận nghèo được miễn đóng góp tiền; chỉ đóng góp ngày công theo khả năng."),
        ),
    ];
    let mut answers = Vec::new();
    for (n, (index, body, kind, reason)) in opinions.iter().enumerate() {
        let Some((author, label, village)) = authors.get(n % authors.len().max(1)) else { break };
        let comment = NewComment {
            section_id: rows.get(*index).map(|s| s.id),
            author_id: *author,
            author_label: label.clone(),
            village_id: *village,
            body: (*body).into(),
        };
        if let Some(c) = store.add_consultation_comment(&row, commune, &comment, actor.audit()).await? {
            answers.push(AnswerData { comments: vec![c], kind: *kind, reason: reason.map(String::from) });
        }
    }
    store
        .move_consultation(&permit, commune, id, ConsultationStatus::Open, ConsultationStatus::Closed, actor.audit())
        .await?;
    for a in &answers {
        store.answer_consultation_comments(&permit, commune, id, a, actor.audit()).await?;
    }
    let done = store.consultation(id).await?.ok_or(DemoError::Consultations(coso_app::Error::NotFound))?;
    coso_app::consultations::results::publish(app, commune, &done).await.map_err(DemoError::Consultations)?;
    tracing::info!(commune = %commune.code, "demo consultations loaded");
    Ok(2)
}
