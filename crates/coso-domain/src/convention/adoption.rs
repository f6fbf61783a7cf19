//! The vote that adopts a convention (HU-5, DEC-6, DEC-7): more than half of **all** the
//! households of the community agree; a meeting counts only when more than half of the
//! households attend, else a household ballot may be held. The vote comes at least 30 days
//! after the draft was posted (PUB-7, HU-4).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AdoptionForm, Outcome, codes_parse};
use crate::decision::{Comparison, DecisionForm, Matter, meets, required};
use crate::field::{self, Errors, FieldError};

/// The rule id of the posting period in the legal calendar.
pub const POSTING_RULE: &str = "convention.posting";

/// A vote as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AdoptionInput {
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub households: String,
    #[serde(default)]
    pub present: String,
    #[serde(default)]
    pub yes: String,
}

/// A checked vote: `present` is the households at the meeting, or the ballots returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub form: AdoptionForm,
    pub date: NaiveDate,
    pub households: u32,
    pub present: u32,
    pub yes: u32,
}

/// A whole number typed in a field.
pub fn count(field: &'static str, label: &str, raw: &str) -> Result<u32, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, format!("Nhập {}.", label.to_lowercase())));
    }
    t.parse::<u32>().map_err(|_| FieldError::new(field, format!("{label} phải là một số nguyên không âm.")))
}

impl Tally {
    pub fn parse(input: &AdoptionInput) -> Result<Tally, Vec<FieldError>> {
        let mut e = Errors::default();
        let form = e.take(codes_parse("form", "Hình thức thông qua", &input.form));
        let date = e.take(field::date("date", "Ngày biểu quyết", &input.date));
        let households = e.take(count("households", "Tổng số hộ gia đình", &input.households));
        let present_label =
            if form == Some(AdoptionForm::Ballot) { "Số phiếu thu về" } else { "Số hộ tham dự" };
        let present = e.take(count("present", present_label, &input.present));
        let yes = e.take(count("yes", "Số hộ đồng ý", &input.yes));
        if households == Some(0) {
            e.push(FieldError::new("households", "Cộng đồng phải có ít nhất một hộ gia đình."));
        }
        if let (Some(h), Some(p)) = (households, present)
            && p > h
        {
            e.push(FieldError::new("present", format!("{present_label} ({p}) không thể lớn hơn tổng số hộ ({h}).")));
        }
        if let (Some(p), Some(y)) = (present, yes)
            && y > p
        {
            e.push(FieldError::new(
                "yes",
                format!("Số hộ đồng ý ({y}) không thể lớn hơn {} ({p}).", present_label.to_lowercase()),
            ));
        }
        match (form, date, households, present, yes) {
            (Some(form), Some(date), Some(households), Some(present), Some(yes)) if e.is_empty() => {
                Ok(Tally { form, date, households, present, yes })
            }
            _ => Err(e.0),
        }
    }
}

/// What a vote gave, and why, as the community and the commune read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The yes votes needed: more than half of all households.
    pub required: u32,
    /// The households a meeting needs present: more than half of all households.
    pub attendance_required: u32,
    pub outcome: Outcome,
    pub reason: String,
}

/// Judges a vote against all the households of the community (DEC-6, DEC-7, HU-5).
pub fn judge(t: &Tally) -> Judgement {
    let needed = required(t.households, Comparison::MoreThanHalf);
    let (h, p, y) = (t.households, t.present, t.yes);
    let (outcome, reason) = if t.form == AdoptionForm::Meeting && !meets(p, h, Comparison::MoreThanHalf) {
        (
            Outcome::RatioUnreachable,
            format!(
                "Chỉ có {p}/{h} hộ dự họp, không quá một nửa số hộ (cần ít nhất {needed} hộ): cuộc họp không thể \
                 thông qua; có thể phát phiếu lấy ý kiến hộ gia đình (Nghị định 61/2023/NĐ-CP, Điều 10)."
            ),
        )
    } else if meets(y, h, Comparison::MoreThanHalf) {
        (Outcome::Adopted, format!("{y}/{h} hộ đồng ý, quá một nửa tổng số hộ gia đình (cần ít nhất {needed} hộ)."))
    } else {
        (
            Outcome::NotAdopted,
            format!(
                "{y}/{h} hộ đồng ý, chưa quá một nửa tổng số hộ gia đình (cần ít nhất {needed} hộ), dù {y}/{p} {} \
                 đồng ý.",
                if t.form == AdoptionForm::Meeting { "hộ dự họp" } else { "phiếu thu về" }
            ),
        )
    };
    Judgement { required: needed, attendance_required: needed, outcome, reason }
}

/// Refuses a vote before the posting period ends or after `today`, and a ballot that no
/// meeting lacking attendance came before (HU-5(b)). `earliest` is the first day the legal
/// calendar allows ([`POSTING_RULE`]).
pub fn check_vote(
    t: &Tally,
    posted_on: NaiveDate,
    earliest: NaiveDate,
    today: NaiveDate,
    meeting_lacked_attendance: bool,
) -> Result<(), FieldError> {
    if t.date > today {
        return Err(FieldError::new("date", "Ngày biểu quyết không được sau hôm nay."));
    }
    if t.date < earliest {
        let days = (t.date - posted_on).num_days();
        return Err(FieldError::new(
            "date",
            format!(
                "Dự thảo niêm yết từ ngày {} đến ngày {} mới được {days} ngày; phải niêm yết ít nhất 30 ngày \
                 (Nghị định 61/2023/NĐ-CP, khoản 1 Điều 9; quy tắc {POSTING_RULE}): ngày sớm nhất được biểu quyết \
                 là {}.",
                posted_on.format("%d/%m/%Y"),
                t.date.format("%d/%m/%Y"),
                earliest.format("%d/%m/%Y")
            ),
        ));
    }
    if t.form == AdoptionForm::Ballot && !meeting_lacked_attendance {
        return Err(FieldError::new(
            "form",
            "Chỉ phát phiếu lấy ý kiến hộ gia đình khi cuộc họp không đủ quá một nửa số hộ tham dự \
             (Nghị định 61/2023/NĐ-CP, Điều 10): hãy ghi kết quả cuộc họp trước.",
        ));
    }
    Ok(())
}

/// What a community decision recorded, as the vote of a convention reads it (HU-5 through
/// DEC-*): its matter and form, its first day, all the households of its snapshot, those
/// present (or the ballots returned) and the votes; `decided` once its result is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionCounts {
    pub matter: Matter,
    pub form: DecisionForm,
    pub held_on: NaiveDate,
    pub households: i64,
    pub present: Option<i64>,
    pub yes: Option<i64>,
    pub no: Option<i64>,
    pub invalid: Option<i64>,
    pub decided: bool,
}

/// The tally a decision gives a convention's vote, dated on the decision's first day (the
/// day PUB-7's posting period is held against), or why it cannot be the convention's vote,
/// naming the field `decision`.
pub fn tally_of_decision(d: &DecisionCounts) -> Result<Tally, FieldError> {
    let refuse = |m: String| FieldError::new("decision", m);
    if d.matter != Matter::Convention {
        return Err(refuse(format!(
            "Quyết định này thuộc nội dung «{}», không phải nội dung 3 «{}».",
            d.matter.label(),
            Matter::Convention.label()
        )));
    }
    let form = match d.form {
        DecisionForm::Meeting => AdoptionForm::Meeting,
        DecisionForm::Ballot => AdoptionForm::Ballot,
        DecisionForm::Online => {
            return Err(refuse("Hương ước, quy ước không được thông qua bằng biểu quyết trực tuyến.".into()));
        }
    };
    if !d.decided {
        return Err(refuse("Quyết định này chưa có kết quả; hãy ghi kết quả trước.".into()));
    }
    let count = |v: i64| u32::try_from(v).map_err(|_| refuse("Số liệu của quyết định không hợp lệ.".into()));
    let returned = match (d.present, form) {
        (Some(p), _) => Some(p),
        (None, AdoptionForm::Ballot) => d.yes.map(|y| y + d.no.unwrap_or(0) + d.invalid.unwrap_or(0)),
        (None, AdoptionForm::Meeting) => None,
    };
    let present = returned.ok_or_else(|| refuse("Quyết định này chưa có số hộ dự họp.".into()))?;
    let households = count(d.households)?;
    let present = count(present)?.min(households);
    let yes = count(d.yes.unwrap_or(0))?.min(present);
    Ok(Tally { form, date: d.held_on, households, present, yes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(form: AdoptionForm, households: u32, present: u32, yes: u32) -> Tally {
        let date = NaiveDate::from_ymd_opt(2024, 3, 4).expect("date");
        Tally { form, date, households, present, yes }
    }

    #[test]
    fn worked_cases_of_hu_5() {
        // 120 households, 64 present, 62 in favour: valid and adopted.
        let j = judge(&tally(AdoptionForm::Meeting, 120, 64, 62));
        assert_eq!((j.outcome, j.required), (Outcome::Adopted, 61));
        assert_eq!(j.reason, "62/120 hộ đồng ý, quá một nửa tổng số hộ gia đình (cần ít nhất 61 hộ).");
        // 64 present, 60 in favour: not adopted.
        assert_eq!(judge(&tally(AdoptionForm::Meeting, 120, 64, 60)).outcome, Outcome::NotAdopted);
        // 59 present: the meeting cannot adopt; a ballot may.
        let j = judge(&tally(AdoptionForm::Meeting, 120, 59, 59));
        assert_eq!(j.outcome, Outcome::RatioUnreachable);
        assert!(j.reason.contains("59/120 hộ dự họp") && j.reason.contains("phát phiếu"), "{}", j.reason);
        // The ballot is held against all households too, with no attendance needed.
        assert_eq!(judge(&tally(AdoptionForm::Ballot, 120, 70, 61)).outcome, Outcome::Adopted);
        assert_eq!(judge(&tally(AdoptionForm::Ballot, 120, 70, 60)).outcome, Outcome::NotAdopted);
    }

    #[test]
    fn a_majority_of_those_present_is_not_enough() {
        let j = judge(&tally(AdoptionForm::Meeting, 120, 70, 58));
        assert_eq!(j.outcome, Outcome::NotAdopted);
        assert!(j.reason.contains("dù 58/70 hộ dự họp đồng ý"), "{}", j.reason);
    }

    fn input(form: &str, households: &str, present: &str, yes: &str) -> AdoptionInput {
        AdoptionInput {
            form: form.into(),
            date: "04/03/2024".into(),
            households: households.into(),
            present: present.into(),
            yes: yes.into(),
        }
    }

    #[test]
    fn counts_that_cannot_be_are_refused_naming_the_field() {
        let errs = Tally::parse(&input("meeting", "120", "130", "10")).expect_err("more present than households");
        assert_eq!(errs[0].field, "present");
        let errs = Tally::parse(&input("meeting", "120", "70", "71")).expect_err("more yes than present");
        assert_eq!(errs[0].field, "yes");
        assert_eq!(errs[0].message, "Số hộ đồng ý (71) không thể lớn hơn số hộ tham dự (70).");
        let errs = Tally::parse(&input("online", "-1", "x", "")).expect_err("garbage");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["form", "households", "present", "yes"]);
        assert!(Tally::parse(&input("ballot", "120", "70", "66")).is_ok());
    }

    #[test]
    fn a_vote_twenty_days_after_posting_is_refused_with_the_first_allowed_day() {
        // PUB-7: posted 2024-03-04, the earliest vote is 2024-04-03.
        let posted = NaiveDate::from_ymd_opt(2024, 3, 4).expect("date");
        let earliest = NaiveDate::from_ymd_opt(2024, 4, 3).expect("date");
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
        let mut t = tally(AdoptionForm::Meeting, 120, 70, 66);
        t.date = NaiveDate::from_ymd_opt(2024, 3, 24).expect("date");
        let e = check_vote(&t, posted, earliest, today, false).expect_err("20 days");
        assert_eq!(e.field, "date");
        assert!(e.message.contains("mới được 20 ngày"), "{}", e.message);
        assert!(e.message.contains("convention.posting"), "{}", e.message);
        assert!(e.message.contains("ngày sớm nhất được biểu quyết là 03/04/2024"), "{}", e.message);
        t.date = NaiveDate::from_ymd_opt(2024, 4, 1).expect("date");
        assert!(check_vote(&t, posted, earliest, today, false).is_err(), "a meeting on 04-01 is blocked");
        t.date = earliest;
        assert_eq!(check_vote(&t, posted, earliest, today, false), Ok(()));
        t.date = NaiveDate::from_ymd_opt(2024, 6, 2).expect("date");
        assert!(check_vote(&t, posted, earliest, today, false).is_err(), "no vote in the future");
    }

    #[test]
    fn a_ballot_comes_only_after_a_meeting_lacking_attendance() {
        let posted = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
        let t = tally(AdoptionForm::Ballot, 120, 70, 66);
        let e = check_vote(&t, posted, posted, t.date, false).expect_err("no meeting first");
        assert_eq!(e.field, "form");
        assert_eq!(check_vote(&t, posted, posted, t.date, true), Ok(()));
    }

    fn counts(matter: Matter, form: DecisionForm) -> DecisionCounts {
        DecisionCounts {
            matter,
            form,
            held_on: NaiveDate::from_ymd_opt(2024, 4, 3).expect("date"),
            households: 120,
            present: Some(64),
            yes: Some(62),
            no: Some(2),
            invalid: Some(0),
            decided: true,
        }
    }

    #[test]
    fn a_decision_of_matter_3_gives_the_vote() {
        let t = tally_of_decision(&counts(Matter::Convention, DecisionForm::Meeting)).expect("tally");
        assert_eq!((t.form, t.households, t.present, t.yes), (AdoptionForm::Meeting, 120, 64, 62));
        assert_eq!(judge(&t).outcome, Outcome::Adopted);
        // A ballot's returned sheets are its votes when no attendance was recorded.
        let mut c = counts(Matter::Convention, DecisionForm::Ballot);
        c.present = None;
        let t = tally_of_decision(&c).expect("ballot");
        assert_eq!((t.form, t.present), (AdoptionForm::Ballot, 64));
        // A meeting closed without a vote: its attendance says it could not adopt.
        let mut c = counts(Matter::Convention, DecisionForm::Meeting);
        (c.present, c.yes) = (Some(50), None);
        assert_eq!(judge(&tally_of_decision(&c).expect("closed")).outcome, Outcome::RatioUnreachable);
    }

    #[test]
    fn other_matters_online_votes_and_open_decisions_are_refused() {
        let e = tally_of_decision(&counts(Matter::Contributions, DecisionForm::Meeting)).expect_err("matter 1");
        assert_eq!(e.field, "decision");
        assert!(e.message.contains("không phải nội dung 3"), "{}", e.message);
        assert!(tally_of_decision(&counts(Matter::Convention, DecisionForm::Online)).is_err());
        let mut c = counts(Matter::Convention, DecisionForm::Meeting);
        c.decided = false;
        assert!(tally_of_decision(&c).expect_err("open").message.contains("chưa có kết quả"));
    }
}
