//! The disclosure register in the demo: a year of disclosures in the first six communes, dated back
//! from the load day. Every commune skips some required items (so the compliance view has
//! gaps to show; the budget estimate is missing in some), the accounts' commune has one
//! inspection result broadcast on days with a gap (failing the radio rule), and village heads
//! have confirmed the relay in about half of the villages.

use chrono::{Days, NaiveDate};
use coso_app::disclosures::{self, Upload};
use coso_app::{Actor, App};
use coso_domain::DisclosureId;
use coso_domain::disclosure::{DisclosureInput, RelayInput};
use coso_store::UnitRow;

use crate::error::DemoError;
use crate::rng::Rng;

/// Communes that keep a register in the demo (the first of the list, the accounts' first).
const COMMUNES: usize = 6;
/// Out of 100, how often a commune skipped an item.
const SKIP_PERCENT: u64 = 30;

/// (item, title, content, days before the load day it was first published, forms).
const PLAN: &[(u8, &str, &str, u64, &[&str])] = &[
    (
        1,
        "Kế hoạch phát triển kinh tế - xã hội năm nay",
        "Chỉ tiêu thu nhập bình quân, trồng trọt, chăn nuôi và xây dựng nông thôn mới được Hội đồng nhân dân xã thông qua.",
        330,
        &["posting", "portal"],
    ),
    (
        2,
        "Dự toán ngân sách xã năm nay",
        "Dự toán thu, chi ngân sách xã đã được Hội đồng nhân dân xã quyết định; chi tiết trong tệp đính kèm.",
        320,
        &["posting", "portal", "village_head"],
    ),
    (
        3,
        "Danh mục công trình đầu tư trên địa bàn xã",
        "Đường liên thôn, nhà văn hóa thôn và kênh mương nội đồng: tiến độ và nguồn vốn.",
        250,
        &["posting", "portal"],
    ),
    (
        10,
        "Mức thu phí, lệ phí do xã trực tiếp thu",
        "Lệ phí chứng thực, phí sử dụng chợ, lệ phí đăng ký hộ tịch áp dụng tại xã.",
        200,
        &["posting", "radio", "written_notice"],
    ),
    (
        8,
        "Kết luận thanh tra việc quản lý quỹ phòng, chống thiên tai",
        "Kết luận thanh tra của Ủy ban nhân dân xã và việc khắc phục các thiếu sót đã nêu.",
        90,
        &["posting", "radio"],
    ),
    (
        9,
        "Kết quả lấy ý kiến Nhân dân về dự án đường liên thôn",
        "Tổng hợp ý kiến của các hộ gia đình và việc tiếp thu, giải trình của Ủy ban nhân dân xã.",
        40,
        &["posting", "radio", "village_head"],
    ),
];

fn before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A small PDF standing for the attached document of item `item`.
fn attachment(item: u8) -> Upload {
    let body = format!("%PDF-1.4\n% noi dung cong khai {item}\n%%EOF\n");
    Upload { file_name: format!("tai-lieu-noi-dung-{item}.pdf"), bytes: body.into_bytes() }
}

/// Records the demo year for the first communes of `units` (commune, its villages); nothing
/// for a commune whose register is not empty. Returns the disclosures recorded.
pub async fn load(app: &App, units: &[(UnitRow, Vec<UnitRow>)], actor: &Actor) -> Result<usize, DemoError> {
    let today = app.today();
    let mut recorded = 0;
    for (index, (commune, villages)) in units.iter().take(COMMUNES).enumerate() {
        let filter = coso_store::DisclosureFilter { limit: 1, ..Default::default() };
        if !app.store().disclosures_of_unit(commune.id, &filter).await?.0.is_empty() {
            continue;
        }
        let mut rng = Rng::for_key(&format!("cong-khai:{}", commune.code));
        let accounts_commune = index == 0;
        for (item, title, content, ago, forms) in PLAN {
            // The accounts' commune shows every item; the others skip some.
            // Every third commune has not disclosed its budget estimate.
            let budget_missing = *item == 2 && index % 3 == 2;
            if !accounts_commune && (budget_missing || rng.chance(SKIP_PERCENT)) {
                continue;
            }
            let from = before(today, *ago);
            let radio = forms.contains(&"radio");
            // The accounts' inspection result was broadcast with a gap: the radio rule fails.
            let days: Vec<NaiveDate> = if !radio {
                Vec::new()
            } else if accounts_commune && *item == 8 {
                [0, 2, 3].iter().filter_map(|d| from.checked_add_days(Days::new(*d))).collect()
            } else {
                (0..3).filter_map(|d| from.checked_add_days(Days::new(d))).collect()
            };
            // Adopted a day or two before; the accounts' budget estimate was posted late (PUB-6).
            let adopted = before(from, if accounts_commune && *item == 2 { 6 } else { 1 + u64::from(*item % 2) });
            let input = DisclosureInput {
                item: item.to_string(),
                title: (*title).to_owned(),
                content: (*content).to_owned(),
                forms: forms.iter().map(|f| (*f).to_owned()).collect(),
                place: "Trụ sở Ủy ban nhân dân xã và nhà văn hóa các thôn".to_owned(),
                posted_from: dmy(from),
                posted_to: dmy(from.checked_add_days(Days::new(30 + rng.range(0, 10))).unwrap_or(from)),
                broadcast_days: days.iter().map(|d| dmy(*d)).collect::<Vec<_>>().join(", "),
                adopted_on: dmy(adopted),
                ..DisclosureInput::default()
            };
            let id = disclosures::record_with_files(app, actor, commune, &input, &[attachment(*item)], &[])
                .await
                .map_err(DemoError::Disclosures)?;
            recorded += 1;
            if radio || forms.contains(&"village_head") {
                relay_half(app, actor, villages, id, from, &mut rng).await?;
            }
        }
    }
    Ok(recorded)
}

/// About half the villages confirm the relay, a few days after the publication.
async fn relay_half(
    app: &App,
    actor: &Actor,
    villages: &[UnitRow],
    id: DisclosureId,
    from: NaiveDate,
    rng: &mut Rng,
) -> Result<(), DemoError> {
    const METHODS: &[&str] = &["meeting", "text_message", "social_network", "written_notice"];
    for village in villages {
        if !rng.chance(50) {
            continue;
        }
        let on = from.checked_add_days(Days::new(rng.range(1, 6))).unwrap_or(from).min(app.today());
        let input = RelayInput { method: (*rng.pick(METHODS)).to_owned(), relayed_on: dmy(on), note: String::new() };
        disclosures::relay(app, actor, village, id, &input).await.map_err(DemoError::Disclosures)?;
    }
    Ok(())
}
