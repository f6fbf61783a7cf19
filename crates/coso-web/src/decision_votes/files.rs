//! The printed sheets and the distribution list, or 501 in a build without PDF output.

use coso_store::UnitRow;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;

#[cfg(feature = "pdf")]
pub async fn sheets(state: &AppState, user: &CurrentUser, unit: &UnitRow, id: i64) -> Result<Vec<u8>, AppError> {
    Ok(coso_app::decisions::ballots::sheets_pdf(&state.app, &user.actor(), unit, id).await?)
}

#[cfg(feature = "pdf")]
pub async fn distribution(state: &AppState, user: &CurrentUser, unit: &UnitRow, id: i64) -> Result<Vec<u8>, AppError> {
    Ok(coso_app::decisions::ballots::distribution_pdf(&state.app, &user.actor(), unit, id).await?)
}

#[cfg(not(feature = "pdf"))]
pub async fn sheets(state: &AppState, user: &CurrentUser, unit: &UnitRow, id: i64) -> Result<Vec<u8>, AppError> {
    // Check access before saying the build cannot print, so a stranger learns nothing more.
    coso_app::decisions::ballots::sheets(&state.app, &user.actor(), unit, id).await?;
    Err(AppError::NoPdf)
}

#[cfg(not(feature = "pdf"))]
pub async fn distribution(state: &AppState, user: &CurrentUser, unit: &UnitRow, id: i64) -> Result<Vec<u8>, AppError> {
    coso_app::decisions::ballots::sheets(&state.app, &user.actor(), unit, id).await?;
    Err(AppError::NoPdf)
}
