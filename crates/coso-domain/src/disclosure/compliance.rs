//! Compliance checks of one disclosure, each with its reason in Vietnamese: the posting period
//! (PUB-6, configurable, unverified), radio on 3 consecutive days for items 7–12 (PUB-3), a draft
//! village convention posted at least 30 days before the vote (PUB-7), the villages whose head has
//! not confirmed the relay (PUB-4), the forms (PUB-2), and whether it was disclosed on time (its due
//! date from the day its content was adopted or received, PUB-6, or from a convention's vote, PUB-7).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::form::Form;

/// The default minimum posting period in days (PUB-6: a recollection of the 2007 Ordinance,
/// not confirmed for the 2022 law — a setting).
pub const DEFAULT_POSTING_MIN_DAYS: u32 = 30;

/// The default number of days after its content is adopted or received within which a disclosure
/// is made (PUB-6: the 2007 Ordinance's 2 days, not confirmed for the 2022 law — a setting).
pub const DEFAULT_PUBLISH_WITHIN_DAYS: u32 = 2;

/// Days a draft village convention stays posted before the vote (PUB-7, Decree 61/2023 Art. 9(1)).
pub const CONVENTION_NOTICE_DAYS: u64 = 30;

/// Consecutive days of radio broadcast for items 7–12 (PUB-3).
pub const RADIO_CONSECUTIVE_DAYS: usize = 3;

/// The configurable numbers of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// `disclosure_posting_min_days`.
    pub posting_min_days: u32,
    /// `disclosure_publish_within_days`.
    pub publish_within_days: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { posting_min_days: DEFAULT_POSTING_MIN_DAYS, publish_within_days: DEFAULT_PUBLISH_WITHIN_DAYS }
    }
}

/// Which check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Forms,
    PostingPeriod,
    RadioConsecutive,
    ConventionNotice,
    VillageRelay,
    Timeliness,
}

impl CheckKind {
    pub const ALL: [CheckKind; 6] = [
        CheckKind::Forms,
        CheckKind::PostingPeriod,
        CheckKind::RadioConsecutive,
        CheckKind::ConventionNotice,
        CheckKind::VillageRelay,
        CheckKind::Timeliness,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Forms => "forms",
            CheckKind::PostingPeriod => "posting_period",
            CheckKind::RadioConsecutive => "radio_consecutive",
            CheckKind::ConventionNotice => "convention_notice",
            CheckKind::VillageRelay => "village_relay",
            CheckKind::Timeliness => "timeliness",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckKind::Forms => "Hình thức công khai",
            CheckKind::PostingPeriod => "Thời gian niêm yết",
            CheckKind::RadioConsecutive => "Phát trên hệ thống truyền thanh 3 ngày liên tiếp",
            CheckKind::ConventionNotice => "Niêm yết dự thảo hương ước, quy ước trước khi biểu quyết",
            CheckKind::VillageRelay => "Trưởng thôn, tổ trưởng tổ dân phố thông tin lại",
            CheckKind::Timeliness => "Thời điểm công khai",
        }
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub check: CheckKind,
    pub ok: bool,
    /// Why, in Vietnamese, with the dates or villages concerned.
    pub reason: String,
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// PUB-2: one or more of the ten forms; «other» only with the legal basis that provides it.
pub fn forms(forms: &[Form], other_basis: Option<&str>) -> Check {
    let check = CheckKind::Forms;
    if forms.is_empty() {
        return Check { check, ok: false, reason: "Chưa chọn hình thức công khai nào.".to_owned() };
    }
    if forms.contains(&Form::Other) && other_basis.is_none_or(|b| b.trim().is_empty()) {
        return Check {
            check,
            ok: false,
            reason: "Hình thức «khác» phải ghi căn cứ pháp luật quy định hình thức đó.".to_owned(),
        };
    }
    let names: Vec<&str> = forms.iter().map(|f| f.label()).collect();
    Check { check, ok: true, reason: format!("Công khai bằng: {}.", names.join("; ")) }
}

/// PUB-6: posted for at least `min_days` days, counted from the day after `from` (C2): posted
/// 04/03 to 03/04 is 30 days. While the posting has no end, it passes once `today` reaches the
/// minimum and says how many days are left before that.
pub fn posting_period(from: NaiveDate, to: Option<NaiveDate>, today: NaiveDate, min_days: u32) -> Check {
    let check = CheckKind::PostingPeriod;
    let earliest_end = from.checked_add_days(Days::new(u64::from(min_days))).unwrap_or(from);
    match to {
        Some(to) => {
            let days = (to - from).num_days();
            if to >= earliest_end {
                Check {
                    check,
                    ok: true,
                    reason: format!(
                        "Niêm yết từ {} đến {} ({days} ngày, tối thiểu {min_days} ngày).",
                        dmy(from),
                        dmy(to)
                    ),
                }
            } else {
                Check {
                    check,
                    ok: false,
                    reason: format!(
                        "Niêm yết từ {} đến {} chỉ {days} ngày, chưa đủ {min_days} ngày: phải niêm yết đến ít nhất {}.",
                        dmy(from),
                        dmy(to),
                        dmy(earliest_end)
                    ),
                }
            }
        }
        None if today >= earliest_end => {
            Check {
                check, ok: true, reason: format!("Đang niêm yết từ {}, đã đủ {min_days} ngày.", dmy(from))
            }
        }
        None => Check {
            check,
            ok: true,
            reason: format!("Đang niêm yết từ {}; giữ niêm yết ít nhất đến {}.", dmy(from), dmy(earliest_end)),
        },
    }
}

/// PUB-3: some run of at least 3 consecutive days among `days` (any order, repeats ignored).
pub fn radio_consecutive(days: &[NaiveDate]) -> Check {
    let check = CheckKind::RadioConsecutive;
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let (mut best, mut run, mut run_start) = (0usize, 0usize, None::<NaiveDate>);
    let mut best_start = None;
    let mut previous: Option<NaiveDate> = None;
    for day in &sorted {
        if previous.and_then(|p| p.succ_opt()) == Some(*day) {
            run += 1;
        } else {
            run = 1;
            run_start = Some(*day);
        }
        if run > best {
            best = run;
            best_start = run_start;
        }
        previous = Some(*day);
    }
    let listed = sorted.iter().map(|d| dmy(*d)).collect::<Vec<_>>().join(", ");
    if best >= RADIO_CONSECUTIVE_DAYS {
        let start = best_start.map(dmy).unwrap_or_default();
        Check { check, ok: true, reason: format!("Đã phát {best} ngày liên tiếp từ {start} ({listed}).") }
    } else if sorted.is_empty() {
        Check {
            check,
            ok: false,
            reason:
                "Nội dung này phải phát trên hệ thống truyền thanh ít nhất 3 ngày liên tiếp; chưa ghi ngày phát nào."
                    .to_owned(),
        }
    } else {
        Check {
            check,
            ok: false,
            reason: format!(
                "Các ngày phát ({listed}) không có 3 ngày liên tiếp; nhiều nhất {best} ngày liên tiếp. \
                 Nội dung này phải phát ít nhất 3 ngày liên tiếp."
            ),
        }
    }
}

/// PUB-7: the first day a community may vote on a draft convention posted on `posted` (+30 days, C2).
pub fn earliest_convention_vote(posted: NaiveDate) -> NaiveDate {
    posted.checked_add_days(Days::new(CONVENTION_NOTICE_DAYS)).unwrap_or(posted)
}

/// PUB-7: the vote on a draft village convention is at least 30 days after its posting.
pub fn convention_notice(posted: NaiveDate, vote_on: NaiveDate) -> Check {
    let check = CheckKind::ConventionNotice;
    let earliest = earliest_convention_vote(posted);
    if vote_on >= earliest {
        Check {
            check,
            ok: true,
            reason: format!(
                "Niêm yết dự thảo từ {}, biểu quyết ngày {} (sớm nhất {}).",
                dmy(posted),
                dmy(vote_on),
                dmy(earliest)
            ),
        }
    } else {
        Check {
            check,
            ok: false,
            reason: format!(
                "Biểu quyết ngày {} quá sớm: dự thảo niêm yết từ {} phải đủ 30 ngày, sớm nhất là ngày {}.",
                dmy(vote_on),
                dmy(posted),
                dmy(earliest)
            ),
        }
    }
}

/// What a disclosure's due date is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueFrom {
    /// The day its content was adopted, issued or received, plus the setting's days (PUB-6).
    Adopted(NaiveDate),
    /// The vote on a draft village convention, less 30 days (PUB-7).
    ConventionVote(NaiveDate),
}

/// The last day a disclosure could be made on time, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub on: NaiveDate,
    pub from: DueFrom,
}

/// The due date of a disclosure: `adopted_on` + `within_days` (C2: the day of adoption is not
/// counted) and, for a draft convention, the vote − 30 days; the earlier of the two. `None` when
/// neither date is known: nothing says when it was due.
pub fn due(adopted_on: Option<NaiveDate>, convention_vote_on: Option<NaiveDate>, within_days: u32) -> Option<Due> {
    let adopted = adopted_on.map(|a| Due {
        on: a.checked_add_days(Days::new(u64::from(within_days))).unwrap_or(a),
        from: DueFrom::Adopted(a),
    });
    let vote = convention_vote_on.map(|v| Due {
        on: v.checked_sub_days(Days::new(CONVENTION_NOTICE_DAYS)).unwrap_or(v),
        from: DueFrom::ConventionVote(v),
    });
    match (adopted, vote) {
        (Some(a), Some(v)) => Some(if v.on < a.on { v } else { a }),
        (a, v) => a.or(v),
    }
}

/// Whether a disclosure first made on `posted_from` was on time: posted on the due day itself is
/// on time; a day later is late. `None` when it has no due date.
pub fn timeliness(
    posted_from: NaiveDate,
    adopted_on: Option<NaiveDate>,
    convention_vote_on: Option<NaiveDate>,
    within_days: u32,
) -> Option<Check> {
    let due = due(adopted_on, convention_vote_on, within_days)?;
    let basis = match due.from {
        DueFrom::Adopted(a) => {
            format!("thông qua, ban hành hoặc nhận được ngày {}, công khai trong {within_days} ngày", dmy(a))
        }
        DueFrom::ConventionVote(v) => {
            format!("biểu quyết ngày {}, dự thảo phải niêm yết trước ít nhất 30 ngày", dmy(v))
        }
    };
    let check = CheckKind::Timeliness;
    let late_days = (posted_from - due.on).num_days();
    Some(if late_days <= 0 {
        Check {
            check,
            ok: true,
            reason: format!("Công khai ngày {}, đúng hạn {} ({basis}).", dmy(posted_from), dmy(due.on)),
        }
    } else {
        Check {
            check,
            ok: false,
            reason: format!(
                "Công khai muộn {late_days} ngày: hạn {}, công khai ngày {} ({basis}).",
                dmy(due.on),
                dmy(posted_from)
            ),
        }
    })
}

/// A village the disclosure must reach, and whether its head confirmed the relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VillageRelay {
    pub name: String,
    pub confirmed: bool,
}

/// PUB-4: every village of the commune has its head's confirmation.
pub fn village_relay(villages: &[VillageRelay]) -> Check {
    let check = CheckKind::VillageRelay;
    let missing: Vec<&str> = villages.iter().filter(|v| !v.confirmed).map(|v| v.name.as_str()).collect();
    if villages.is_empty() {
        Check { check, ok: true, reason: "Xã chưa có thôn, tổ dân phố nào trong hệ thống.".to_owned() }
    } else if missing.is_empty() {
        Check {
            check, ok: true, reason: format!("Cả {} thôn, tổ dân phố đã xác nhận thông tin lại.", villages.len())
        }
    } else {
        Check {
            check,
            ok: false,
            reason: format!(
                "{}/{} thôn, tổ dân phố chưa xác nhận thông tin lại: {}.",
                missing.len(),
                villages.len(),
                missing.join(", ")
            ),
        }
    }
}

/// What the checks of one disclosure read.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub forms: &'a [Form],
    pub other_form_basis: Option<&'a str>,
    pub posted_from: NaiveDate,
    pub posted_to: Option<NaiveDate>,
    pub broadcast_days: &'a [NaiveDate],
    /// The item must go on the radio (items 7–12).
    pub radio_required: bool,
    /// The vote date of a draft village convention, if the disclosure is one.
    pub convention_vote_on: Option<NaiveDate>,
    /// The day its content was adopted, issued or received, if known.
    pub adopted_on: Option<NaiveDate>,
    /// The villages it must reach: those of the commune when the item is one of Art. 13(3) or the
    /// forms include the village heads; empty otherwise.
    pub villages: &'a [VillageRelay],
    pub today: NaiveDate,
}

/// The checks that apply to a disclosure, in a fixed order.
pub fn assess(facts: &Facts<'_>, rules: &Rules) -> Vec<Check> {
    let mut checks = vec![forms(facts.forms, facts.other_form_basis)];
    if facts.forms.contains(&Form::Posting) {
        checks.push(posting_period(facts.posted_from, facts.posted_to, facts.today, rules.posting_min_days));
    }
    if facts.radio_required || facts.forms.contains(&Form::Radio) {
        let radio = radio_consecutive(facts.broadcast_days);
        // Only items 7–12 must be broadcast 3 days running; elsewhere the radio is a choice.
        if facts.radio_required || radio.ok {
            checks.push(radio);
        }
    }
    if let Some(vote_on) = facts.convention_vote_on {
        checks.push(convention_notice(facts.posted_from, vote_on));
    }
    if facts.radio_required || facts.forms.contains(&Form::VillageHead) {
        checks.push(village_relay(facts.villages));
    }
    // A convention's timing is already the notice check; the adoption day adds its own.
    if facts.adopted_on.is_some()
        && let Some(on_time) =
            timeliness(facts.posted_from, facts.adopted_on, facts.convention_vote_on, rules.publish_within_days)
    {
        checks.push(on_time);
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn pub3_three_consecutive_days_pass_and_a_gap_fails() {
        let ok = radio_consecutive(&[d(2024, 3, 4), d(2024, 3, 5), d(2024, 3, 6)]);
        assert!(ok.ok, "{}", ok.reason);
        assert!(ok.reason.contains("04/03/2024"));
        let gap = radio_consecutive(&[d(2024, 3, 4), d(2024, 3, 6), d(2024, 3, 7)]);
        assert!(!gap.ok);
        assert!(gap.reason.contains("không có 3 ngày liên tiếp"), "{}", gap.reason);
        assert!(gap.reason.contains("nhiều nhất 2"), "{}", gap.reason);
    }

    #[test]
    fn radio_days_in_any_order_with_repeats_and_across_a_month() {
        assert!(radio_consecutive(&[d(2024, 3, 1), d(2024, 2, 29), d(2024, 2, 28), d(2024, 2, 28)]).ok);
        assert!(radio_consecutive(&[d(2024, 3, 4), d(2024, 3, 10), d(2024, 3, 11), d(2024, 3, 12)]).ok);
        assert!(!radio_consecutive(&[d(2024, 3, 4), d(2024, 3, 4), d(2024, 3, 5)]).ok);
        let none = radio_consecutive(&[]);
        assert!(!none.ok && none.reason.contains("chưa ghi ngày phát"));
    }

    #[test]
    fn pub7_convention_vote_earliest_thirty_days_after_posting() {
        assert_eq!(earliest_convention_vote(d(2024, 3, 4)), d(2024, 4, 3));
        assert!(convention_notice(d(2024, 3, 4), d(2024, 4, 3)).ok);
        let early = convention_notice(d(2024, 3, 4), d(2024, 4, 1));
        assert!(!early.ok);
        assert!(early.reason.contains("03/04/2024"), "{}", early.reason);
    }

    #[test]
    fn posting_period_counts_from_the_day_after() {
        let ok = posting_period(d(2024, 3, 4), Some(d(2024, 4, 3)), d(2024, 5, 1), 30);
        assert!(ok.ok, "{}", ok.reason);
        let short = posting_period(d(2024, 3, 4), Some(d(2024, 4, 2)), d(2024, 5, 1), 30);
        assert!(!short.ok);
        assert!(short.reason.contains("29 ngày") && short.reason.contains("03/04/2024"), "{}", short.reason);
        // A setting of 15 days accepts what 30 refuses.
        assert!(posting_period(d(2024, 3, 4), Some(d(2024, 3, 19)), d(2024, 5, 1), 15).ok);
        // Still posted: not a failure, and it says until when.
        let running = posting_period(d(2024, 3, 4), None, d(2024, 3, 10), 30);
        assert!(running.ok && running.reason.contains("03/04/2024"), "{}", running.reason);
    }

    #[test]
    fn villages_without_a_confirmed_relay_are_named() {
        let villages = [
            VillageRelay { name: "Thôn Đông".to_owned(), confirmed: true },
            VillageRelay { name: "Thôn Tây".to_owned(), confirmed: false },
        ];
        let check = village_relay(&villages);
        assert!(!check.ok);
        assert!(check.reason.starts_with("1/2") && check.reason.contains("Thôn Tây"), "{}", check.reason);
        assert!(!check.reason.contains("Thôn Đông"));
        assert!(village_relay(&[VillageRelay { name: "A".to_owned(), confirmed: true }]).ok);
    }

    #[test]
    fn other_form_needs_a_legal_basis() {
        assert!(!forms(&[Form::Other], None).ok);
        assert!(!forms(&[Form::Other], Some("  ")).ok);
        assert!(forms(&[Form::Other], Some("Nghị định 61/2023")).ok);
        assert!(!forms(&[], None).ok);
    }

    #[test]
    fn assess_applies_only_the_checks_that_fit() {
        let days = [d(2024, 3, 4), d(2024, 3, 6), d(2024, 3, 7)];
        let villages = [VillageRelay { name: "Thôn 1".to_owned(), confirmed: false }];
        let item8 = Facts {
            forms: &[Form::Posting, Form::Radio],
            other_form_basis: None,
            posted_from: d(2024, 3, 4),
            posted_to: Some(d(2024, 4, 10)),
            broadcast_days: &days,
            radio_required: true,
            convention_vote_on: None,
            adopted_on: None,
            villages: &villages,
            today: d(2024, 5, 1),
        };
        let checks = assess(&item8, &Rules::default());
        let kinds: Vec<_> = checks.iter().map(|c| (c.check, c.ok)).collect();
        assert_eq!(
            kinds,
            [
                (CheckKind::Forms, true),
                (CheckKind::PostingPeriod, true),
                (CheckKind::RadioConsecutive, false),
                (CheckKind::VillageRelay, false)
            ]
        );
        // Item 1 on the portal only: no posting, radio or relay check.
        let item1 = Facts { forms: &[Form::Portal], radio_required: false, broadcast_days: &[], ..item8 };
        assert_eq!(assess(&item1, &Rules::default()).len(), 1);
        // With the day it was adopted, whether it was on time.
        let adopted = Facts { adopted_on: Some(d(2024, 3, 1)), ..item1 };
        let checks = assess(&adopted, &Rules::default());
        assert_eq!(checks.last().map(|c| (c.check, c.ok)), Some((CheckKind::Timeliness, false)));
    }

    #[test]
    fn pub6_due_two_days_after_adoption_and_the_due_day_itself_is_on_time() {
        // Adopted 01/03: due 03/03 (the day of adoption not counted, C2).
        let on_due_day = timeliness(d(2024, 3, 3), Some(d(2024, 3, 1)), None, 2).expect("due");
        assert!(on_due_day.ok, "{}", on_due_day.reason);
        assert!(on_due_day.reason.contains("03/03/2024"), "{}", on_due_day.reason);
        let a_day_late = timeliness(d(2024, 3, 4), Some(d(2024, 3, 1)), None, 2).expect("due");
        assert!(!a_day_late.ok);
        assert!(
            a_day_late.reason.contains("muộn 1 ngày")
                && a_day_late.reason.contains("hạn 03/03/2024")
                && a_day_late.reason.contains("04/03/2024"),
            "{}",
            a_day_late.reason
        );
        // Before adoption (a draft) is not late; no date, no due date.
        assert!(timeliness(d(2024, 2, 20), Some(d(2024, 3, 1)), None, 2).is_some_and(|c| c.ok));
        assert!(timeliness(d(2024, 3, 4), None, None, 2).is_none());
        // A setting of 5 days accepts what 2 refuses.
        assert!(timeliness(d(2024, 3, 4), Some(d(2024, 3, 1)), None, 5).is_some_and(|c| c.ok));
    }

    #[test]
    fn pub7_a_convention_posted_less_than_thirty_days_before_its_vote_is_late() {
        // Vote 03/04/2024: posted by 04/03 at the latest (the PUB-7 case read backwards).
        assert_eq!(due(None, Some(d(2024, 4, 3)), 2).map(|x| x.on), Some(d(2024, 3, 4)));
        assert!(timeliness(d(2024, 3, 4), None, Some(d(2024, 4, 3)), 2).is_some_and(|c| c.ok));
        let late = timeliness(d(2024, 3, 6), None, Some(d(2024, 4, 3)), 2).expect("due");
        assert!(!late.ok && late.reason.contains("muộn 2 ngày"), "{}", late.reason);
        // Both known: the earlier due date counts.
        assert_eq!(due(Some(d(2024, 3, 1)), Some(d(2024, 4, 3)), 2).map(|x| x.on), Some(d(2024, 3, 3)));
    }
}
