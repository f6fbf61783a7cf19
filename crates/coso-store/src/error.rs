use coso_domain::RowError;

/// What can go wrong in the store. Database failures are never reported as "not found".
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL (use sqlite://… or postgres://…)")]
    UnsupportedUrl,
    /// A uniqueness rule was broken; the message names the field in Vietnamese.
    #[error("{message}")]
    Conflict { field: &'static str, message: String },
    #[error("not found")]
    NotFound,
    /// The permit handed in does not cover the unit: a bug in the caller, never shown as data.
    #[error("forbidden")]
    Forbidden,
    /// An import whose rows conflict with stored data; nothing was written.
    #[error("import rejected")]
    Rows(Vec<RowError>),
}

impl StoreError {
    pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
    }
}
