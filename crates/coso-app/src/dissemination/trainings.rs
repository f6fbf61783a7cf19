//! The log of trainings and dissemination events: the unit's officials record what was held;
//! the gatherings of a unit's subtree in a report's period fill its `trainings` indicator.

use chrono::{Days, NaiveDate};
use coso_domain::authz::Action;
use coso_domain::dissemination::{TrainingData, TrainingForm, TrainingInput};
use coso_store::{TrainingRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// How far back the log page lists events.
const LOG_DAYS: u64 = 366;

/// The events of a unit over the last year.
pub struct Log {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub events: Vec<TrainingRow>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

pub async fn log(app: &App, actor: &Actor, code: &str) -> Result<Log> {
    let unit = crate::units::by_code(app, code).await?;
    let to = app.today();
    let from = to.checked_sub_days(Days::new(LOG_DAYS)).unwrap_or(to);
    let events = list(app, actor, &unit, from, to).await?;
    let ancestors = app.store().ancestors(&unit).await?;
    Ok(Log { unit, ancestors, events, from, to })
}

/// The events of a unit between two days, the latest first.
pub async fn list(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TrainingRow>> {
    actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    Ok(app.store().trainings(unit, from, to).await?)
}

/// Records an event held by the unit.
pub async fn record(app: &App, actor: &Actor, unit: &UnitRow, input: &TrainingInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let data = TrainingData::parse(input, app.today()).map_err(Error::Validation)?;
    Ok(app.store().record_training(&permit, unit, &data, actor.audit()).await?)
}

/// The gatherings (classes, conferences, meetings, online sessions) a unit's subtree held
/// between two days: the report's «hội nghị tập huấn, tuyên truyền».
pub async fn gatherings(app: &App, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    let forms: Vec<TrainingForm> = TrainingForm::ALL.into_iter().filter(|f| f.is_gathering()).collect();
    Ok(app.store().training_count(unit, from, to, &forms).await?)
}
