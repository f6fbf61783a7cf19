//! What the pages and the API read: one board with its work, a unit's boards as the visitor may
//! see them, the overdue findings of a subtree, and the public list of a commune's boards with
//! their closed findings.

use coso_domain::authz::Action;
use coso_domain::board::{BoardStatus, FindingStatus};
use coso_store::{
    BoardActivityRow, BoardPhotoMeta, BoardPlanRow, BoardReportRow, BoardRow, FindingRow, MemberRow,
    OverdueCommitmentRow, OverdueCountRow, UnitRow,
};
use serde::Serialize;

use super::access::{board_for_work, sits_on};
use super::findings::FindingView;
use super::reports::{ReportDue, dues};
use crate::{Actor, App, Error, Result};

/// The most overdue findings, and the most overdue commitments, an overview lists.
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

/// What a unit's subtree let go past its deadline: a province's or a commune's overview.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OverdueOverview {
    /// The findings still waiting for their answer, the longest overdue first, at most
    /// [`OVERVIEW_LIMIT`].
    pub findings: Vec<FindingView>,
    /// The dialogues' commitments not done by their due date, the longest overdue first, at
    /// most [`OVERVIEW_LIMIT`]; empty for a visitor who does not hold the unit's dialogues.
    pub commitments: Vec<OverdueCommitmentRow>,
    /// Per unit holding a board or a dialogue (a commune, an agency), how many of each, in the
    /// units' order.
    pub units: Vec<OverdueUnit>,
}

/// How many overdue findings and commitments one unit of the subtree has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueUnit {
    pub code: String,
    pub name: String,
    pub findings: i64,
    pub commitments: i64,
}

impl OverdueOverview {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
    pub fn findings_total(&self) -> i64 {
        self.units.iter().map(|u| u.findings).sum()
    }
    pub fn commitments_total(&self) -> i64 {
        self.units.iter().map(|u| u.commitments).sum()
    }
}

/// Merges the two counts, each in the units' order, into one line per unit in that order.
fn per_unit(findings: Vec<OverdueCountRow>, commitments: Vec<OverdueCountRow>) -> Vec<OverdueUnit> {
    let mut out: Vec<(OverdueCountRow, i64, i64)> = Vec::with_capacity(findings.len() + commitments.len());
    for f in findings {
        let n = f.count;
        out.push((f, n, 0));
    }
    for c in commitments {
        match out.iter_mut().find(|(u, _, _)| u.unit_id == c.unit_id) {
            Some(line) => line.2 = c.count,
            None => {
                let n = c.count;
                out.push((c, 0, n));
            }
        }
    }
    out.sort_by(|(a, _, _), (b, _, _)| (&a.sort_key, a.unit_id).cmp(&(&b.sort_key, b.unit_id)));
    out.into_iter()
        .map(|(u, findings, commitments)| OverdueUnit { code: u.code, name: u.name, findings, commitments })
        .collect()
}

/// The findings of the boards of the unit's subtree still waiting for an answer after their
/// deadline and the commitments of its dialogues not done after their due date, the longest
/// overdue first, with their counts per commune: a province or a commune's overview. One query
/// per kind for the lists and one per kind for the counts, over the subtree.
pub async fn overdue_overview(app: &App, actor: &Actor, unit: &UnitRow) -> Result<OverdueOverview> {
    let path = unit.unit_path();
    actor.authorize(&path, Action::ManageBoards)?;
    let today = app.today();
    let s = app.store();
    let rows: Vec<FindingRow> = s.overdue_findings(&unit.path, today, OVERVIEW_LIMIT).await?;
    let finding_counts = s.overdue_finding_counts(&unit.path, today).await?;
    let (commitments, commitment_counts) = if actor.may(&path, Action::HoldDialogues) {
        (
            s.overdue_commitments(&unit.path, today, OVERVIEW_LIMIT).await?,
            s.overdue_commitment_counts(&unit.path, today).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(OverdueOverview {
        findings: rows.into_iter().map(|f| FindingView::of(f, today)).collect(),
        commitments,
        units: per_unit(finding_counts, commitment_counts),
    })
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
