//! "Not found" for paths no feature serves: JSON under `/api/v1`, a page elsewhere.

use crate::error::{ApiError, AppError, PageError};

pub async fn page_not_found() -> PageError {
    PageError(AppError::NotFound)
}

pub async fn api_not_found() -> ApiError {
    ApiError(AppError::NotFound)
}
