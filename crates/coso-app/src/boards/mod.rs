//! Supervision boards (*Ban Thanh tra nhân dân*, *Ban Giám sát đầu tư của cộng đồng*): the unit's
//! officials record a board with the members the community elected (checked against BTT-1,
//! BTT-2, BTT-6, GS-1, GS-2, GS-3) and dissolve it; the board's members keep its yearly plan,
//! record activities and visits with photos, send findings to units and close them once
//! answered, and report each quarter or six months to the commune Front; the unit that received
//! a finding answers it; the daily job sends overdue findings to the commune chairman. A
//! `board_member` account sees only the boards it sits on.

mod access;
mod calendar;
pub(crate) mod create;
pub mod findings;
pub mod reports;
pub mod view;
mod work;

pub use access::{BoardAccess, board_for_work};
pub use create::{create, dissolve};
pub use findings::{Deadline, FindingView, answer, close, escalate_overdue, get as finding, send};
pub use reports::{ReportDue, ReportView, report_document, report_view, send_report};
pub use view::{
    BoardView, OverdueOverview, OverdueUnit, PublicBoard, board_view, list_for_unit, overdue_overview, public_boards,
};
pub use work::{add_activity, save_plan};
