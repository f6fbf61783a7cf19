//! The page itself, and marking a notification read.

use axum::extract::State;
use axum::response::Response;
use coso_app::{households, notifications};
use coso_domain::authz::Role;
use coso_domain::clock::vietnam_time_text;
use coso_domain::household_link::LinkRequestInput;

use super::case_views::MyCaseLine;
use super::views::{MyHomePage, MyNotification, MyUnit};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

/// The newest cases the page itself lists; the rest are on `/cua-toi/don`.
const HOME_CASES: i64 = 5;

/// The page, with the household request form as typed and its errors (after a refused one).
pub(super) async fn my_page(
    state: &AppState,
    user: &CurrentUser,
    typed: LinkRequestInput,
    errors: FieldErrors,
) -> Result<MyHomePage, AppError> {
    let mut units: Vec<MyUnit> = Vec::new();
    for g in &user.grants {
        if units.iter().any(|u| u.code == g.unit_code) {
            continue;
        }
        let role = g.role.label();
        units.push(MyUnit { code: g.unit_code.clone(), name: g.unit_name.clone(), role });
    }
    let actor = user.actor();
    let is_resident = user.grants.iter().any(|g| g.role == Role::Resident);
    let household = if is_resident { households::my_household(&state.app, &actor).await? } else { None };
    let notifications = notifications::of_user(&state.app, &actor)
        .await?
        .into_iter()
        .map(|n| MyNotification {
            id: n.id,
            kind: n.kind.label(),
            title: n.title,
            body: n.body,
            at: vietnam_time_text(n.created_at),
            unread: n.read_at.is_none(),
        })
        .collect();
    let cases = coso_app::cases::my_cases(&state.app, &actor, 1, HOME_CASES).await?;
    Ok(MyHomePage {
        nav: Nav::of(Some(user)),
        name: user.display_name.clone(),
        units,
        is_resident,
        household,
        typed,
        errors,
        notifications,
        cases: cases.items.into_iter().map(MyCaseLine::from).collect(),
        cases_total: cases.total,
    })
}

/// Every signed-in user may open it; it shows only what their own grants and links say.
pub async fn home(State(state): State<AppState>, user: CurrentUser) -> PageResult<MyHomePage> {
    Ok(my_page(&state, &user, LinkRequestInput::default(), FieldErrors::default()).await?)
}

pub async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let changed = notifications::mark_read(&state.app, &user.actor(), id).await?;
    let notice = if changed {
        "Đã đánh dấu thông báo là đã đọc."
    } else {
        "Thông báo này đã được đọc trước đó."
    };
    Ok(redirect_with_notice(&format!("{}#thong-bao", super::PATH), notice))
}
