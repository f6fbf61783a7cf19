//! The schedule of reception days (TCD-5: published): regular weekdays, extra sessions on a
//! date and regular sessions called off on a date; and the next sessions it gives.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{PartOfDay, Receiver, ScheduleKind};
use crate::field::{self, Errors, FieldError};

/// A checked line of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleEntry {
    pub kind: ScheduleKind,
    /// ISO weekday, 1 (Monday) … 7 (Sunday), for a weekly line.
    pub weekday: Option<u32>,
    /// The day of a one-off or cancelled line.
    pub on_date: Option<NaiveDate>,
    /// What a session of the line looks like; `None` on a cancellation.
    pub part: Option<PartOfDay>,
    pub place: Option<String>,
    pub receiver: Option<Receiver>,
    /// Why a session is added or called off, for the public.
    pub note: Option<String>,
}

/// A schedule line as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ScheduleInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub weekday: String,
    #[serde(default)]
    pub on_date: String,
    #[serde(default)]
    pub part_of_day: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub receiver: String,
    #[serde(default)]
    pub note: String,
}

/// «Thứ Hai» … «Chủ nhật» for ISO weekday 1 … 7.
pub fn weekday_label(iso: u32) -> &'static str {
    match iso {
        1 => "Thứ Hai",
        2 => "Thứ Ba",
        3 => "Thứ Tư",
        4 => "Thứ Năm",
        5 => "Thứ Sáu",
        6 => "Thứ Bảy",
        _ => "Chủ nhật",
    }
}

impl ScheduleEntry {
    /// Parses a line; a one-off or cancelled date must not be in the past.
    pub fn parse(input: &ScheduleInput, today: NaiveDate) -> Result<ScheduleEntry, Vec<FieldError>> {
        let mut e = Errors::default();
        let kind: Option<ScheduleKind> = e.take(parse_code("kind", "Loại lịch", &input.kind));
        let mut weekday = None;
        let mut on_date = None;
        match kind {
            Some(ScheduleKind::Weekly) => {
                let v = input.weekday.trim();
                weekday = e.take(
                    v.parse::<u32>()
                        .ok()
                        .filter(|d| (1..=7).contains(d))
                        .ok_or_else(|| FieldError::new("weekday", "Chưa chọn thứ trong tuần của buổi tiếp định kỳ.")),
                );
            }
            Some(ScheduleKind::OneOff | ScheduleKind::Cancelled) => {
                on_date = e.take(field::date("on_date", "Ngày", &input.on_date));
                if let Some(d) = on_date
                    && d < today
                {
                    e.push(FieldError::new("on_date", "Ngày của buổi tiếp bổ sung hoặc hoãn không được ở quá khứ."));
                }
            }
            None => {}
        }
        let note = e.take(field::optional_text("note", "Ghi chú", &input.note, 300)).flatten();
        let (part, place, receiver) = if kind == Some(ScheduleKind::Cancelled) {
            (None, None, None)
        } else {
            (
                e.take(parse_code("part_of_day", "Buổi", &input.part_of_day)),
                e.take(field::required_text("place", "Địa điểm", &input.place, 200)),
                e.take(parse_code("receiver", "Người tiếp", &input.receiver)),
            )
        };
        match kind {
            Some(kind) if e.is_empty() => Ok(ScheduleEntry { kind, weekday, on_date, part, place, receiver, note }),
            _ => Err(e.0),
        }
    }

    /// «Thứ Năm hằng tuần, buổi sáng», «Ngày 05/12/2026, cả ngày».
    pub fn when(&self) -> String {
        let part = self.part.map(|p| format!(", {}", p.label().to_lowercase())).unwrap_or_default();
        match (self.weekday, self.on_date) {
            (Some(w), _) => format!("{} hằng tuần{part}", weekday_label(w)),
            (None, Some(d)) => format!("Ngày {}{part}", d.format("%d/%m/%Y")),
            (None, None) => String::new(),
        }
    }
}

/// A coming session, as the public page shows it: no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upcoming {
    pub date: NaiveDate,
    pub part: PartOfDay,
    pub place: String,
    pub receiver: Receiver,
    /// Whether it takes place.
    pub held: bool,
    /// Why not (a holiday, a postponement), or why it was added.
    pub note: Option<String>,
}

impl Upcoming {
    /// «Thứ Năm, 10/12/2026».
    pub fn day(&self) -> String {
        format!("{}, {}", weekday_label(self.date.weekday().number_from_monday()), self.date.format("%d/%m/%Y"))
    }
}

/// The sessions of the `days` days from `from` on: each weekly line on its weekday, unless that
/// day is off (`day_off` names it) or the line is called off on it; and each one-off session.
pub fn upcoming(
    entries: &[ScheduleEntry],
    from: NaiveDate,
    days: u64,
    day_off: &dyn Fn(NaiveDate) -> Option<String>,
) -> Vec<Upcoming> {
    let mut out = Vec::new();
    for day in (0..days).filter_map(|n| from.checked_add_days(Days::new(n))) {
        let cancelled = entries.iter().find(|e| e.kind == ScheduleKind::Cancelled && e.on_date == Some(day));
        for e in entries {
            let (Some(part), Some(place), Some(receiver)) = (e.part, e.place.clone(), e.receiver) else { continue };
            let session = |held, note| Upcoming { date: day, part, place: place.clone(), receiver, held, note };
            match e.kind {
                ScheduleKind::Weekly if e.weekday == Some(day.weekday().number_from_monday()) => {
                    if let Some(c) = cancelled {
                        let why =
                            c.note.clone().map_or_else(|| "Hoãn buổi tiếp.".to_string(), |n| format!("Hoãn: {n}"));
                        out.push(session(false, Some(why)));
                    } else if let Some(name) = day_off(day) {
                        out.push(session(false, Some(format!("Nghỉ: {name}"))));
                    } else {
                        out.push(session(true, None));
                    }
                }
                ScheduleKind::OneOff if e.on_date == Some(day) => out.push(session(true, e.note.clone())),
                _ => {}
            }
        }
    }
    out.sort_by_key(|u| (u.date, u.part.as_str() != "morning"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn input(kind: &str) -> ScheduleInput {
        ScheduleInput {
            kind: kind.into(),
            weekday: "4".into(),
            on_date: "10/12/2026".into(),
            part_of_day: "morning".into(),
            place: "Trụ sở UBND xã".into(),
            receiver: "chairman".into(),
            note: String::new(),
        }
    }

    fn thursday_mornings() -> ScheduleEntry {
        ScheduleEntry::parse(&input("weekly"), d(2026, 12, 1)).expect("valid")
    }

    #[test]
    fn each_bad_field_is_named_in_vietnamese() {
        let errs = ScheduleEntry::parse(&ScheduleInput { kind: "weekly".into(), ..Default::default() }, d(2026, 12, 1))
            .expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["weekday", "part_of_day", "place", "receiver"]);
        assert_eq!(errs[2].message, "Địa điểm không được để trống.");
        let past =
            ScheduleEntry::parse(&ScheduleInput { on_date: "01/11/2026".into(), ..input("one_off") }, d(2026, 12, 1))
                .expect_err("past");
        assert_eq!(past[0].field, "on_date");
        let kind = ScheduleEntry::parse(&ScheduleInput::default(), d(2026, 12, 1)).expect_err("no kind");
        assert_eq!(kind[0].message, "Chưa chọn loại lịch.");
    }

    #[test]
    fn a_cancellation_needs_only_its_date() {
        let c = ScheduleEntry::parse(
            &ScheduleInput { kind: "cancelled".into(), on_date: "17/12/2026".into(), ..Default::default() },
            d(2026, 12, 1),
        )
        .expect("valid");
        assert_eq!((c.on_date, c.place), (Some(d(2026, 12, 17)), None));
    }

    #[test]
    fn the_next_sessions_skip_nothing_but_mark_holidays_and_postponements() {
        let cancel = ScheduleEntry {
            kind: ScheduleKind::Cancelled,
            weekday: None,
            on_date: Some(d(2026, 12, 17)),
            part: None,
            place: None,
            receiver: None,
            note: Some("Chủ tịch họp tỉnh".into()),
        };
        let extra =
            ScheduleEntry::parse(&ScheduleInput { on_date: "18/12/2026".into(), ..input("one_off") }, d(2026, 12, 1))
                .expect("valid");
        let off = |day: NaiveDate| (day == d(2026, 12, 24)).then(|| "Ngày nghỉ được công bố".to_string());
        let next = upcoming(&[thursday_mornings(), cancel, extra], d(2026, 12, 7), 21, &off);
        let seen: Vec<(NaiveDate, bool)> = next.iter().map(|u| (u.date, u.held)).collect();
        assert_eq!(
            seen,
            [(d(2026, 12, 10), true), (d(2026, 12, 17), false), (d(2026, 12, 18), true), (d(2026, 12, 24), false)]
        );
        assert_eq!(next[1].note.as_deref(), Some("Hoãn: Chủ tịch họp tỉnh"));
        assert_eq!(next[3].note.as_deref(), Some("Nghỉ: Ngày nghỉ được công bố"));
        assert_eq!(next[0].day(), "Thứ Năm, 10/12/2026");
        assert_eq!(thursday_mornings().when(), "Thứ Năm hằng tuần, buổi sáng");
    }
}
