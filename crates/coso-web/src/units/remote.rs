//! Setting a unit's remote-area flag (*vùng sâu, vùng xa*) from its admin page.

use axum::extract::State;
use axum::response::Response;
use coso_app::units;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::PageResult;
use crate::extract::{Form, Path};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;

/// The form: `remote` is `1` (yes) or `0` (no).
#[derive(Debug, Deserialize)]
pub struct RemoteForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub remote: String,
}

/// The choices of the form's select, the unit's present flag selected.
pub fn options(remote: bool) -> Vec<(&'static str, &'static str, bool)> {
    vec![("0", "Không", !remote), ("1", "Có — vùng sâu, vùng xa", remote)]
}

pub async fn set_remote(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<RemoteForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let remote = match form.remote.as_str() {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    };
    let unit = units::by_code(&state.app, &code).await?;
    units::set_remote(&state.app, &user.actor(), &unit, remote).await?;
    let notice = if remote == Some(true) {
        format!("Đã ghi nhận {} thuộc vùng sâu, vùng xa.", unit.name)
    } else {
        format!("Đã ghi nhận {} không thuộc vùng sâu, vùng xa.", unit.name)
    };
    Ok(redirect_with_notice(&format!("/quan-tri/don-vi/{}", unit.code), &notice))
}
