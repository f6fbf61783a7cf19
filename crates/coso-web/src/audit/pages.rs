//! The audit log: every change, and every read of a household register (administrators).

use axum::extract::State;

use super::views::AuditPage;
use crate::auth::CurrentUser;
use crate::error::PageResult;
use crate::state::AppState;
use crate::views::Nav;

pub async fn audit_log(State(state): State<AppState>, user: CurrentUser) -> PageResult<AuditPage> {
    let page = coso_app::audit::recent(&state.app, &user.actor(), Some(200)).await?;
    Ok(AuditPage { nav: Nav::of(Some(&user)), entries: page.items, total: page.total })
}
