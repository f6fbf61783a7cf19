//! What the pages and the API read: one board with its work, a unit's boards as the visitor may
//! see them, the overdue findings of a subtree, and the public list of a commune's boards with
//! their closed findings.

use coso_domain::authz::Action;
use coso_domain::board::{BoardStatus, FindingStatus};
use coso_store::{
    BoardActivityRow, BoardPhotoMeta, BoardPlanRow, BoardReportRow, BoardRow, FindingRow, MemberRow, UnitRow,
};
use serde::Serialize;

use super::access::{board_for_work, sits_on};
use super::findings::FindingView;
use super::reports::{ReportDue, dues};
use crate::{Actor, App, Error, Result};

/// The most overdue findings an overview lists.
pub const OVERVIEW_LIMIT: i64 = 500;

/// One board with everything it did.
#[derive(Debug, Clone, Serialize)]
pub struct BoardView {
    pub board: BoardRow,
    pub members: Vec<MemberRow>,
    pub plans: Vec<BoardPlanRow>,
    pub activities: Vec<BoardActivityRow>,
    pub photos: Vec<BoardPhotoMeta>,
    pub findings: Vec<FindingView>,
    pub reports: Vec<BoardReportRow>,
    /// The reports owed, the obligation of the board's inbox.
    pub obligations: Vec<ReportDue>,
    /// Whether the visitor manages the unit's boards (records, dissolves).
    #[serde(skip)]
    pub manages: bool,
}

pub async fn board_view(app: &App, actor: &Actor, id: i64) -> Result<BoardView> {
    let access = board_for_work(app, actor, id).await?;
    let s = app.store();
    let today = app.today();
    let reports = s.board_reports(id).await?;
    let obligations = dues(app, &access.board, &reports).await?;
    Ok(BoardView {
        members: s.board_members(id).await?,
        plans: s.board_plans(id).await?,
        activities: s.board_activities(id).await?,
        photos: s.board_photos(id).await?,
        findings: s.board_findings(id).await?.into_iter().map(|f| FindingView::of(f, today)).collect(),
        reports,
        obligations,
        manages: access.manages,
        board: access.board,
    })
}

/// The boards of the unit the actor may see: all of them for an official managing boards, only
/// their own for a member.
pub async fn list_for_unit(app: &App, actor: &Actor, unit: &UnitRow) -> Result<Vec<BoardRow>> {
    let path = unit.unit_path();
    let all = app.store().boards_of_unit(unit.id).await?;
    if actor.may(&path, Action::ManageBoards) {
        return Ok(all);
    }
    actor.authorize(&path, Action::Supervise)?;
    let mut mine = Vec::new();
    for b in all {
        if sits_on(app, actor, b.id).await? {
            mine.push(b);
        }
    }
    Ok(mine)
}

/// The findings of the boards of the unit's subtree still waiting for an answer after their
/// deadline, the longest overdue first: a province or a commune's overview.
pub async fn overdue_overview(app: &App, actor: &Actor, unit: &UnitRow) -> Result<Vec<FindingView>> {
    actor.authorize(&unit.unit_path(), Action::ManageBoards)?;
    let today = app.today();
    let rows: Vec<FindingRow> = app.store().overdue_findings(&unit.path, today, OVERVIEW_LIMIT).await?;
    Ok(rows.into_iter().map(|f| FindingView::of(f, today)).collect())
}

/// A board as the public sees it: its members by name and role, and its closed findings.
#[derive(Debug, Clone, Serialize)]
pub struct PublicBoard {
    pub board: BoardRow,
    pub members: Vec<MemberRow>,
    pub closed: Vec<FindingRow>,
}

/// The boards of a commune, working ones first, with their closed findings; anyone may read.
pub async fn public_boards(app: &App, code: &str) -> Result<(UnitRow, Vec<PublicBoard>)> {
    let unit = crate::units::by_code(app, code).await?;
    if !(unit.kind.is_commune_level() || unit.kind == coso_domain::unit::UnitKind::Agency) {
        return Err(Error::NotFound);
    }
    let mut out = Vec::new();
    for board in app.store().boards_of_unit(unit.id).await? {
        let members = app.store().board_members(board.id).await?;
        let closed = app
            .store()
            .board_findings(board.id)
            .await?
            .into_iter()
            .filter(|f| f.status == FindingStatus::Closed)
            .collect();
        out.push(PublicBoard { board, members, closed });
    }
    out.sort_by_key(|b| b.board.status != BoardStatus::Active);
    Ok((unit, out))
}
