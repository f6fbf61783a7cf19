//! What the commune does: create an election for a village, record the steps of its timeline,
//! the meeting's count, its decision on the result, and a dismissal.

use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::election::{
    BOARD_RULES, DismissalData, DismissalInput, ElectionData, ElectionInput, ElectionKind, ElectionStatus, Outcome,
    PersonRole, RecognitionData, RecognitionInput, ResultData, ResultInput, Step, StepData, StepInput, judge_seats,
    team_conflicts,
};
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;

use super::boards;
use super::view::{DismissalView, ElectionView, dismissal_view, election_for, view_of};
use crate::{Actor, App, Error, Result};

/// The village `code`, which must be a village or a residential group.
async fn village(app: &App, code: &str) -> Result<UnitRow> {
    let unit = crate::units::by_code(app, code).await?;
    if !matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Err(Error::BadRequest(format!(
            "{} không phải thôn, tổ dân phố: chỉ thôn, tổ dân phố bầu trưởng thôn, tổ trưởng.",
            unit.name
        )));
    }
    Ok(unit)
}

/// Creates an election of the village `code` for its meeting day; `dismissal` names the
/// dismissal of the same village it follows (VH-7). An election of a board's members is
/// created by the commune `code` (see `boards.rs`).
pub async fn create(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    input: &ElectionInput,
) -> Result<ElectionView> {
    if !matches!(input.kind.trim(), "" | "village_head") {
        return create_for_board(app, actor, calendar, code, input).await;
    }
    let unit = village(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    let data = ElectionData::parse(input, &unit.name).map_err(Error::Validation)?;
    if let Some(d) = data.dismissal {
        let row = app.store().dismissal(d).await?.filter(|r| r.unit_id == unit.id);
        match row {
            Some(r) if data.meeting_on <= r.recognised_on => {
                return Err(Error::Validation(vec![FieldError::new(
                    "meeting_on",
                    "Ngày họp bầu phải sau ngày công nhận việc cho thôi làm.",
                )]));
            }
            Some(_) => {}
            None => {
                return Err(Error::Validation(vec![FieldError::new(
                    "dismissal",
                    format!("Không có quyết định cho thôi làm này ở {}.", unit.name),
                )]));
            }
        }
    }
    let id = app.store().create_election(&permit, &unit, &data, actor.audit()).await?;
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    view_of(app, calendar, &unit, e).await
}

/// Creates an election of a board's members by the commune `code`.
async fn create_for_board(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    input: &ElectionInput,
) -> Result<ElectionView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    let data = ElectionData::parse(input, &unit.name).map_err(Error::Validation)?;
    boards::check_unit(data.kind, &unit)?;
    if data.kind == ElectionKind::InvestmentBoard {
        boards::check_investment_board(app, &unit, data.board).await?;
    }
    let id = app.store().create_election(&permit, &unit, &data, actor.audit()).await?;
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    view_of(app, calendar, &unit, e).await
}

fn conflict_error(names: &[String], step: Step) -> Error {
    let list = names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ");
    let message = match step {
        Step::Team => {
            format!("{list} là người ứng cử nên không được là thành viên Tổ bầu cử (Nghị định 59/2023/NĐ-CP, Điều 6).")
        }
        _ => format!("{list} đang là thành viên Tổ bầu cử nên không thể ứng cử (Nghị định 59/2023/NĐ-CP, Điều 6)."),
    };
    Error::Validation(vec![FieldError::new("people", message)])
}

/// Records a step of the timeline done on its day (late ones are kept and flagged); the team
/// may not hold a candidate, nor the candidates a member of the team (VH-2).
pub async fn record_step(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    id: i64,
    input: &StepInput,
) -> Result<ElectionView> {
    let (unit, e) = election_for(app, actor, id, Action::ManageElections).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    let data = StepData::parse(input).map_err(Error::Validation)?;
    if e.status != ElectionStatus::Preparing {
        return Err(Error::Conflict {
            field: "status",
            message: "Cuộc bầu cử đã có kết quả: không còn ghi nhận các bước chuẩn bị.".into(),
        });
    }
    let people = app.store().election_people(id).await?;
    let of = |role: PersonRole| people.iter().filter(|p| p.role == role).map(|p| p.name.clone()).collect::<Vec<_>>();
    let conflicts = match data.step {
        Step::Team => team_conflicts(&data.people, &of(PersonRole::Candidate)),
        Step::Candidates => team_conflicts(&data.people, &of(PersonRole::Team)),
        Step::Plan | Step::Notice => Vec::new(),
    };
    if !conflicts.is_empty() {
        return Err(conflict_error(&conflicts, data.step));
    }
    let villages = match data.step {
        Step::Candidates => boards::candidate_villages(app, &unit, e.kind, &data.people, &data.villages).await?,
        Step::Team | Step::Plan | Step::Notice => Vec::new(),
    };
    app.store().record_election_step(&permit, &unit, id, &data, &villages, actor.audit()).await?;
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    view_of(app, calendar, &unit, e).await
}

/// Records the meeting's count and the day the commune received it.
pub async fn record_result(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    id: i64,
    input: &ResultInput,
) -> Result<ElectionView> {
    let (unit, e) = election_for(app, actor, id, Action::ManageElections).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    if e.status != ElectionStatus::Preparing {
        return Err(Error::Conflict { field: "status", message: "Cuộc bầu cử đã có kết quả.".into() });
    }
    let candidates: Vec<String> = app
        .store()
        .election_people(id)
        .await?
        .into_iter()
        .filter(|p| p.role == PersonRole::Candidate)
        .map(|p| p.name)
        .collect();
    let seats = u32::try_from(e.seats).map_err(Error::internal)?;
    let data = ResultData::parse(input, &candidates, e.meeting_on, seats).map_err(Error::Validation)?;
    if e.kind != ElectionKind::VillageHead {
        // A count that elects somebody must give a board the law allows; one electing nobody is
        // kept, for the commune to decide a new vote.
        let judged = judge_seats(&BOARD_RULES, &data, seats);
        if !judged.elected.is_empty() {
            boards::board_change(app, &unit, &e, &judged.elected, None, "votes").await?;
        }
    }
    app.store().record_election_result(&permit, &unit, id, &data, actor.audit()).await?;
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    view_of(app, calendar, &unit, e).await
}

/// The commune's decision on a held election: recognise its winner, or hold it again (VH-6).
pub async fn decide(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    id: i64,
    input: &RecognitionInput,
) -> Result<ElectionView> {
    let (unit, e) = election_for(app, actor, id, Action::ManageElections).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    let received_on = match (e.status, e.received_on) {
        (ElectionStatus::Held, Some(r)) => r,
        (ElectionStatus::Preparing, _) => {
            return Err(Error::Conflict {
                field: "status",
                message: "Cuộc bầu cử chưa có kết quả nên chưa thể công nhận.".into(),
            });
        }
        _ => {
            return Err(Error::Conflict {
                field: "status",
                message: format!("Kết quả bầu cử đã được quyết định: {}.", e.status.label()),
            });
        }
    };
    let data = RecognitionData::parse(input, received_on).map_err(Error::Validation)?;
    let view = view_of(app, calendar, &unit, e.clone()).await?;
    if data.recognised && view.outcome != Some(Outcome::Elected) {
        return Err(Error::Validation(vec![FieldError::new(
            "recognised",
            format!(
                "Không có người trúng cử ({}) nên không thể công nhận; hãy quyết định tổ chức bầu lại.",
                view.reason.unwrap_or_default()
            ),
        )]));
    }
    if data.recognised && e.kind != ElectionKind::VillageHead {
        let board_permit = actor.authorize(&unit.unit_path(), Action::ManageBoards)?;
        let elected: Vec<(String, u32)> = view.winners.iter().map(|w| (w.clone(), 0)).collect();
        let change = boards::board_change(app, &unit, &e, &elected, data.head.as_deref(), "recognised").await?;
        app.store().recognise_board_election(&permit, &board_permit, &unit, id, &data, &change, actor.audit()).await?;
    } else {
        app.store().decide_election(&permit, &unit, id, &data, actor.audit()).await?;
    }
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    view_of(app, calendar, &unit, e).await
}

/// Records a dismissal the commune recognised, with its interim head (VH-7); the new election
/// is then due within 60 days.
pub async fn dismiss(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    input: &DismissalInput,
) -> Result<DismissalView> {
    let unit = village(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageElections)?;
    let data = DismissalData::parse(input).map_err(Error::Validation)?;
    let id = app.store().create_dismissal(&permit, &unit, &data, actor.audit()).await?;
    let row = app.store().dismissal(id).await?.ok_or(Error::NotFound)?;
    dismissal_view(calendar, &unit, row, None, app.today())
}
