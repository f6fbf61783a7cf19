//! The yearly staff conference (*hội nghị cán bộ, công chức, viên chức, người lao động*, Law
//! 10/2022 Art. 51): held after the work year ends and no later than 3 months into the next
//! (AG-3, the calendar's `staff_conference.deadline`); valid when at least two thirds of the
//! staff are present, its resolutions passing with more than half of those present (AG-4).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::decision::threshold::{Comparison, meets, required};
use crate::dialogue::request::count;
use crate::field::{self, Errors, FieldError};

/// The calendar rule of the conference's deadline, counted from the work year's last day (AG-3).
pub const DEADLINE_RULE: &str = "staff_conference.deadline";
/// The id the API gives that deadline.
pub const DUE_RULE: &str = "staff_conference.due";

/// The last day of a work year: coso takes the calendar year, as the state budget does.
pub fn work_year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// The fewest present that make a conference of `staff` valid: two thirds, rounded up (AG-4).
pub fn quorum(staff: u32) -> u32 {
    let needed = u64::from(staff) * 2;
    u32::try_from(needed.div_ceil(3)).unwrap_or(u32::MAX)
}

/// One resolution as typed: what it decides and how many present voted for it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ResolutionInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub yes: String,
}

/// A conference as the agency records it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct StaffConferenceInput {
    /// The work year the conference reviews (`2024`).
    #[serde(default)]
    pub work_year: String,
    #[serde(default)]
    pub held_on: String,
    /// All the staff of the agency (or the delegates convened).
    #[serde(default)]
    pub staff: String,
    #[serde(default)]
    pub present: String,
    #[serde(default)]
    pub resolutions: Vec<ResolutionInput>,
    #[serde(default)]
    pub minutes: String,
}

/// A checked resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionData {
    pub title: String,
    pub yes: u32,
}

/// A checked conference: no more present than staff, no more yes than present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffConferenceData {
    pub work_year: i32,
    pub held_on: Option<NaiveDate>,
    pub staff: u32,
    pub present: u32,
    pub resolutions: Vec<ResolutionData>,
    pub minutes: Option<String>,
}

/// The resolution fields are named `resolutions` in the errors: one form field per conference.
const RESOLUTIONS: &str = "resolutions";

fn work_year(raw: &str) -> Result<i32, FieldError> {
    match raw.trim().parse::<i32>() {
        Ok(y) if (2000..=2200).contains(&y) => Ok(y),
        _ => Err(FieldError::new(
            "work_year",
            format!(
                "Năm công tác phải là một năm (ví dụ 2024): «{}».",
                raw.trim().chars().take(20).collect::<String>()
            ),
        )),
    }
}

impl StaffConferenceData {
    pub fn parse(input: &StaffConferenceInput) -> Result<StaffConferenceData, Vec<FieldError>> {
        let mut e = Errors::default();
        let year = e.take(work_year(&input.work_year));
        let held_on = e.take(field::optional_date("held_on", "Ngày tổ chức hội nghị", &input.held_on));
        let staff = e.take(count("staff", "Tổng số cán bộ, công chức, viên chức, người lao động", &input.staff));
        let present = e.take(count("present", "Số người dự hội nghị", &input.present));
        let minutes = e.take(field::optional_text("minutes", "Biên bản hội nghị", &input.minutes, 20_000));
        if let (Some(staff), Some(present)) = (staff, present) {
            if staff == 0 {
                e.push(FieldError::new(
                    "staff",
                    "Tổng số cán bộ, công chức, viên chức, người lao động phải lớn hơn 0.",
                ));
            }
            if present > staff {
                e.push(FieldError::new(
                    "present",
                    format!("Số người dự hội nghị ({present}) không thể lớn hơn tổng số cán bộ, công chức, viên chức, người lao động ({staff})."),
                ));
            }
        }
        if input.resolutions.is_empty() {
            e.push(FieldError::new(RESOLUTIONS, "Hội nghị cần ít nhất một nghị quyết được biểu quyết."));
        }
        let mut resolutions = Vec::new();
        for (i, r) in input.resolutions.iter().enumerate() {
            let n = i + 1;
            let title = e.take(field::required_text(RESOLUTIONS, &format!("Nội dung nghị quyết {n}"), &r.title, 500));
            let yes = e.take(count(RESOLUTIONS, &format!("Số người tán thành nghị quyết {n}"), &r.yes));
            if let (Some(yes), Some(present)) = (yes, present)
                && yes > present
            {
                e.push(FieldError::new(
                    RESOLUTIONS,
                    format!(
                        "Số người tán thành nghị quyết {n} ({yes}) không thể lớn hơn số người dự hội nghị ({present})."
                    ),
                ));
            }
            if let (Some(title), Some(yes)) = (title, yes) {
                resolutions.push(ResolutionData { title, yes });
            }
        }
        match (year, held_on, staff, present, minutes) {
            (Some(work_year), Some(held_on), Some(staff), Some(present), Some(minutes)) if e.is_empty() => {
                Ok(StaffConferenceData { work_year, held_on, staff, present, resolutions, minutes })
            }
            _ => Err(e.0),
        }
    }
}

/// A resolution judged: passed with more than half of those present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionOutcome {
    pub title: String,
    pub yes: u32,
    /// The fewest yes that pass it.
    pub required: u32,
    pub passed: bool,
    pub reason: String,
}

/// A conference judged (AG-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffConferenceOutcome {
    /// The fewest present that make it valid.
    pub quorum: u32,
    pub valid: bool,
    /// Valid, and every resolution passed.
    pub passed: bool,
    pub resolutions: Vec<ResolutionOutcome>,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// Judges a conference: validity at two thirds of the staff, each resolution at more than half
/// of those present; a resolution of an invalid conference never passes.
pub fn judge(c: &StaffConferenceData) -> StaffConferenceOutcome {
    let quorum = quorum(c.staff);
    let valid = c.present >= quorum;
    let validity = if valid {
        format!("Hội nghị hợp lệ: {} trên {} người dự, đạt ít nhất 2/3 (cần {quorum}).", c.present, c.staff)
    } else {
        format!("Hội nghị không hợp lệ: {} trên {} người dự, chưa đạt 2/3 (cần {quorum}).", c.present, c.staff)
    };
    let needed = required(c.present, Comparison::MoreThanHalf);
    let resolutions: Vec<ResolutionOutcome> = c
        .resolutions
        .iter()
        .map(|r| {
            let majority = meets(r.yes, c.present, Comparison::MoreThanHalf);
            let passed = valid && majority;
            let reason = match (valid, majority) {
                (false, _) => "Không được thông qua vì hội nghị không hợp lệ.".to_string(),
                (true, true) => {
                    format!("Được thông qua: {} trên {} người dự tán thành, trên 50% (cần {needed}).", r.yes, c.present)
                }
                (true, false) => format!(
                    "Không được thông qua: {} trên {} người dự tán thành, chưa quá 50% (cần {needed}).",
                    r.yes, c.present
                ),
            };
            ResolutionOutcome { title: r.title.clone(), yes: r.yes, required: needed, passed, reason }
        })
        .collect();
    let passed = valid && !resolutions.is_empty() && resolutions.iter().all(|r| r.passed);
    let reason = if !valid {
        validity
    } else if passed {
        format!("{validity} Các nghị quyết được thông qua với trên 50% số người dự.")
    } else {
        let failed: Vec<&str> = resolutions.iter().filter(|r| !r.passed).map(|r| r.reason.as_str()).collect();
        format!("{validity} {}", failed.join(" "))
    };
    StaffConferenceOutcome { quorum, valid, passed, resolutions, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(staff: &str, present: &str, yes: &str) -> StaffConferenceInput {
        StaffConferenceInput {
            work_year: "2024".into(),
            staff: staff.into(),
            present: present.into(),
            resolutions: vec![ResolutionInput {
                title: "Quy chế chi tiêu nội bộ năm 2025".into(), yes: yes.into()
            }],
            ..Default::default()
        }
    }

    fn judged(staff: &str, present: &str, yes: &str) -> StaffConferenceOutcome {
        judge(&StaffConferenceData::parse(&input(staff, present, yes)).expect("conference"))
    }

    #[test]
    fn worked_case_of_ag_3_the_work_year_ends_on_the_31st_of_december() {
        // The calendar adds the 3 months of `staff_conference.deadline`: 2025-03-31 (coso-calendar's tests).
        assert_eq!(work_year_end(2024), NaiveDate::from_ymd_opt(2024, 12, 31));
    }

    #[test]
    fn worked_case_of_ag_4_ninety_staff_need_sixty_present() {
        let invalid = judged("90", "58", "50");
        assert_eq!(invalid.quorum, 60);
        assert!(!invalid.valid);
        assert!(!invalid.passed, "a resolution of an invalid conference never passes");
        assert!(invalid.reason.contains("không hợp lệ"), "{}", invalid.reason);
        assert!(invalid.reason.contains("cần 60"), "{}", invalid.reason);
        assert!(judged("90", "60", "31").valid);
    }

    #[test]
    fn worked_case_of_ag_4_thirty_of_sixty_is_not_more_than_half() {
        let half = judged("90", "60", "30");
        assert!(half.valid);
        assert!(!half.passed);
        assert_eq!(half.resolutions[0].required, 31);
        assert!(half.reason.contains("chưa quá 50%"), "{}", half.reason);
        let more = judged("90", "60", "31");
        assert!(more.passed);
        assert!(more.resolutions[0].reason.contains("Được thông qua"), "{}", more.resolutions[0].reason);
    }

    #[test]
    fn exactly_two_thirds_is_valid_and_one_fewer_is_not() {
        assert_eq!(quorum(3), 2);
        assert_eq!(quorum(10), 7, "6.67 rounds up");
        assert!(judged("30", "20", "11").valid);
        assert!(!judged("30", "19", "10").valid);
        assert!(judged("1", "1", "1").passed);
    }

    #[test]
    fn more_present_than_staff_is_refused_naming_the_field() {
        let err = StaffConferenceData::parse(&input("90", "91", "50")).expect_err("more present than staff");
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].field, "present");
        assert!(err[0].message.contains("không thể lớn hơn"), "{}", err[0].message);
    }

    #[test]
    fn more_yes_than_present_no_staff_and_no_resolution_are_refused() {
        let err = StaffConferenceData::parse(&input("90", "60", "61")).expect_err("more yes than present");
        assert_eq!(err[0].field, "resolutions");
        let err = StaffConferenceData::parse(&input("0", "0", "0")).expect_err("no staff");
        assert_eq!(err[0].field, "staff");
        let mut none = input("90", "60", "31");
        none.resolutions.clear();
        assert_eq!(StaffConferenceData::parse(&none).expect_err("no resolution")[0].field, "resolutions");
        let err =
            StaffConferenceData::parse(&StaffConferenceInput { work_year: "20x4".into(), ..input("9", "9", "9") })
                .expect_err("year");
        assert_eq!(err[0].field, "work_year");
    }

    #[test]
    fn one_failed_resolution_fails_the_conference_but_not_the_others() {
        let mut two = input("90", "60", "40");
        two.resolutions.push(ResolutionInput { title: "Quy chế tuyển dụng".into(), yes: "30".into() });
        let out = judge(&StaffConferenceData::parse(&two).expect("conference"));
        assert!(out.valid);
        assert!(out.resolutions[0].passed);
        assert!(!out.resolutions[1].passed);
        assert!(!out.passed);
    }
}
