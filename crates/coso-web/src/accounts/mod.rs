//! Signing in and out: the login page and the session API; a forgotten password; residents'
//! sign-up with a verified e-mail. Sessions
//! themselves, and the extractors of the signed-in user, are in `crate::auth`.

pub mod reset;
pub mod sign_in;
pub mod sign_up;
mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dang-nhap", get(sign_in::login_page).post(sign_in::login_submit))
        .route("/dang-xuat", post(sign_in::logout))
        .route("/dang-ky", get(sign_up::sign_up_page).post(sign_up::sign_up_submit))
        .route("/dang-ky/da-gui", get(sign_up::sent_page))
        .route("/xac-minh/{token}", get(sign_up::verify_page).post(sign_up::verify_submit))
        .route("/gui-lai-xac-minh", post(sign_up::resend))
        .route("/quen-mat-khau", get(reset::forgot_page).post(reset::forgot_submit))
        .route("/dat-lai-mat-khau/{token}", get(reset::reset_page).post(reset::reset_submit))
        .route("/api/v1/session", post(sign_in::api_login).delete(sign_in::api_logout))
}
