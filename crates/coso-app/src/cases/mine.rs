//! "Đơn của tôi": the cases a signed-in resident sent, newest first. Only the account that is a
//! case's sender lists it, and the list says only what the sender may know of their own case:
//! its code, kind, unit, status, receipt, the next due date or the answer's date. A denouncer
//! sees their own denunciation here; nobody else does.

use chrono::NaiveDate;
use coso_domain::case::{CaseKind, CaseStatus};

use crate::{Actor, App, Error, Result};

/// Cases on one page of the list.
pub const MY_CASES_PAGE_SIZE: i64 = 20;

/// One case the resident sent.
#[derive(Debug, Clone)]
pub struct MyCase {
    pub code: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    /// The unit handling it now.
    pub unit_name: String,
    pub received_on: NaiveDate,
    /// When the step it waits for is due, while it is open.
    pub next_due: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
}

/// A page of the resident's cases and the number of all of them.
#[derive(Debug, Clone)]
pub struct MyCases {
    pub items: Vec<MyCase>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// Page `page` (from 1) of the cases the actor's account sent, `per_page` a page.
pub async fn my_cases(app: &App, actor: &Actor, page: i64, per_page: i64) -> Result<MyCases> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let per_page = per_page.clamp(1, MY_CASES_PAGE_SIZE);
    let page = page.max(1);
    let found = app.store().cases_sent_by(user, per_page, (page - 1).saturating_mul(per_page)).await?;
    let items = found
        .items
        .into_iter()
        .map(|c| MyCase {
            next_due: c.due_on.filter(|_| c.status.is_open()),
            code: c.code,
            kind: c.kind,
            status: c.status,
            unit_name: c.unit_name,
            received_on: c.received_on,
            answered_on: c.answered_on,
        })
        .collect();
    let pages = ((found.total + per_page - 1) / per_page).max(1);
    Ok(MyCases { items, total: found.total, page, pages })
}
