//! Dissemination in the demo: the province keeps the Law on Grassroots Democracy and its
//! decree in its legal library (every commune's residents see them there); the first communes
//! (the accounts' own first) keep their yearly plan and a village's convention, publish news in
//! the default categories (one post left as a draft), and log a year of trainings. Everything
//! is dated back from the load day.

use chrono::{Datelike, Days, NaiveDate};
use coso_app::{Actor, App};
use coso_domain::authz::{Action, Permit};
use coso_domain::dissemination::{LibraryData, LibraryKind, NewsData, NewsStatus, TrainingData, TrainingForm};
use coso_store::{LibraryFile, LibraryFilter, UnitRow};

use crate::error::DemoError;

/// Communes that get news, their own documents and a log of trainings.
const COMMUNES: usize = 3;

/// News of a commune: (days before the load day, category, title, body). The last stays a draft.
const NEWS: [(u64, &str, &str, &str); 6] = [
    (
        80,
        "Phổ biến pháp luật",
        "Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở",
        "UBND xã tổ chức hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở cho cán bộ, công chức và trưởng thôn.\n\nHội nghị giới thiệu những nội dung phải công khai, những việc Nhân dân bàn và quyết định, và cách Nhân dân kiểm tra, giám sát.",
    ),
    (
        55,
        "Thông báo",
        "Thông báo lịch tiếp công dân của Chủ tịch UBND xã",
        "Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở UBND xã.\n\nNgười dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung trình bày.",
    ),
    (
        34,
        "Hoạt động chính quyền",
        "Hoàn thành sửa chữa đường liên thôn",
        "Tuyến đường liên thôn dài 1,2 km đã được sửa chữa, bê tông hóa bằng ngân sách xã và đóng góp tự nguyện của Nhân dân.\n\nBan Giám sát đầu tư của cộng đồng đã giám sát suốt quá trình thi công.",
    ),
    (
        20,
        "Phổ biến pháp luật",
        "Tuyên truyền pháp luật về đất đai trên hệ thống truyền thanh",
        "Đài truyền thanh xã phát chuyên mục hỏi đáp pháp luật về đất đai vào 17 giờ thứ Hai, thứ Tư, thứ Sáu hằng tuần.",
    ),
    (
        7,
        "Thông báo",
        "Lấy ý kiến Nhân dân về dự thảo quy ước thôn",
        "UBND xã đề nghị các hộ gia đình cho ý kiến về dự thảo quy ước của thôn trước ngày họp thôn.\n\nÝ kiến gửi trưởng thôn hoặc góp trực tiếp tại nhà văn hóa thôn.",
    ),
    (
        1,
        "Hoạt động chính quyền",
        "Kết quả thực hiện dân chủ ở cơ sở năm nay (dự thảo)",
        "Bản tin đang được hoàn thiện.",
    ),
];

/// A year of trainings: (days before the load day, form, topic, audience, attendance).
const TRAININGS: [(u64, TrainingForm, &str, &str, i64); 8] = [
    (
        350,
        TrainingForm::Conference,
        "Phổ biến Luật Thực hiện dân chủ ở cơ sở",
        "Cán bộ, công chức xã và trưởng thôn",
        85,
    ),
    (300, TrainingForm::Radio, "Quyền và nghĩa vụ của công dân ở cơ sở", "Toàn thể Nhân dân", 0),
    (
        250,
        TrainingForm::Training,
        "Tập huấn kỹ năng tổ chức họp cộng đồng dân cư",
        "Trưởng thôn, bí thư chi bộ thôn",
        32,
    ),
    (200, TrainingForm::Meeting, "Phổ biến Nghị định 59/2023/NĐ-CP", "Hộ gia đình thôn", 120),
    (150, TrainingForm::Leaflet, "Tờ rơi về nội dung công khai cho Nhân dân biết", "Hộ gia đình", 900),
    (100, TrainingForm::Online, "Hội nghị trực tuyến triển khai kế hoạch năm", "Cán bộ, công chức xã", 40),
    (60, TrainingForm::Conference, "Tuyên truyền pháp luật về hòa giải ở cơ sở", "Tổ hòa giải các thôn", 55),
    (14, TrainingForm::Training, "Tập huấn Ban Thanh tra nhân dân", "Thành viên Ban Thanh tra nhân dân", 25),
];

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn permit(actor: &Actor, unit: &UnitRow) -> Result<Permit, DemoError> {
    actor.authorize(&unit.unit_path(), Action::Disseminate).map_err(|_| DemoError::Forbidden(unit.code.clone()))
}

fn document(kind: LibraryKind, number: &str, title: &str, issued_on: NaiveDate, issuer: &str) -> LibraryData {
    LibraryData { kind, number: number.into(), title: title.into(), issued_on, issuer: issuer.into(), expires_on: None }
}

/// A Markdown file and its text, as the library reads it for the search.
fn markdown(file_name: &str, text: String) -> LibraryFile {
    LibraryFile {
        file_name: file_name.into(),
        content_type: "text/markdown; charset=utf-8".into(),
        data: text.clone().into_bytes(),
        text,
    }
}

/// Loads the library of the province and, for the first communes that have no document yet,
/// their documents, news and trainings. Returns the posts written.
pub async fn load(
    app: &App,
    province: &UnitRow,
    communes: &[UnitRow],
    demo_commune: &str,
    actor: &Actor,
) -> Result<usize, DemoError> {
    let store = app.store();
    let today = app.today();
    let any = LibraryFilter { limit: 1, ..LibraryFilter::default() };
    if store.library_documents(&[province.id], &any).await?.is_empty() {
        let p = permit(actor, province)?;
        let law = document(
            LibraryKind::Law,
            "10/2022/QH15",
            "Luật Thực hiện dân chủ ở cơ sở",
            NaiveDate::from_ymd_opt(2022, 11, 10).unwrap_or(today),
            "Quốc hội",
        );
        let decree = document(
            LibraryKind::Decree,
            "59/2023/NĐ-CP",
            "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
            NaiveDate::from_ymd_opt(2023, 8, 14).unwrap_or(today),
            "Chính phủ",
        );
        store.add_library_document(&p, province, &law, None, actor.audit()).await?;
        store.add_library_document(&p, province, &decree, None, actor.audit()).await?;
    }
    let mut ordered: Vec<&UnitRow> = communes.iter().filter(|c| c.code == demo_commune).collect();
    ordered.extend(communes.iter().filter(|c| c.code != demo_commune));
    let mut posts = 0;
    for commune in ordered.into_iter().take(COMMUNES) {
        if !store.library_documents(&[commune.id], &any).await?.is_empty() {
            continue;
        }
        let p = permit(actor, commune)?;
        let year = today.year();
        let issuer = format!("UBND {}", commune.name);
        let plan = document(
            LibraryKind::Plan,
            "12/KH-UBND",
            &format!("Kế hoạch thực hiện dân chủ ở cơ sở năm {year}"),
            NaiveDate::from_ymd_opt(year, 1, 15).filter(|d| *d <= today).unwrap_or(back(today, 30)),
            &issuer,
        );
        let plan_text = format!(
            "# Kế hoạch thực hiện dân chủ ở cơ sở năm {year}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nCông khai đầy đủ các nội dung phải công khai; tổ chức để Nhân dân bàn và quyết định; lấy ý kiến Nhân dân trước khi quyết định.\n\nII. NỘI DUNG\n\n1. Tổ chức hội nghị phổ biến pháp luật về dân chủ ở cơ sở.\n2. Duy trì chuyên mục trên đài truyền thanh xã."
        );
        store
            .add_library_document(&p, commune, &plan, Some(&markdown("ke-hoach.md", plan_text)), actor.audit())
            .await?;
        let convention = document(
            LibraryKind::Convention,
            "01/QƯ",
            &format!("Quy ước thôn 1, {}", commune.name),
            back(today, 400),
            "Hội nghị cộng đồng dân cư thôn 1",
        );
        let convention_text = "# Quy ước thôn\n\nĐiều 1. Giữ gìn vệ sinh đường làng, ngõ xóm.\n\nĐiều 2. Tổ chức việc cưới, việc tang văn minh, tiết kiệm.".to_string();
        store
            .add_library_document(
                &p,
                commune,
                &convention,
                Some(&markdown("quy-uoc.md", convention_text)),
                actor.audit(),
            )
            .await?;
        for (n, (days, category, title, body)) in NEWS.iter().enumerate() {
            let data = NewsData { title: (*title).into(), body: (*body).into(), category: (*category).into() };
            let id = store.create_news(&p, commune, &data, &[], actor.audit()).await?;
            if n + 1 < NEWS.len() {
                store
                    .set_news_status(&p, commune, id, NewsStatus::Published, back(today, *days), actor.audit())
                    .await?;
            }
            posts += 1;
        }
        for (days, form, topic, audience, attendance) in TRAININGS {
            let data = TrainingData {
                held_on: back(today, days),
                topic: topic.into(),
                form,
                audience: audience.into(),
                attendance,
                notes: None,
            };
            store.record_training(&p, commune, &data, actor.audit()).await?;
        }
    }
    Ok(posts)
}
