//! Online votes (DEC-11, matter 6 only): each linked household representative votes once for
//! the household and may change the vote until the close; the count is held against all the
//! households of the snapshot. A resident sees the household's votes on «Của tôi»; an official
//! closes the vote and the result is recorded like any other form's.

use chrono::NaiveDate;
use coso_domain::decision::online_vote::Choice;
use coso_domain::decision::{DecisionForm, Outcome, judge};
use coso_store::{DecisionResult, DecisionRow, UnitRow};
use serde::Serialize;

use super::access::manage_permit;
use crate::households::representative_of;
use crate::{Actor, App, Error, Result};

/// One online vote as the household's representative sees it.
#[derive(Debug, Clone, Serialize)]
pub struct HouseholdVote {
    pub id: i64,
    pub title: String,
    pub village_name: String,
    pub held_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Open for voting today.
    pub open: bool,
    /// The household's vote, if it voted.
    pub choice: Option<Choice>,
    /// After the close: yes, no, households, the outcome and its reason.
    pub result: Option<OnlineResult>,
}

/// The result of a closed online vote.
#[derive(Debug, Clone, Serialize)]
pub struct OnlineResult {
    pub yes: i64,
    pub no: i64,
    pub households: i64,
    pub outcome: Outcome,
    pub reason: String,
}

fn parse_choice(code: &str) -> Option<Choice> {
    Choice::ALL.into_iter().find(|c| c.as_str() == code)
}

fn is_open(d: &DecisionRow, today: NaiveDate) -> bool {
    d.outcome.is_none() && today >= d.held_on && today <= d.ends_on
}

/// The online votes of the actor's household, open ones first.
pub async fn of_my_household(app: &App, actor: &Actor) -> Result<Vec<HouseholdVote>> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let Some(represented) = representative_of(app, user).await? else { return Ok(Vec::new()) };
    let store = app.store();
    let today = app.clock().today();
    let mut out = Vec::new();
    for id in store.online_votes_of_household(represented.household.0).await? {
        let Some(d) = store.decision(id).await? else { continue };
        let choice = store.online_vote(id, represented.household.0).await?.and_then(|v| parse_choice(&v.choice));
        let result = match (d.outcome, d.reason.clone()) {
            (Some(outcome), Some(reason)) => Some(OnlineResult {
                yes: d.yes_votes.unwrap_or(0),
                no: d.no_votes.unwrap_or(0),
                households: d.households,
                outcome,
                reason,
            }),
            _ => None,
        };
        out.push(HouseholdVote {
            id: d.id,
            open: is_open(&d, today),
            title: d.title,
            village_name: represented.village_name.clone(),
            held_on: d.held_on,
            ends_on: d.ends_on,
            choice,
            result,
        });
    }
    Ok(out)
}

/// Casts or replaces the vote of the actor's household; returns whether an earlier vote was
/// replaced. Only a confirmed representative votes, only on an open online vote on matter (6)
/// whose snapshot holds the household.
pub async fn vote(app: &App, actor: &Actor, id: i64, choice: Choice) -> Result<bool> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let represented = representative_of(app, user).await?.ok_or_else(|| Error::Conflict {
        field: "choice",
        message: "Tài khoản của bạn chưa được xác nhận là người đại diện hộ gia đình; chưa thể biểu quyết.".into(),
    })?;
    let d = app.store().decision(id).await?.ok_or(Error::NotFound)?;
    if d.form != DecisionForm::Online {
        return Err(Error::NotFound);
    }
    if !d.matter.allows_online_vote() {
        return Err(Error::Conflict {
            field: "choice",
            message: "Chỉ công việc tự quản khác của cộng đồng (mục 6) mới được biểu quyết trực tuyến.".into(),
        });
    }
    if app.clock().today() < d.held_on {
        return Err(Error::Conflict {
            field: "choice",
            message: format!("Cuộc biểu quyết bắt đầu từ ngày {}.", d.held_on.format("%d/%m/%Y")),
        });
    }
    Ok(app.store().cast_online_vote(id, represented.household.0, choice.as_str(), actor.audit()).await?)
}

/// Closes an online vote: the votes counted against all households, the result recorded.
pub async fn close(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Outcome> {
    let permit = manage_permit(actor, unit)?;
    let d = app.store().decision(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    if d.form != DecisionForm::Online {
        return Err(Error::Conflict {
            field: "form",
            message: format!("Quyết định này theo hình thức «{}», không biểu quyết trực tuyến.", d.form.label()),
        });
    }
    if d.outcome.is_some() {
        return Err(Error::Conflict {
            field: "status", message: "Cuộc biểu quyết này đã kết thúc.".into()
        });
    }
    let count = app.store().online_count(id).await?;
    let households = u32::try_from(d.households.max(0)).unwrap_or(u32::MAX);
    let yes = u32::try_from(count.yes.max(0)).unwrap_or(u32::MAX);
    let judgement = judge(households, None, Some(yes), d.comparison).ok_or_else(|| Error::internal("no judgement"))?;
    let result = DecisionResult {
        votes: Some((count.yes, count.no, 0)),
        meeting: None,
        outcome: judgement.outcome,
        reason: judgement.reason,
        present: d.present,
    };
    app.store().record_decision_result(&permit, unit, id, &result, actor.audit()).await?;
    Ok(judgement.outcome)
}
