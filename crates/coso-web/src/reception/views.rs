//! The reception pages: the schedule, the log, one session with its visits, the compliance view.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::reception::compliance::{ComplianceView, UnitResult};
use coso_domain::reception::{
    IntervalStatus, Outcome, PartOfDay, Receiver, RefusalGround, ScheduleKind, SessionKind, Upcoming,
};
use coso_store::{ReceptionScheduleRow, ReceptionSessionRow, ReceptionVisitRow, UnitRow, VisitCaseRow};

use super::forms::{ScheduleForm, SessionForm, VisitForm};
use super::visit_cases::VisitCaseForms;
use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
type Choices = Vec<(String, &'static str, bool)>;

/// The options of `items`, the one whose code is `value` selected.
fn choices(items: impl IntoIterator<Item = (String, &'static str)>, value: &str) -> Choices {
    items.into_iter().map(|(code, label)| (code.clone(), label, code == value.trim())).collect()
}

fn receivers(value: &str) -> Choices {
    choices(Receiver::ALL.iter().map(|r| (r.as_str().to_string(), r.label())), value)
}

/// The path of the unit's reception pages.
pub fn base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/tiep-cong-dan")
}

#[derive(Template, WebTemplate)]
#[template(path = "reception/schedule.html")]
pub struct SchedulePage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rows: Vec<ReceptionScheduleRow>,
    pub upcoming: Vec<Upcoming>,
    pub form: ScheduleForm,
    pub errors: FieldErrors,
}

impl SchedulePage {
    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn kinds(&self) -> Choices {
        choices(ScheduleKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label())), &self.form.input.kind)
    }

    pub fn weekdays(&self) -> Choices {
        let days = (1..=7).map(|d| (d.to_string(), coso_domain::reception::schedule::weekday_label(d)));
        choices(std::iter::once((String::new(), "")).chain(days), &self.form.input.weekday)
    }

    pub fn parts(&self) -> Choices {
        choices(PartOfDay::ALL.iter().map(|p| (p.as_str().to_string(), p.label())), &self.form.input.part_of_day)
    }

    pub fn receivers(&self) -> Choices {
        receivers(&self.form.input.receiver)
    }

    /// «Thứ Năm hằng tuần, buổi sáng» or the date of a dated line.
    pub fn when(&self, r: &ReceptionScheduleRow) -> String {
        r.entry().when()
    }

    pub fn receiver_of(&self, r: &ReceptionScheduleRow) -> &'static str {
        r.receiver_kind.map_or("", Receiver::label)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "reception/log.html")]
pub struct LogPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub sessions: Vec<ReceptionSessionRow>,
    /// The cases the visits of these sessions led to.
    pub cases: Vec<VisitCaseRow>,
    pub form: SessionForm,
    pub errors: FieldErrors,
}

impl LogPage {
    /// The cases the visits of session `id` led to.
    pub fn cases_of(&self, id: &i64) -> Vec<&VisitCaseRow> {
        self.cases.iter().filter(|c| c.session_id == *id).collect()
    }

    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn receivers(&self) -> Choices {
        receivers(&self.form.input.receiver)
    }

    pub fn kinds(&self) -> Choices {
        choices(SessionKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label())), &self.form.input.kind)
    }

    pub fn day(&self, s: &ReceptionSessionRow) -> String {
        vn_date(s.held_on)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "reception/session.html")]
pub struct SessionPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub session: ReceptionSessionRow,
    pub visits: Vec<ReceptionVisitRow>,
    /// The cases the visits led to.
    pub cases: Vec<VisitCaseRow>,
    /// The unit's categories of cases: (code, name).
    pub categories: Vec<(String, String)>,
    pub form: VisitForm,
    pub errors: FieldErrors,
    /// The forms that lead a visit to a case.
    pub links: VisitCaseForms,
}

impl SessionPage {
    /// The cases visit `id` led to.
    pub fn cases_of(&self, id: &i64) -> Vec<&VisitCaseRow> {
        self.cases.iter().filter(|c| c.visit_id == *id).collect()
    }

    /// The visits as choices, `selected` chosen (the first when none is).
    pub fn visit_choices(&self, selected: &str) -> Vec<(String, String, bool)> {
        self.visits
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let id = v.id.to_string();
                let chosen = if selected.is_empty() { i == 0 } else { id == selected };
                (id, format!("Lượt {}: {}", i + 1, v.visitor_names), chosen)
            })
            .collect()
    }

    pub fn kind_choices(&self) -> Vec<(String, String, bool)> {
        let kinds = coso_app::reception::visit_cases::KINDS;
        kinds
            .iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string(), k.as_str() == self.links.case_kind))
            .collect()
    }

    pub fn category_choices(&self) -> Vec<(String, String, bool)> {
        let chosen = if self.links.case_category.is_empty() { "khac" } else { self.links.case_category.as_str() };
        self.categories.iter().map(|(code, name)| (code.clone(), name.clone(), code == chosen)).collect()
    }

    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn day(&self) -> String {
        vn_date(self.session.held_on)
    }

    pub fn outcomes(&self) -> Choices {
        let all = Outcome::ALL.iter().map(|o| (o.as_str().to_string(), o.label()));
        choices(std::iter::once((String::new(), "")).chain(all), &self.form.input.outcome)
    }

    pub fn grounds(&self) -> Choices {
        let all = RefusalGround::ALL.iter().map(|g| (g.as_str().to_string(), g.label()));
        choices(std::iter::once((String::new(), "")).chain(all), &self.form.input.refusal_ground)
    }

    pub fn crowded(&self) -> bool {
        !self.form.input.crowded.trim().is_empty()
    }

    /// The outcome, with the ground of a refusal.
    pub fn outcome_of(&self, v: &ReceptionVisitRow) -> String {
        match v.refusal_ground {
            Some(g) => format!("{}: {}", v.outcome.label(), g.label()),
            None => v.outcome.label().to_string(),
        }
    }
}

/// One line of the compliance table.
pub struct ComplianceRow {
    pub name: String,
    pub href: String,
    pub summary: String,
    pub misses: Vec<String>,
    pub assessed: bool,
}

impl ComplianceRow {
    fn of(u: &UnitResult, ky: &str) -> Self {
        ComplianceRow {
            name: u.unit.name.clone(),
            href: format!("{}/tuan-thu?ky={ky}", base(&u.unit.code)),
            summary: u.summary(),
            misses: u.misses(),
            assessed: u.result.is_ok(),
        }
    }
}

/// One week or month of the unit itself.
pub struct IntervalLine {
    pub label: String,
    pub status: &'static str,
    pub kind: &'static str,
    pub reason: String,
    pub holidays: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reception/compliance.html")]
pub struct CompliancePage {
    pub nav: Nav,
    pub view: ComplianceView,
    pub ky: String,
    pub chart: Option<String>,
    /// The periods offered: (key, label, selected).
    pub periods: Vec<(String, String, bool)>,
    /// Whether the reader may open the unit's schedule and log.
    pub can_manage: bool,
}

impl CompliancePage {
    pub fn base(&self) -> String {
        base(&self.view.unit.code)
    }

    pub fn rule(&self) -> String {
        match &self.view.own.result {
            Ok(c) => c.cadence.rule().to_string(),
            Err(why) => (*why).to_string(),
        }
    }

    pub fn own_summary(&self) -> String {
        self.view.own.summary()
    }

    pub fn intervals(&self) -> Vec<IntervalLine> {
        let Ok(c) = &self.view.own.result else { return vec![] };
        c.intervals
            .iter()
            .map(|i| {
                let (status, kind, reason) = match i.status {
                    IntervalStatus::Met => ("Đạt", "ok", format!("{} ngày tiếp hợp lệ", i.valid_days)),
                    IntervalStatus::Missed(m) => ("Không đạt", "late", m.reason().to_string()),
                    IntervalStatus::NotYetDue => ("Chưa đến hạn", "wait", String::new()),
                };
                let holidays = if i.holidays.is_empty() {
                    String::new()
                } else {
                    format!("Nghỉ lễ: {}", i.holidays.join(", "))
                };
                IntervalLine { label: i.label.clone(), status, kind, reason, holidays }
            })
            .collect()
    }

    pub fn children(&self) -> Vec<ComplianceRow> {
        self.view.children.iter().map(|c| ComplianceRow::of(c, &self.ky)).collect()
    }
}
