//! `/api/v1/units/{code}/decisions` and `/api/v1/decisions/{id}…`: open a community decision,
//! record a meeting's attendance and vote, read the decision with its outcome and deadlines.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::decisions;
use coso_domain::FieldError;
use coso_domain::decision::{DecisionForm, DecisionInput, MeetingTally, VotingMethod};
use coso_store::Attendance;

use super::wire::{AttendanceBody, DecisionBody, DecisionCreate, TallyAnswer, TallyBody};
use crate::auth::CurrentUser;
use crate::decision_votes::wire::BallotTally;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Path};
use crate::state::AppState;
use crate::wire::Created;

async fn body(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<Json<DecisionBody>> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let calendar = crate::calendar::current(state).await?;
    Ok(Json(decisions::view(&state.app, &user.actor(), &calendar, &unit, id).await?.into()))
}

/// Opens a decision of the unit (a village, residential group, or for a ballot the commune)
/// with the households of the register as its electorate (officials of the unit or above, the
/// village head).
#[utoipa::path(post, path = "/api/v1/units/{code}/decisions", tag = "decisions", params(("code" = String, Path)), request_body = DecisionCreate,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<DecisionCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = DecisionInput {
        matter: b.matter.to_string(),
        form: b.form,
        title: b.title,
        date: b.date,
        ends_on: b.ends_on.unwrap_or_default(),
        villages: b.villages,
    };
    let id = decisions::open(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A decision with its outcome, reason and deadlines (those who see the unit's administration).
#[utoipa::path(get, path = "/api/v1/decisions/{id}", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, body = DecisionBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<DecisionBody>> {
    body(&state, &user, id).await
}

/// Records the attendance of a meeting: a count, or the households present.
#[utoipa::path(post, path = "/api/v1/decisions/{id}/attendance", tag = "decisions", params(("id" = i64, Path)), request_body = AttendanceBody,
    responses((status = 200, body = DecisionBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AttendanceBody>,
) -> ApiResult<Json<DecisionBody>> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let attendance = match (b.present, b.households) {
        (Some(n), None) => Attendance::Count(n),
        (None, Some(list)) => Attendance::Households(list),
        _ => {
            return Err(AppError::Validation(vec![FieldError::new(
                "present",
                "Ghi số hộ dự họp (present) hoặc danh sách hộ dự họp (households), không ghi cả hai.",
            )])
            .into());
        }
    };
    decisions::record_attendance(&state.app, &user.actor(), &unit, id, &attendance).await?;
    body(&state, &user, id).await
}

/// Records a meeting's vote and its result (`yes`, `no`, `invalid`, the method; the decision is
/// closed), or a household ballot's count entered twice (`first`, `second`, and `reconciled`
/// when they differ; closed with its outcome once they agree).
#[utoipa::path(post, path = "/api/v1/decisions/{id}/tally", tag = "decisions", params(("id" = i64, Path)), request_body = TallyBody,
    responses((status = 200, body = TallyAnswer), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn tally(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<TallyBody>,
) -> ApiResult<Json<TallyAnswer>> {
    let (unit, decision) = decisions::unit_of(&state.app, id).await?;
    if decision.form == DecisionForm::Ballot {
        let entries = BallotTally { first: b.first, second: b.second, reconciled: b.reconciled };
        let tally = crate::decision_votes::api::enter_tally(&state, &user, &unit, id, entries).await?;
        return Ok(Json(TallyAnswer::Ballot(tally)));
    }
    let count = |field: &'static str, value: Option<u32>, label: &str| {
        value.ok_or_else(|| AppError::Validation(vec![FieldError::new(field, format!("Nhập số phiếu {label}."))]))
    };
    let (yes, no) = (count("yes", b.yes, "đồng ý")?, count("no", b.no, "không đồng ý")?);
    let method = match b.method.as_deref().map(str::trim) {
        None | Some("") => VotingMethod::ShowOfHands,
        Some(code) => code.parse().map_err(|_| {
            AppError::Validation(vec![FieldError::new(
                "method",
                "Cách biểu quyết phải là giơ tay (show_of_hands) hoặc bỏ phiếu kín (secret_ballot).",
            )])
        })?,
    };
    let tally = MeetingTally {
        yes,
        no,
        invalid: b.invalid,
        method,
        secretary: b.secretary,
        secretary_votes: b.secretary_votes,
        board: b.board,
        board_votes: b.board_votes,
    };
    let calendar = crate::calendar::current(&state).await?;
    decisions::tally_meeting(&state.app, &user.actor(), &calendar, &unit, id, tally).await?;
    let Json(answer) = body(&state, &user, id).await?;
    Ok(Json(TallyAnswer::Meeting(Box::new(answer))))
}
