//! Legal deadline rules as data (`data/rules.json`, embedded).
//!
//! A rule says how a deadline follows from an event: count, unit, direction, variants for
//! complex cases and remote areas, extensions, the article it comes from, how sure we are of
//! it, and when it is in force. Several versions of one rule id may exist with disjoint
//! validity periods (legal-rules C3); the version in force on the **event date** applies.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::format_vn;
use crate::error::CalendarError;
use crate::status::Status;

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// *ngày*: calendar days (C1).
    CalendarDays,
    /// *ngày làm việc*: working days of state bodies.
    WorkingDays,
    /// *tháng*: calendar months.
    Months,
}

impl Unit {
    /// Every unit, for the API's list of codes.
    pub const ALL: [Unit; 3] = [Unit::CalendarDays, Unit::WorkingDays, Unit::Months];

    /// Vietnamese unit word.
    pub fn name_vn(self) -> &'static str {
        match self {
            Unit::CalendarDays => "ngày",
            Unit::WorkingDays => "ngày làm việc",
            Unit::Months => "tháng",
        }
    }
}

/// Whether the deadline is after or before the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "within N days from the event".
    After,
    /// "at least N days before the event".
    Before,
}

impl Direction {
    /// Both directions, for the API's list of codes.
    pub const ALL: [Direction; 2] = [Direction::After, Direction::Before];
}

/// Whether the computed date is the last day allowed or the first day allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The action must happen on or before the computed date (a deadline).
    #[default]
    Latest,
    /// The action may happen on or after the computed date (e.g. a minimum posting period).
    Earliest,
}

impl Bound {
    /// Both bounds, for the API's list of codes.
    pub const ALL: [Bound; 2] = [Bound::Latest, Bound::Earliest];
}

/// Circumstances of a case that select a variant of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VariantKey {
    /// *vụ việc phức tạp*.
    Complex,
    /// *vụ việc đặc biệt phức tạp*.
    EspeciallyComplex,
    /// *vùng sâu, vùng xa đi lại khó khăn*.
    Remote,
    /// Complex and in a remote area.
    RemoteComplex,
    /// Especially complex and in a remote area.
    RemoteEspeciallyComplex,
}

impl VariantKey {
    /// Every circumstance, for the API's list of codes.
    pub const ALL: [VariantKey; 5] = [
        VariantKey::Complex,
        VariantKey::EspeciallyComplex,
        VariantKey::Remote,
        VariantKey::RemoteComplex,
        VariantKey::RemoteEspeciallyComplex,
    ];

    /// Vietnamese description.
    pub fn name_vn(self) -> &'static str {
        match self {
            VariantKey::Complex => "vụ việc phức tạp",
            VariantKey::EspeciallyComplex => "vụ việc đặc biệt phức tạp",
            VariantKey::Remote => "ở vùng sâu, vùng xa đi lại khó khăn",
            VariantKey::RemoteComplex => "vụ việc phức tạp ở vùng sâu, vùng xa đi lại khó khăn",
            VariantKey::RemoteEspeciallyComplex => "vụ việc đặc biệt phức tạp ở vùng sâu, vùng xa đi lại khó khăn",
        }
    }
}

/// A different count for some circumstances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// The circumstances.
    pub when: VariantKey,
    /// The count that replaces the rule's count.
    pub count: u32,
    /// Vietnamese wording of the circumstances when the generic one does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Extensions a resolver may grant (*gia hạn*), counted in the rule's unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// Length of one extension.
    pub count: u32,
    /// Number of extensions for a complex case.
    pub complex: u32,
    /// Number of extensions for an especially complex case.
    pub especially_complex: u32,
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Article, clause, point, e.g. "Khoản 1 Điều 28".
    pub article: String,
    /// The act, e.g. "Luật Khiếu nại số 02/2011/QH13".
    pub law: String,
}

impl Citation {
    /// "Điều 28 Luật Khiếu nại số 02/2011/QH13".
    pub fn to_text(&self) -> String {
        format!("{} {}", self.article, self.law)
    }
}

/// One version of a legal deadline rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalRule {
    /// Stable id, e.g. `complaint.first`.
    pub id: String,
    /// Id of the rule in the legal-rules extract (e.g. "KN-3"), for traceability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Vietnamese title of the obligation.
    pub title: String,
    /// Vietnamese description of the event the period counts from (or to).
    pub event: String,
    /// Number of units in the ordinary case.
    pub count: u32,
    /// Unit counted.
    pub unit: Unit,
    /// After or before the event.
    pub direction: Direction,
    /// Whether the result is a latest or an earliest date.
    #[serde(default)]
    pub bound: Bound,
    /// Counts for special circumstances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Extensions for complex cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    /// Article and act.
    pub citation: Citation,
    /// Verification status; `U` values are configurable defaults.
    pub status: Status,
    /// First event date this version applies to.
    pub valid_from: NaiveDate,
    /// Last event date this version applies to, if it has ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// Civil Code 2015 Art. 148: a period that ends on a rest day ends at the end of the next
    /// working day. Default: on for "after" deadlines, off otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll_forward: Option<bool>,
    /// The rule names the district level (*cấp huyện*), abolished on 01/07/2025 (legal-rules §9).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub district_level: bool,
    /// Vietnamese remark shown with every deadline of this rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The first day on which the district level no longer exists.
pub const DISTRICT_ABOLISHED: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl LegalRule {
    /// Whether Civil Code Art. 148 roll-forward applies to this rule.
    pub fn rolls_forward(&self) -> bool {
        self.roll_forward.unwrap_or(self.direction == Direction::After && self.bound == Bound::Latest)
    }

    /// Whether this version is in force for an event on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        date >= self.valid_from && self.valid_to.is_none_or(|to| date <= to)
    }

    /// Vietnamese validity text, e.g. "từ 01/07/2012 đến 30/06/2026".
    pub fn validity_vn(&self) -> String {
        match self.valid_to {
            Some(to) => format!("từ {} đến {}", format_vn(self.valid_from), format_vn(to)),
            None => format!("từ {}", format_vn(self.valid_from)),
        }
    }

    fn validate(&self) -> Result<(), CalendarError> {
        let bad = |msg: String| Err(CalendarError::InvalidRuleData(format!("«{}»: {msg}", self.id)));
        if self.id.is_empty()
            || !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
        {
            return bad("mã quy tắc chỉ gồm chữ thường không dấu, chữ số, dấu chấm và gạch dưới".to_owned());
        }
        if self.count == 0 || self.variants.iter().any(|v| v.count == 0) {
            return bad("số lượng phải lớn hơn 0".to_owned());
        }
        if self.count > 3660 || self.variants.iter().any(|v| v.count > 3660) {
            return bad("số lượng quá lớn".to_owned());
        }
        if let Some(e) = &self.extension
            && (e.count > 366 || e.complex > 10 || e.especially_complex > 10)
        {
            return bad("gia hạn quá lớn".to_owned());
        }
        if self.valid_to.is_some_and(|to| to < self.valid_from) {
            return bad("ngày hết hiệu lực trước ngày có hiệu lực".to_owned());
        }
        if self.direction == Direction::Before && self.roll_forward == Some(true) {
            return bad("quy tắc «trước sự kiện» không được lùi hạn sang ngày làm việc kế tiếp".to_owned());
        }
        if self.title.trim().is_empty() || self.event.trim().is_empty() || self.citation.law.trim().is_empty() {
            return bad("thiếu tiêu đề, sự kiện hoặc căn cứ".to_owned());
        }
        Ok(())
    }
}

/// A validated set of rules with their versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook {
    rules: Vec<LegalRule>,
}

impl RuleBook {
    /// Parses and validates a JSON array of rules.
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        let rules: Vec<LegalRule> =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidRuleData(e.to_string()))?;
        Self::from_rules(rules)
    }

    /// Validates a list of rules: each valid on its own, and no two versions of one id in force
    /// on the same day.
    pub fn from_rules(mut rules: Vec<LegalRule>) -> Result<Self, CalendarError> {
        for r in &rules {
            r.validate()?;
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id).then(a.valid_from.cmp(&b.valid_from)));
        for pair in rules.windows(2) {
            if let [a, b] = pair
                && a.id == b.id
                && a.valid_to.is_none_or(|to| to >= b.valid_from)
            {
                return Err(CalendarError::InvalidRuleData(format!(
                    "«{}»: hai phiên bản có thời gian hiệu lực chồng lấn ({} và {})",
                    a.id,
                    a.validity_vn(),
                    b.validity_vn()
                )));
            }
        }
        Ok(Self { rules })
    }

    /// The rules shipped with the crate.
    pub fn builtin() -> &'static RuleBook {
        static BUILTIN: OnceLock<RuleBook> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Validated by a test; an empty book (every lookup "unknown rule") is the safe fallback.
            RuleBook::from_json(include_str!("../data/rules.json")).unwrap_or(RuleBook { rules: Vec::new() })
        })
    }

    /// A copy with `extra` rule versions added; an extra version with the same id and
    /// `valid_from` as an existing one replaces it.
    pub fn with_rules(&self, extra: impl IntoIterator<Item = LegalRule>) -> Result<Self, CalendarError> {
        let mut rules = self.rules.clone();
        for r in extra {
            rules.retain(|x| !(x.id == r.id && x.valid_from == r.valid_from));
            rules.push(r);
        }
        Self::from_rules(rules)
    }

    /// Every rule version, sorted by id then validity.
    pub fn rules(&self) -> &[LegalRule] {
        &self.rules
    }

    /// The distinct rule ids, sorted.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.rules.iter().map(|r| r.id.as_str()).collect();
        ids.dedup();
        ids
    }

    /// All versions of one rule.
    pub fn versions<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a LegalRule> + 'a {
        self.rules.iter().filter(move |r| r.id == id)
    }

    /// The version of rule `id` in force for an event on `date`. A version that names the
    /// district level never applies to events from 01/07/2025.
    pub fn rule_at(&self, id: &str, date: NaiveDate) -> Result<&LegalRule, CalendarError> {
        if !self.rules.iter().any(|r| r.id == id) {
            return Err(CalendarError::UnknownRule(id.chars().take(80).collect()));
        }
        let rule = self
            .rules
            .iter()
            .find(|r| r.id == id && r.in_force_on(date))
            .ok_or_else(|| CalendarError::RuleNotInForce { id: id.to_owned(), date })?;
        if rule.district_level && date >= DISTRICT_ABOLISHED {
            return Err(CalendarError::DistrictLevelAbolished { id: id.to_owned(), date });
        }
        Ok(rule)
    }
}
