//! The audit log: every change, and every read of a household register (administrators).

use axum::extract::State;

use super::views::AuditPage;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageResult};
use crate::state::AppState;
use crate::views::Nav;

pub async fn audit_log(State(state): State<AppState>, user: CurrentUser) -> PageResult<AuditPage> {
    if !user.is_admin() {
        return Err(AppError::Forbidden.into());
    }
    let page = state.store().audit_entries(None, Some(200)).await?;
    Ok(AuditPage { nav: Nav::of(Some(&user)), entries: page.items, total: page.total })
}
