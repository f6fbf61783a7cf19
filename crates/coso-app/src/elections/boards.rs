//! Elections of board members: the members of a commune's People's Inspection Board (BTT-1,
//! BTT-2) and the residents' representatives on a project's investment supervision board
//! (GS-3).
//!
//! Why the election and not a community decision: the law sends both to the community meeting
//! of Decree 59 Art. 3 (BTT-2, GS-3), the meeting that also elects a village head, and what it
//! chooses are people, several seats each with their own count — the shape of an election, not
//! the yes-or-no of a decision's matter. A matter-5 decision (*bầu ban giám sát*) of a village
//! points to the commune's elections and boards instead.
//!
//! Why the board changes on recognition and not on the count: as a village head takes office
//! only once the commune recognises the result (VH-6), an investment board exists by the commune
//! Front's decision (GS-1) and the People's Inspection Board is elected under the Front's
//! guidance (BTT-2); the count alone seats nobody. The membership the result would give is
//! checked when the count is recorded (so that a count breaking BTT-1, GS-2 or GS-3 is refused
//! at once) and again, against the board as it then is, when it is recognised.

use chrono::NaiveDate;
use coso_domain::FieldError;
use coso_domain::board::{
    BoardKind, BoardStatus, Member, MemberRole, MemberSource, check_inspection, check_investment,
};
use coso_domain::election::{ElectionKind, PersonRole};
use coso_store::{BoardFromElection, ElectionRow, NewMember, UnitRow};

use crate::boards::create::{village_named, villages_of};
use crate::{App, Error, Result};

/// Whether an election of `kind` may be held by `unit`: a village head by a village or a
/// residential group, a board's members by a commune.
pub(super) fn check_unit(kind: ElectionKind, unit: &UnitRow) -> Result<()> {
    use coso_domain::unit::UnitKind;
    match kind {
        ElectionKind::VillageHead if !matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup) => {
            Err(Error::BadRequest(format!(
                "{} không phải thôn, tổ dân phố: chỉ thôn, tổ dân phố bầu trưởng thôn, tổ trưởng.",
                unit.name
            )))
        }
        ElectionKind::InspectionBoard | ElectionKind::InvestmentBoard if !unit.kind.is_commune_level() => {
            Err(Error::BadRequest(format!(
                "{} không phải xã, phường, đặc khu: thành viên ban giám sát được bầu cho ban của xã.",
                unit.name
            )))
        }
        _ => Ok(()),
    }
}

/// The investment board `board` of the unit, which must be working.
pub(super) async fn check_investment_board(app: &App, unit: &UnitRow, board: Option<i64>) -> Result<()> {
    let found = match board {
        Some(id) => app.store().board(id).await?,
        None => None,
    };
    match found {
        Some(b) if b.unit_id == unit.id && b.kind == BoardKind::Investment && b.status == BoardStatus::Active => Ok(()),
        _ => Err(Error::Validation(vec![FieldError::new(
            "board",
            format!("Không có Ban Giám sát đầu tư của cộng đồng đang hoạt động này ở {}.", unit.name),
        )])),
    }
}

/// The unit each candidate of a board's election would represent, read from the typed village
/// (its code or name): required for a People's Inspection Board (BTT-1), optional for an
/// investment board.
pub(super) async fn candidate_villages(
    app: &App,
    unit: &UnitRow,
    kind: ElectionKind,
    people: &[String],
    typed: &[Option<String>],
) -> Result<Vec<Option<i64>>> {
    if kind == ElectionKind::VillageHead {
        return Ok(vec![None; people.len()]);
    }
    let villages = villages_of(app, unit).await?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (i, name) in people.iter().enumerate() {
        match typed.get(i).cloned().flatten() {
            Some(text) => match village_named(&villages, &text) {
                Some(v) => out.push(Some(v.id)),
                None => {
                    errors.push(FieldError::new(
                        "people",
                        format!("«{text}» (của {name}) không phải thôn, tổ dân phố của {}.", unit.name),
                    ));
                    out.push(None);
                }
            },
            None if kind == ElectionKind::InspectionBoard => {
                errors.push(FieldError::new(
                    "people",
                    format!(
                        "Chưa ghi thôn, tổ dân phố của {name}: mỗi thành viên Ban Thanh tra nhân dân được bầu từ một thôn, tổ dân phố (BTT-1)."
                    ),
                ));
                out.push(None);
            }
            None => out.push(None),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(Error::Validation(errors)) }
}

/// The board the recognised result gives: every member it would have, checked against BTT-1
/// (a People's Inspection Board) or GS-2 and GS-3 (an investment board). A broken rule is
/// refused naming it, on `field` of the form that asked.
pub(super) async fn board_change(
    app: &App,
    unit: &UnitRow,
    e: &ElectionRow,
    elected: &[(String, u32)],
    head: Option<&str>,
    field: &'static str,
) -> Result<BoardFromElection> {
    let Some(kind) = e.kind.board() else {
        return Err(Error::internal("a village-head election forms no board"));
    };
    let people = app.store().election_people(e.id).await?;
    let village_of = |name: &str| {
        let folded = coso_text::fold(name);
        people
            .iter()
            .find(|p| p.role == PersonRole::Candidate && coso_text::fold(&p.name) == folded)
            .map(|p| (p.village_id, p.village_name.clone()))
            .unwrap_or((None, None))
    };
    let mut errors = Vec::new();
    let head_name = match (kind, head) {
        (BoardKind::Inspection, Some(h)) => {
            let folded = coso_text::fold(h);
            match elected.iter().find(|(n, _)| coso_text::fold(n) == folded) {
                Some((n, _)) => Some(n.clone()),
                None => {
                    errors.push(FieldError::new("head", format!("«{h}» không có trong danh sách người trúng cử.")));
                    None
                }
            }
        }
        (BoardKind::Inspection, None) => elected.first().map(|(n, _)| n.clone()),
        (BoardKind::Investment, _) => None,
    };
    let mut members: Vec<(Member, NewMember)> = Vec::new();
    let board_id = match kind {
        BoardKind::Inspection => app
            .store()
            .boards_of_unit(unit.id)
            .await?
            .into_iter()
            .find(|b| b.kind == BoardKind::Inspection && b.status == BoardStatus::Active)
            .map(|b| b.id),
        BoardKind::Investment => {
            let board = match e.board_id {
                Some(id) => app.store().board(id).await?,
                None => None,
            };
            let Some(board) = board.filter(|b| b.status == BoardStatus::Active) else {
                return Err(Error::Conflict {
                    field: "board",
                    message: "Ban Giám sát đầu tư của cộng đồng của cuộc bầu đã giải thể.".into(),
                });
            };
            // The Front's and the Inspection Board's representatives stay; the residents'
            // representatives are those the meeting elected (GS-3).
            for m in app.store().board_members(board.id).await? {
                if m.source == MemberSource::Resident {
                    continue;
                }
                let member = Member {
                    name: m.name.clone(),
                    role: m.role,
                    source: m.source,
                    village: m.village_name,
                    account: None,
                };
                let new = NewMember {
                    name: m.name,
                    role: m.role,
                    source: m.source,
                    village_id: m.village_id,
                    user_id: m.user_id,
                };
                members.push((member, new));
            }
            Some(board.id)
        }
    };
    for (name, _) in elected {
        let (village_id, village_name) = village_of(name);
        let role = if head_name.as_deref() == Some(name.as_str()) { MemberRole::Head } else { MemberRole::Member };
        let member =
            Member { name: name.clone(), role, source: MemberSource::Resident, village: village_name, account: None };
        let new = NewMember { name: name.clone(), role, source: MemberSource::Resident, village_id, user_id: None };
        members.push((member, new));
    }
    let checked: Vec<Member> = members.iter().map(|(m, _)| m.clone()).collect();
    let broken = match kind {
        BoardKind::Inspection => {
            let villages = villages_of(app, unit).await?;
            let names: Vec<String> = villages.iter().map(|v| v.name.clone()).collect();
            let covered: Vec<bool> =
                villages.iter().map(|v| members.iter().any(|(_, n)| n.village_id == Some(v.id))).collect();
            check_inspection(&checked, &names, &covered, false)
        }
        BoardKind::Investment => check_investment(&checked),
    };
    errors.extend(
        broken
            .into_iter()
            .map(|b| FieldError::new(field, format!("Kết quả bầu không lập được Ban theo quy định: {}", b.message))),
    );
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    Ok(BoardFromElection {
        kind,
        board_id,
        elected_by: record_of(e.id, &e.title, e.meeting_on),
        elected_on: e.meeting_on,
        members: members.into_iter().map(|(_, n)| n).collect(),
    })
}

/// What the board shows as the record of its election.
fn record_of(id: i64, title: &str, meeting_on: NaiveDate) -> String {
    format!("{title} (cuộc bầu số {id}, họp ngày {})", meeting_on.format("%d/%m/%Y"))
}
