//! The API's view of reception: separate from the storage rows.

use coso_app::reception::compliance::{ComplianceView, UnitResult};
use coso_domain::reception::{IntervalStatus, ScheduleEntry, Upcoming};
use coso_store::{ReceptionSessionRow, ReceptionVisitRow};
use serde::Serialize;
use utoipa::ToSchema;

/// A regular reception day.
#[derive(Serialize, ToSchema)]
pub struct RegularDay {
    /// ISO weekday, 1 (Monday) … 7 (Sunday).
    pub weekday: Option<u32>,
    /// `morning`, `afternoon`, `whole_day`.
    pub part_of_day: Option<String>,
    pub place: Option<String>,
    /// `chairman`, `vice_chairman`, `staff`.
    pub receiver: Option<String>,
    /// In words, e.g. «Thứ Năm hằng tuần, buổi sáng».
    pub text: String,
}

impl From<&ScheduleEntry> for RegularDay {
    fn from(e: &ScheduleEntry) -> Self {
        RegularDay {
            weekday: e.weekday,
            part_of_day: e.part.map(|p| p.as_str().to_string()),
            place: e.place.clone(),
            receiver: e.receiver.map(|r| r.as_str().to_string()),
            text: e.when(),
        }
    }
}

/// A coming session: whether it takes place, and why not.
#[derive(Serialize, ToSchema)]
pub struct ComingSession {
    pub date: String,
    pub part_of_day: String,
    pub place: String,
    pub receiver: String,
    pub held: bool,
    pub note: Option<String>,
}

impl From<&Upcoming> for ComingSession {
    fn from(u: &Upcoming) -> Self {
        ComingSession {
            date: u.date.to_string(),
            part_of_day: u.part.as_str().to_string(),
            place: u.place.clone(),
            receiver: u.receiver.as_str().to_string(),
            held: u.held,
            note: u.note.clone(),
        }
    }
}

/// The published schedule: no personal data.
#[derive(Serialize, ToSchema)]
pub struct Schedule {
    pub regular: Vec<RegularDay>,
    pub upcoming: Vec<ComingSession>,
}

#[derive(Serialize, ToSchema)]
pub struct Session {
    pub id: i64,
    pub held_on: String,
    /// `chairman`, `vice_chairman`, `staff`.
    pub receiver: String,
    pub receiver_name: String,
    pub place: String,
    /// `regular` or `ad_hoc`.
    pub kind: String,
    pub visits: i64,
    pub people: i64,
    pub crowded_visits: i64,
}

impl From<ReceptionSessionRow> for Session {
    fn from(s: ReceptionSessionRow) -> Self {
        Session {
            id: s.id,
            held_on: s.held_on.to_string(),
            receiver: s.receiver_kind.as_str().to_string(),
            receiver_name: s.receiver_name,
            place: s.place,
            kind: s.kind.as_str().to_string(),
            visits: s.visits,
            people: s.people,
            crowded_visits: s.crowded_visits,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionList {
    pub items: Vec<Session>,
}

/// A visit: the visitors' personal data (officials of the unit only; every read is audited).
#[derive(Serialize, ToSchema)]
pub struct Visit {
    pub id: i64,
    pub visitor_names: String,
    pub people_count: i64,
    pub crowded: bool,
    pub address: String,
    pub content: String,
    /// `guided`, `petition`, `complaint`, `denunciation`, `refused`, `answered`.
    pub outcome: String,
    /// For a refusal: `incapacitated`, `disruptive`, `repeated`, `other_legal`.
    pub refusal_ground: Option<String>,
    pub note: Option<String>,
}

impl From<ReceptionVisitRow> for Visit {
    fn from(v: ReceptionVisitRow) -> Self {
        Visit {
            id: v.id,
            visitor_names: v.visitor_names,
            people_count: v.people_count,
            crowded: v.crowded,
            address: v.address,
            content: v.content,
            outcome: v.outcome.as_str().to_string(),
            refusal_ground: v.refusal_ground.map(|g| g.as_str().to_string()),
            note: v.note,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VisitList {
    pub session: Session,
    pub items: Vec<Visit>,
}

/// One week or month.
#[derive(Serialize, ToSchema)]
pub struct IntervalResult {
    pub label: String,
    pub from: String,
    pub to: String,
    /// `met`, `missed`, `not_yet_due`.
    pub status: String,
    /// For a miss: `no_session`, `deputy_only_after_tcd6`, `deputy_only_not_counted`, `staff_only`.
    pub reason: Option<String>,
    /// The reason in words, with its article.
    pub reason_text: Option<String>,
    pub valid_days: usize,
    /// Weekday holidays in it («nghỉ lễ»): the interval is still required.
    pub holidays: Vec<String>,
}

/// One unit's result.
#[derive(Serialize, ToSchema)]
pub struct UnitCompliance {
    pub code: String,
    pub name: String,
    /// `weekly` (TCD-1) or `monthly` (TCD-2); absent when not assessed.
    pub cadence: Option<String>,
    /// Why the unit is not assessed.
    pub not_assessed: Option<String>,
    pub met: usize,
    pub missed: usize,
    pub intervals: Vec<IntervalResult>,
}

impl From<&UnitResult> for UnitCompliance {
    fn from(u: &UnitResult) -> Self {
        let (cadence, not_assessed, met, missed, intervals) = match &u.result {
            Ok(c) => (
                Some(c.cadence.as_str().to_string()),
                None,
                c.met(),
                c.missed(),
                c.intervals
                    .iter()
                    .map(|i| {
                        let (status, miss) = match i.status {
                            IntervalStatus::Met => ("met", None),
                            IntervalStatus::Missed(m) => ("missed", Some(m)),
                            IntervalStatus::NotYetDue => ("not_yet_due", None),
                        };
                        IntervalResult {
                            label: i.label.clone(),
                            from: i.from.to_string(),
                            to: i.to.to_string(),
                            status: status.to_string(),
                            reason: miss.map(|m| m.as_str().to_string()),
                            reason_text: miss.map(|m| m.reason().to_string()),
                            valid_days: i.valid_days,
                            holidays: i.holidays.clone(),
                        }
                    })
                    .collect(),
            ),
            Err(why) => (None, Some((*why).to_string()), 0, 0, vec![]),
        };
        UnitCompliance {
            code: u.unit.code.clone(),
            name: u.unit.name.clone(),
            cadence,
            not_assessed,
            met,
            missed,
            intervals,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ComplianceResult {
    /// `2026` or `2026-Q1`.
    pub period: String,
    pub unit: UnitCompliance,
    /// The units below that receive citizens (a province's communes and wards).
    pub children: Vec<UnitCompliance>,
}

impl From<&ComplianceView> for ComplianceResult {
    fn from(v: &ComplianceView) -> Self {
        ComplianceResult {
            period: v.period.key(),
            unit: (&v.own).into(),
            children: v.children.iter().map(Into::into).collect(),
        }
    }
}
