//! The reception log: sessions held and the visits received, for the unit's officials. The
//! visitors' names, addresses and matters are personal data: reading them is audited.

use chrono::{Days, NaiveDate};
use coso_domain::authz::Action;
use coso_domain::reception::{SessionData, SessionInput, VisitData, VisitInput};
use coso_store::{AuditEntry, ReceptionSessionRow, ReceptionVisitRow, UnitRow, VisitCaseRow};

use super::require_reception;
use crate::{Actor, App, Error, Result};

/// How far back the log page lists sessions.
const LOG_DAYS: u64 = 366;

/// The sessions of a unit over the last year, the latest first.
pub struct LogView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub sessions: Vec<ReceptionSessionRow>,
    /// The cases the visits of these sessions led to.
    pub cases: Vec<VisitCaseRow>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

pub async fn view(app: &App, actor: &Actor, code: &str) -> Result<LogView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    require_reception(&unit)?;
    let to = app.today();
    let from = to.checked_sub_days(Days::new(LOG_DAYS)).unwrap_or(to);
    let (ancestors, sessions, cases) = tokio::try_join!(
        app.store().ancestors(&unit),
        app.store().reception_sessions(&permit, &unit, from, to),
        app.store().log_visit_cases(&permit, &unit, from, to)
    )?;
    Ok(LogView { unit, ancestors, sessions, cases, from, to })
}

/// The sessions of a unit between two days (the API).
pub async fn sessions(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ReceptionSessionRow>> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    Ok(app.store().reception_sessions(&permit, unit, from, to).await?)
}

/// Records a session held at the unit; a day after today is refused.
pub async fn record_session(app: &App, actor: &Actor, unit: &UnitRow, input: &SessionInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    require_reception(unit)?;
    let data = SessionData::parse(input, app.today()).map_err(Error::Validation)?;
    Ok(app.store().record_session(&permit, unit, &data, actor.audit()).await?)
}

/// One session with its visits: an audited read of the visitors' personal data.
pub struct SessionView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub session: ReceptionSessionRow,
    pub visits: Vec<ReceptionVisitRow>,
    /// The cases the visits led to.
    pub cases: Vec<VisitCaseRow>,
    /// The unit's categories of cases, (code, name), for registering a case from a visit.
    pub categories: Vec<(String, String)>,
}

pub async fn session(app: &App, actor: &Actor, code: &str, id: i64) -> Result<SessionView> {
    let unit = crate::units::by_code(app, code).await?;
    let (session, visits) = visits(app, actor, &unit, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    let (ancestors, cases, categories) = tokio::try_join!(
        app.store().ancestors(&unit),
        app.store().session_visit_cases(&permit, &unit, id),
        app.store().case_categories(unit.unit_id())
    )?;
    let categories = categories.into_iter().map(|c| (c.code, c.name)).collect();
    Ok(SessionView { unit, ancestors, session, visits, cases, categories })
}

/// A session of the unit and its visits; the read is audited before anything is returned.
pub async fn visits(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: i64,
) -> Result<(ReceptionSessionRow, Vec<ReceptionVisitRow>)> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    let session = app.store().reception_session(&permit, unit, id).await?;
    let entry = AuditEntry {
        action: "reception.visit_list",
        entity: "reception_visit",
        entity_id: id.to_string(),
        unit_id: Some(unit.unit_id()),
        before: None,
        after: Some(serde_json::json!({ "session_id": id })),
    };
    app.store().audit(actor.audit(), &entry).await?;
    let visits = app.store().reception_visits(&permit, unit, id).await?;
    Ok((session, visits))
}

/// Records a visit received at a session of the unit.
pub async fn record_visit(app: &App, actor: &Actor, unit: &UnitRow, session: i64, input: &VisitInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    let data = VisitData::parse(input).map_err(Error::Validation)?;
    Ok(app.store().record_visit(&permit, unit, session, &data, actor.audit()).await?)
}
