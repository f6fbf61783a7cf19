//! The audit log: every change, every read of a household register and every download of the
//! log, narrowed by person, unit, kind and dates, 50 a page (administrators).

use axum::extract::State;
use axum::response::Response;
use coso_app::audit::{self, LogFilter, LogQuery};
use serde::Deserialize;

use super::views::{AuditPage, KindChoice};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Path, Query};
use crate::forms::FieldErrors;
use crate::plans::api::download;
use crate::state::AppState;
use crate::views::Nav;

/// The filters in the address, as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogParams {
    pub nguoi: String,
    #[serde(rename = "don-vi")]
    pub don_vi: String,
    pub loai: String,
    #[serde(rename = "tu-ngay")]
    pub tu_ngay: String,
    #[serde(rename = "den-ngay")]
    pub den_ngay: String,
    pub trang: String,
}

impl LogParams {
    fn query(&self) -> LogQuery {
        LogQuery {
            person: self.nguoi.clone(),
            unit: self.don_vi.clone(),
            kind: self.loai.clone(),
            from: self.tu_ngay.clone(),
            to: self.den_ngay.clone(),
        }
    }

    /// The filters as an address query, without the page.
    pub fn filter_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("nguoi", &self.nguoi),
            ("don-vi", &self.don_vi),
            ("loai", &self.loai),
            ("tu-ngay", &self.tu_ngay),
            ("den-ngay", &self.den_ngay),
        ] {
            if !v.trim().is_empty() {
                q.append_pair(k, v.trim());
            }
        }
        q.finish()
    }
}

pub async fn audit_log(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<LogParams>,
) -> PageResult<AuditPage> {
    let actor = user.actor();
    let (filter, errors) = match params.query().read() {
        Ok(f) => (f, FieldErrors::default()),
        // A refused filter shows the whole log under the error summary, the input kept.
        Err(e) => (LogFilter::default(), FieldErrors(e)),
    };
    let page_no = params.trang.trim().parse::<i64>().unwrap_or(1).max(1);
    let page = audit::page(&state.app, &actor, &filter, page_no).await?;
    let kinds = audit::Kind::ALL
        .into_iter()
        .map(|k| KindChoice { code: k.code(), label: k.label(), selected: params.loai == k.code() })
        .collect();
    Ok(AuditPage { nav: Nav::of(Some(&user)), filter_query: params.filter_query(), params, errors, kinds, page })
}

/// `/quan-tri/nhat-ky/nhat-ky.csv`: the filtered log as a file.
pub async fn audit_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(file): Path<String>,
    Query(params): Query<LogParams>,
) -> PageResult<Response> {
    if file != "nhat-ky.csv" {
        return Err(PageError(AppError::NotFound));
    }
    let filter = params.query().read().map_err(coso_app::Error::Validation)?;
    let bytes = audit::export_csv(&state.app, &user.actor(), &filter).await?;
    Ok(download(bytes, "text/csv; charset=utf-8", "nhat-ky-he-thong.csv"))
}
