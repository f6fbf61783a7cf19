//! «Địa bàn theo dõi»: what a committee member with a linked account sees of the areas they
//! follow — each area's inbox with its statuses, and what is overdue there (obligations, tasks
//! the area leads, citizen cases past their due date). Only the areas inside the member's own
//! authorized subtree are shown: following an area gives no rights of its own.

use coso_calendar::HolidayCalendar;
use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_store::{FollowedArea, OverdueTaskRow};

use crate::reports::inbox::{self, InboxEntry};
use crate::{Actor, App, Result};

/// One followed area.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AreaView {
    pub area: FollowedArea,
    pub inbox: Vec<InboxEntry>,
    pub overdue_tasks: Vec<OverdueTaskRow>,
    /// Open citizen cases of the area's subtree past their due date; `None` for a member
    /// who may not handle cases there.
    pub overdue_cases: Option<i64>,
}

impl AreaView {
    /// The inbox entries still to send and past their due date.
    pub fn overdue_obligations(&self) -> impl Iterator<Item = &InboxEntry> {
        self.inbox.iter().filter(|e| e.overdue && e.is_open())
    }

    /// How many things of the area are overdue.
    pub fn overdue_count(&self) -> usize {
        self.overdue_obligations().count() + self.overdue_tasks.len() + self.overdue_cases.unwrap_or(0) as usize
    }
}

/// The areas the actor follows, with their inboxes; `hidden` counts the areas outside what the
/// actor may read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FollowView {
    pub areas: Vec<AreaView>,
    pub hidden: usize,
}

/// What the signed-in member follows (nothing for the system or an account that sits on no
/// committee).
pub async fn followed(app: &App, actor: &Actor, calendar: &HolidayCalendar) -> Result<FollowView> {
    let Some(user) = actor.user_id() else { return Ok(FollowView { areas: vec![], hidden: 0 }) };
    let store = app.store();
    let today = app.today();
    let mut areas: Vec<AreaView> = Vec::new();
    let mut hidden = 0;
    for area in store.followed_areas(user.0).await? {
        if areas.iter().any(|a| a.area.unit_id == area.unit_id) {
            continue;
        }
        let path = coso_domain::unit_path::UnitPath::from_stored(area.path.clone());
        if !actor.may(&path, Action::ReadPlans) {
            hidden += 1;
            continue;
        }
        let unit = crate::units::by_id(app, UnitId(area.unit_id)).await?;
        let entries = inbox::inbox(app, actor, calendar, &unit).await?;
        let overdue_tasks = store.overdue_tasks_led_by(UnitId(area.unit_id), today).await?;
        let overdue_cases = if actor.may(&path, Action::HandleCases) {
            Some(store.overdue_case_count(&area.path, today).await?)
        } else {
            None
        };
        areas.push(AreaView { area, inbox: entries, overdue_tasks, overdue_cases });
    }
    Ok(FollowView { areas, hidden })
}
