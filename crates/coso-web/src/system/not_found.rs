//! "Not found" for paths no feature serves: JSON under `/api/v1`, a page elsewhere.

use crate::error::{ApiError, AppError, PageError};

pub async fn page() -> PageError {
    PageError(AppError::NotFound)
}

pub async fn api() -> ApiError {
    ApiError(AppError::NotFound)
}
