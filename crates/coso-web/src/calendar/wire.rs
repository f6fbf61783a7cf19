//! The API's view of the legal calendar: lunar dates, a year's days off, the deadline rules, a
//! computed deadline, and an announcement of days off. The calendar's codes (`status`, `kind`,
//! `unit`, `direction`, `bound`, `when`) are written by the calendar's own enums, carried here as
//! they are; `system/openapi_codes.rs` lists them.

use chrono::NaiveDate;
use coso_calendar::{
    Announcement, Bound, DayOff, DaysOffRange, Deadline, Direction, Explanation, HolidayKind, HolidayYear, LegalRule,
    LunarDate, SkippedDay, Status, Unit, VariantKey,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A date of the Vietnamese lunar calendar (*âm lịch*).
#[derive(Serialize, ToSchema)]
#[schema(as = LunarDate)]
pub struct LunarDateBody {
    /// The lunar year, named after the Gregorian year in which its Tết falls.
    pub year: i32,
    /// 1 to 12; a leap month carries the number of the month it repeats.
    pub month: u8,
    /// 1 to 30.
    pub day: u8,
    /// Whether this is the leap month (*tháng nhuận*).
    pub leap: bool,
}

impl From<LunarDate> for LunarDateBody {
    fn from(l: LunarDate) -> Self {
        LunarDateBody { year: l.year, month: l.month, day: l.day, leap: l.leap }
    }
}

/// The days off and working Saturdays of one Gregorian year.
#[derive(Serialize, ToSchema)]
#[schema(as = HolidayYear)]
pub struct HolidayYearBody {
    pub year: i32,
    /// Whether an official announcement for this year is known; when not, every day comes from
    /// the default rule.
    pub announced: bool,
    /// The announcement's reference (number, date, issuer).
    pub source: Option<String>,
    /// How sure we are of the announcement: `P` (seen in a primary source), `S` (in a reputable
    /// secondary source) or `U` (unverified).
    #[schema(value_type = Option<String>)]
    pub status: Option<Status>,
    /// The default rule in Vietnamese, when some days come from it.
    pub default_rule: Option<String>,
    /// Every weekday (Monday to Friday) civil servants do not work, in date order.
    pub days_off: Vec<DayOffBody>,
    /// Holidays on a Saturday or Sunday (they give compensatory days).
    pub weekend_holidays: Vec<DayOffBody>,
    /// Saturdays that are working days in exchange for a weekday off.
    pub working_saturdays: Vec<NaiveDate>,
}

impl From<HolidayYear> for HolidayYearBody {
    fn from(y: HolidayYear) -> Self {
        HolidayYearBody {
            year: y.year,
            announced: y.announced,
            source: y.source,
            status: y.status,
            default_rule: y.default_rule,
            days_off: y.days_off.into_iter().map(DayOffBody::from).collect(),
            weekend_holidays: y.weekend_holidays.into_iter().map(DayOffBody::from).collect(),
            working_saturdays: y.working_saturdays,
        }
    }
}

/// One day off, or a holiday on a weekend.
#[derive(Serialize, ToSchema)]
#[schema(as = DayOff)]
pub struct DayOffBody {
    pub date: NaiveDate,
    /// What kind of day off.
    #[schema(value_type = String)]
    pub kind: HolidayKind,
    /// The Vietnamese name, e.g. «Ngày Chiến thắng».
    pub name: String,
    /// From an official announcement, not from the default rule.
    pub announced: bool,
}

impl From<DayOff> for DayOffBody {
    fn from(d: DayOff) -> Self {
        DayOffBody { date: d.date, kind: d.kind, name: d.name, announced: d.announced }
    }
}

/// One version of a legal deadline rule.
#[derive(Serialize, ToSchema)]
#[schema(as = LegalRule)]
pub struct LegalRuleBody {
    /// A stable id, e.g. `complaint.first`.
    pub id: String,
    /// The rule's id in the legal-rules extract (e.g. `KN-3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub title: String,
    /// The event the period counts from (or to).
    pub event: String,
    /// The number of units in the ordinary case.
    pub count: u32,
    /// What is counted: `calendar_days`, `working_days` or `months`.
    #[schema(value_type = String)]
    pub unit: Unit,
    /// `after` or `before` the event.
    #[schema(value_type = String)]
    pub direction: Direction,
    /// Whether the result is the `latest` or the `earliest` date allowed.
    #[schema(value_type = String)]
    pub bound: Bound,
    /// Other counts for special circumstances.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<RuleVariant>,
    /// The extensions a resolver may grant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<RuleExtension>,
    pub citation: RuleCitation,
    /// `P`, `S` or `U`.
    #[schema(value_type = String)]
    pub status: Status,
    /// The first event date this version applies to.
    pub valid_from: NaiveDate,
    /// The last event date this version applies to, if it has ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// Whether a period that ends on a rest day ends on the next working day; absent: the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roll_forward: Option<bool>,
    /// The rule names the district level, abolished on 01/07/2025; absent when it does not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub district_level: bool,
    /// A remark shown with every deadline of this rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl From<LegalRule> for LegalRuleBody {
    fn from(r: LegalRule) -> Self {
        LegalRuleBody {
            id: r.id,
            reference: r.reference,
            title: r.title,
            event: r.event,
            count: r.count,
            unit: r.unit,
            direction: r.direction,
            bound: r.bound,
            variants: r
                .variants
                .into_iter()
                .map(|v| RuleVariant { when: v.when, count: v.count, label: v.label })
                .collect(),
            extension: r.extension.map(|e| RuleExtension {
                count: e.count,
                complex: e.complex,
                especially_complex: e.especially_complex,
            }),
            citation: RuleCitation { article: r.citation.article, law: r.citation.law },
            status: r.status,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            roll_forward: r.roll_forward,
            district_level: r.district_level,
            note: r.note,
        }
    }
}

/// A different count for some circumstances.
#[derive(Serialize, ToSchema)]
pub struct RuleVariant {
    /// The circumstances.
    #[schema(value_type = String)]
    pub when: VariantKey,
    /// The count that replaces the rule's count.
    pub count: u32,
    /// The wording of the circumstances when the generic one does not fit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The extensions a resolver may grant (*gia hạn*), counted in the rule's unit.
#[derive(Serialize, ToSchema)]
pub struct RuleExtension {
    /// The length of one extension.
    pub count: u32,
    /// The number of extensions for a complex case.
    pub complex: u32,
    /// The number of extensions for an especially complex case.
    pub especially_complex: u32,
}

/// Where a rule comes from.
#[derive(Serialize, ToSchema)]
pub struct RuleCitation {
    /// Article, clause, point, e.g. «Khoản 1 Điều 28».
    pub article: String,
    /// The act, e.g. «Luật Khiếu nại số 02/2011/QH13».
    pub law: String,
}

/// A legal deadline with its explanation.
#[derive(Serialize, ToSchema)]
pub struct DeadlineOut {
    /// The rule's id.
    pub rule: String,
    pub title: String,
    /// The event date.
    pub from: NaiveDate,
    /// The final date, after roll-forward.
    pub due: NaiveDate,
    /// The date the count reaches, before roll-forward.
    pub raw_due: NaiveDate,
    /// Units counted, after variants and extensions.
    pub count: u32,
    #[schema(value_type = String)]
    pub unit: Unit,
    #[schema(value_type = String)]
    pub direction: Direction,
    #[schema(value_type = String)]
    pub bound: Bound,
    /// Article and act.
    pub citation: String,
    /// How sure we are of the rule version used: `P`, `S` or `U`.
    #[schema(value_type = String)]
    pub status: Status,
    /// The first event date of the rule version used.
    pub valid_from: NaiveDate,
    /// The last event date of the rule version used.
    pub valid_to: Option<NaiveDate>,
    /// Whether `due` was moved past rest days (Civil Code Art. 148).
    pub rolled_forward: bool,
    pub explanation: DeadlineExplanation,
    /// The explanation as Vietnamese text.
    pub explanation_text: String,
}

impl DeadlineOut {
    pub fn new(d: Deadline, explanation_text: String) -> Self {
        DeadlineOut {
            rule: d.rule,
            title: d.title,
            from: d.from,
            due: d.due,
            raw_due: d.raw_due,
            count: d.count,
            unit: d.unit,
            direction: d.direction,
            bound: d.bound,
            citation: d.citation,
            status: d.status,
            valid_from: d.valid_from,
            valid_to: d.valid_to,
            rolled_forward: d.rolled_forward,
            explanation: d.explanation.into(),
            explanation_text,
        }
    }
}

/// How a deadline was computed: the start, the rule and its article, the count, the days not
/// counted and why, the raw and the final date.
#[derive(Serialize, ToSchema)]
pub struct DeadlineExplanation {
    pub rule: String,
    pub title: String,
    pub citation: String,
    #[schema(value_type = String)]
    pub status: Status,
    /// The validity of the rule version, in Vietnamese.
    pub validity: String,
    /// The event, in Vietnamese.
    pub event: String,
    pub from: NaiveDate,
    pub count: u32,
    #[schema(value_type = String)]
    pub unit: Unit,
    #[schema(value_type = String)]
    pub direction: Direction,
    #[schema(value_type = String)]
    pub bound: Bound,
    /// The circumstances that changed the count, in Vietnamese.
    pub variant: Option<String>,
    /// The rest days passed over while counting working days.
    pub skipped: Vec<SkippedDayBody>,
    pub raw_due: NaiveDate,
    /// The rest days the deadline was moved over.
    pub rolled_over: Vec<SkippedDayBody>,
    pub due: NaiveDate,
    /// Further remarks: unverified values, fallbacks, the rule's notes.
    pub notes: Vec<String>,
}

impl From<Explanation> for DeadlineExplanation {
    fn from(e: Explanation) -> Self {
        DeadlineExplanation {
            rule: e.rule,
            title: e.title,
            citation: e.citation,
            status: e.status,
            validity: e.validity,
            event: e.event,
            from: e.from,
            count: e.count,
            unit: e.unit,
            direction: e.direction,
            bound: e.bound,
            variant: e.variant,
            skipped: e.skipped.into_iter().map(SkippedDayBody::from).collect(),
            raw_due: e.raw_due,
            rolled_over: e.rolled_over.into_iter().map(SkippedDayBody::from).collect(),
            due: e.due,
            notes: e.notes,
        }
    }
}

/// A day passed over, with the reason.
#[derive(Serialize, ToSchema)]
#[schema(as = SkippedDay)]
pub struct SkippedDayBody {
    pub date: NaiveDate,
    /// Why it is not a working day, e.g. «Chủ nhật» or «Ngày Chiến thắng».
    pub reason: String,
}

impl From<SkippedDay> for SkippedDayBody {
    fn from(s: SkippedDay) -> Self {
        SkippedDayBody { date: s.date, reason: s.reason }
    }
}

/// One year's announcement of days off for civil servants.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Announcement)]
pub struct AnnouncementBody {
    /// The year it is for; every date in it must be in this year.
    pub year: i32,
    /// The act's reference: number, date, issuer.
    pub source: String,
    /// How sure we are of the content: `P`, `S` or `U`.
    #[schema(value_type = String)]
    pub status: Status,
    /// The days off. A statutory kind listed here replaces the default rule for that kind.
    pub days_off: Vec<DaysOffBody>,
    /// Saturdays (or Sundays) that are working days in exchange for a day off.
    #[serde(default)]
    pub working_saturdays: Vec<NaiveDate>,
    /// A remark, e.g. which part is unverified.
    #[serde(default)]
    pub note: Option<String>,
}

impl From<AnnouncementBody> for Announcement {
    fn from(a: AnnouncementBody) -> Self {
        Announcement {
            year: a.year,
            source: a.source,
            status: a.status,
            days_off: a.days_off.into_iter().map(DaysOffRange::from).collect(),
            working_saturdays: a.working_saturdays,
            note: a.note,
        }
    }
}

/// Consecutive days off of one kind (weekends inside may be included).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = DaysOffRange)]
pub struct DaysOffBody {
    /// The first day.
    pub from: NaiveDate,
    /// The last day, included.
    pub to: NaiveDate,
    /// The kind of day off; a statutory kind (e.g. `tet`) replaces the default rule for it.
    #[schema(value_type = String)]
    pub kind: HolidayKind,
    /// The name to show instead of the kind's.
    #[serde(default)]
    pub name: Option<String>,
}

impl From<DaysOffBody> for DaysOffRange {
    fn from(d: DaysOffBody) -> Self {
        DaysOffRange { from: d.from, to: d.to, kind: d.kind, name: d.name }
    }
}
