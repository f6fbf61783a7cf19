//! Computing a legal deadline from a rule, an event date and the circumstances of the case.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::{add_days, add_months, check_range};
use crate::error::CalendarError;
use crate::explain::{Explanation, SkippedDay};
use crate::rules::{Bound, Direction, LegalRule, RuleBook, Unit, VariantKey};
use crate::status::Status;
use crate::work_calendar::HolidayCalendar;

/// How complex a case is (*phức tạp*, *đặc biệt phức tạp*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// Ordinary case.
    #[default]
    Normal,
    /// Complex case.
    Complex,
    /// Especially complex case.
    EspeciallyComplex,
}

/// Circumstances of a case that may change the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Circumstances {
    /// Complexity of the case.
    #[serde(default)]
    pub complexity: Complexity,
    /// Whether the case is in a remote, hard-to-reach area (*vùng sâu, vùng xa*).
    #[serde(default)]
    pub remote: bool,
}

impl Circumstances {
    /// The variant keys to try, most specific first.
    fn preferences(self) -> &'static [VariantKey] {
        use VariantKey::*;
        match (self.complexity, self.remote) {
            (Complexity::Normal, false) => &[],
            (Complexity::Complex, false) => &[Complex],
            (Complexity::EspeciallyComplex, false) => &[EspeciallyComplex, Complex],
            (Complexity::Normal, true) => &[Remote],
            (Complexity::Complex, true) => &[RemoteComplex, Complex, Remote],
            (Complexity::EspeciallyComplex, true) => {
                &[RemoteEspeciallyComplex, RemoteComplex, EspeciallyComplex, Complex, Remote]
            }
        }
    }

    fn asked(self) -> Option<VariantKey> {
        self.preferences().first().copied()
    }
}

/// A computed deadline with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// Rule id.
    pub rule: String,
    /// Vietnamese title of the obligation.
    pub title: String,
    /// Event date.
    pub from: NaiveDate,
    /// Final date (after roll-forward).
    pub due: NaiveDate,
    /// Date the count reaches, before roll-forward.
    pub raw_due: NaiveDate,
    /// Units counted (after variants and extensions).
    pub count: u32,
    /// Unit.
    pub unit: Unit,
    /// After or before the event.
    pub direction: Direction,
    /// Whether `due` is a latest or an earliest date.
    pub bound: Bound,
    /// Article and act.
    pub citation: String,
    /// Verification status of the rule version used.
    pub status: Status,
    /// First event date of the rule version used.
    pub valid_from: NaiveDate,
    /// Last event date of the rule version used.
    pub valid_to: Option<NaiveDate>,
    /// Whether `due` was moved past rest days (Civil Code Art. 148).
    pub rolled_forward: bool,
    /// How it was computed.
    pub explanation: Explanation,
}

/// Selects the count for the circumstances; returns the count, a Vietnamese description of
/// the circumstances applied, and notes about fallbacks.
fn select_count(rule: &LegalRule, c: Circumstances, notes: &mut Vec<String>) -> (u32, Option<String>) {
    if let Some(ext) = &rule.extension
        && c.complexity != Complexity::Normal
    {
        let times = match c.complexity {
            Complexity::EspeciallyComplex => ext.especially_complex,
            _ => ext.complex,
        };
        let label = format!(
            "{}: gia hạn {times} lần, mỗi lần không quá {} {}",
            match c.complexity {
                Complexity::EspeciallyComplex => VariantKey::EspeciallyComplex.name_vn(),
                _ => VariantKey::Complex.name_vn(),
            },
            ext.count,
            rule.unit.name_vn()
        );
        if c.remote {
            notes.push("Quy tắc này không quy định riêng cho vùng sâu, vùng xa.".to_owned());
        }
        return (rule.count.saturating_add(times.saturating_mul(ext.count)), Some(label));
    }
    let Some(asked) = c.asked() else {
        return (rule.count, None);
    };
    let found = c.preferences().iter().find_map(|key| rule.variants.iter().find(|v| v.when == *key));
    match found {
        Some(v) => {
            if v.when != asked {
                notes.push(format!(
                    "Quy tắc này không quy định riêng cho trường hợp {}; áp dụng thời hạn cho trường hợp {}.",
                    asked.name_vn(),
                    v.when.name_vn()
                ));
            }
            let label = v.label.clone().unwrap_or_else(|| v.when.name_vn().to_owned());
            (v.count, Some(label))
        }
        None => {
            notes.push(format!(
                "Quy tắc này không quy định thời hạn riêng cho trường hợp {}; áp dụng thời hạn chung.",
                asked.name_vn()
            ));
            (rule.count, None)
        }
    }
}

fn reason(calendar: &HolidayCalendar, date: NaiveDate) -> Result<Option<SkippedDay>, CalendarError> {
    Ok(calendar.day_status(date)?.reason_vn(date).map(|reason| SkippedDay { date, reason }))
}

/// Computes the deadline of rule `rule_id` for an event on `from`, using the rule version in
/// force on `from` and the working-day calendar `calendar`.
///
/// For an "after" rule, `due` is the last day (or, for an `earliest` rule, the first day) the
/// action may happen; for a "before" rule, `from` is the event and `due` is the last day the
/// action may happen.
///
/// ```
/// use chrono::NaiveDate;
/// use coso_calendar::{compute_deadline, Circumstances, HolidayCalendar, RuleBook};
/// let d = compute_deadline(
///     RuleBook::builtin(),
///     HolidayCalendar::builtin(),
///     "complaint.first",
///     NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
///     Circumstances::default(),
/// ).unwrap();
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2024, 4, 3).unwrap());
/// ```
pub fn compute_deadline(
    rules: &RuleBook,
    calendar: &HolidayCalendar,
    rule_id: &str,
    from: NaiveDate,
    circumstances: Circumstances,
) -> Result<Deadline, CalendarError> {
    check_range(from)?;
    let rule = rules.rule_at(rule_id, from)?;
    let mut notes = Vec::new();
    let (count, variant) = select_count(rule, circumstances, &mut notes);

    let signed = |n: u32| -> i64 {
        match rule.direction {
            Direction::After => i64::from(n),
            Direction::Before => -i64::from(n),
        }
    };
    let raw_due = match rule.unit {
        Unit::CalendarDays => add_days(from, signed(count))?,
        Unit::Months => {
            add_months(from, i32::try_from(signed(count)).map_err(|_| CalendarError::ArithmeticOutOfRange)?)?
        }
        Unit::WorkingDays => match rule.direction {
            Direction::After => calendar.add_working_days(from, count)?,
            Direction::Before => calendar.sub_working_days(from, count)?,
        },
    };

    let mut skipped = Vec::new();
    if rule.unit == Unit::WorkingDays {
        let (lo, hi) = if raw_due >= from { (from, raw_due) } else { (raw_due, from) };
        let mut d = add_days(lo, 1)?;
        while d < hi {
            if let Some(s) = reason(calendar, d)? {
                skipped.push(s);
            }
            d = add_days(d, 1)?;
        }
    }

    let mut due = raw_due;
    let mut rolled_over = Vec::new();
    if rule.rolls_forward() {
        while let Some(s) = reason(calendar, due)? {
            rolled_over.push(s);
            due = add_days(due, 1)?;
        }
    }

    if rule.status.is_unverified() {
        notes.push(
            "Số liệu của quy tắc này chưa được xác minh với văn bản gốc; đây là giá trị mặc định, có thể cấu hình lại."
                .to_owned(),
        );
    }
    if let Some(n) = &rule.note {
        notes.push(n.clone());
    }
    if calendar.year(raw_due.year()).is_ok_and(|y| !y.announced)
        && (rule.unit == Unit::WorkingDays || !rolled_over.is_empty())
    {
        notes.push(
            "Năm của hạn chưa có thông báo lịch nghỉ chính thức; ngày nghỉ tính theo quy tắc mặc định.".to_owned(),
        );
    }

    let citation = rule.citation.to_text();
    let explanation = Explanation {
        rule: rule.id.clone(),
        title: rule.title.clone(),
        citation: citation.clone(),
        status: rule.status,
        validity: rule.validity_vn(),
        event: rule.event.clone(),
        from,
        count,
        unit: rule.unit,
        direction: rule.direction,
        bound: rule.bound,
        variant,
        skipped,
        raw_due,
        rolled_over,
        due,
        notes,
    };
    Ok(Deadline {
        rule: rule.id.clone(),
        title: rule.title.clone(),
        from,
        due,
        raw_due,
        count,
        unit: rule.unit,
        direction: rule.direction,
        bound: rule.bound,
        citation,
        status: rule.status,
        valid_from: rule.valid_from,
        valid_to: rule.valid_to,
        rolled_forward: due != raw_due,
        explanation,
    })
}
