//! Who may see and work on a board: the officials who manage boards on its unit, and the
//! members of that board holding the `board_member` role there. A member of another board is
//! refused.

use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use coso_store::{BoardRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// A board opened by someone allowed to work on it.
#[derive(Debug, Clone)]
pub struct BoardAccess {
    pub unit: UnitRow,
    pub board: BoardRow,
    pub permit: Permit,
    /// Whether the actor manages boards on the unit (not only a member of this one).
    pub manages: bool,
}

/// Whether the actor sits on the board (through the account recorded with its member).
pub(crate) async fn sits_on(app: &App, actor: &Actor, board_id: i64) -> Result<bool> {
    let Some(user) = actor.user_id() else { return Ok(false) };
    Ok(app.store().boards_of_user(user.0).await?.contains(&board_id))
}

/// The board `id`, for an official managing boards on its unit or one of its members.
pub async fn board_for_work(app: &App, actor: &Actor, id: i64) -> Result<BoardAccess> {
    let board = app.store().board(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(board.unit_id)).await?;
    let path = unit.unit_path();
    if let Ok(permit) = actor.authorize(&path, Action::ManageBoards) {
        return Ok(BoardAccess { unit, board, permit, manages: true });
    }
    let permit = actor.authorize(&path, Action::Supervise)?;
    if !sits_on(app, actor, id).await? {
        return Err(Error::Forbidden);
    }
    Ok(BoardAccess { unit, board, permit, manages: false })
}

/// The board `id` of the unit `code`; one of another unit is not found.
pub(crate) async fn board_of_unit(app: &App, actor: &Actor, code: &str, id: i64) -> Result<BoardAccess> {
    let access = board_for_work(app, actor, id).await?;
    if access.unit.code != code {
        return Err(Error::NotFound);
    }
    Ok(access)
}
