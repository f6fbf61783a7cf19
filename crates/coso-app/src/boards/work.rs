//! The board's own work: its yearly plan, and its activities with the photos of a visit.

use coso_domain::FieldError;
use coso_domain::board::{ActivityData, ActivityInput, BoardStatus, PlanData, PlanInput};
use coso_store::{NewActivity, NewPhoto};

use super::access::{BoardAccess, board_for_work};
use crate::cases::photos;
use crate::{Actor, App, Error, Result};

/// The most photos one activity keeps.
pub const MAX_PHOTOS: usize = 10;

/// A board that still works; a dissolved one keeps its record but takes no more work.
pub(crate) async fn working(app: &App, actor: &Actor, id: i64) -> Result<BoardAccess> {
    let access = board_for_work(app, actor, id).await?;
    if access.board.status == BoardStatus::Dissolved {
        return Err(Error::Conflict {
            field: "status", message: "Ban đã giải thể; không ghi thêm hoạt động.".into()
        });
    }
    Ok(access)
}

/// Writes the board's plan for a year (a new version replaces the old one).
pub async fn save_plan(app: &App, actor: &Actor, id: i64, input: &PlanInput) -> Result<()> {
    let access = working(app, actor, id).await?;
    let plan = PlanData::parse(input, app.today()).map_err(Error::Validation)?;
    Ok(app.store().save_board_plan(&access.permit, &access.unit, id, plan.year, &plan.body, actor.audit()).await?)
}

/// Records an activity; `photos` (file name, bytes) are checked and stripped of their metadata.
pub async fn add_activity(
    app: &App,
    actor: &Actor,
    id: i64,
    input: &ActivityInput,
    photos: &[(String, Vec<u8>)],
) -> Result<i64> {
    let access = working(app, actor, id).await?;
    let mut errors = Vec::new();
    let data = ActivityData::parse(input, app.today()).map_err(|e| errors.extend(e)).ok();
    if photos.len() > MAX_PHOTOS {
        errors.push(FieldError::new(photos::FIELD, format!("Mỗi hoạt động có tối đa {MAX_PHOTOS} ảnh.")));
    }
    let mut clean = Vec::new();
    for (name, bytes) in photos {
        match photos::clean(name, bytes) {
            Ok(p) => {
                clean.push(NewPhoto { file_name: p.file_name, content_type: p.kind.content_type(), bytes: p.bytes })
            }
            Err(e) => errors.push(e),
        }
    }
    let Some(data) = data.filter(|_| errors.is_empty()) else { return Err(Error::Validation(errors)) };
    let new =
        NewActivity { kind: data.kind, subject: data.subject, held_on: data.held_on, notes: data.notes, photos: clean };
    Ok(app.store().add_board_activity(&access.permit, &access.unit, id, &new, actor.audit()).await?)
}
