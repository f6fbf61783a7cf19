//! The public list of a unit (`/don-vi/{code}/phan-anh`): the petitions of its subtree whose
//! senders agreed to publish them, with how long each took and its answer, and the ratings of
//! the unit's answers. Complaints and denunciations never appear; nothing names a sender.

use chrono::NaiveDate;
use coso_domain::case::CaseStatus;
use coso_store::{CaseCategoryRow, PublishedFilter, PublishedRow, RatingSummary, UnitRow};

use crate::{App, Error, Result};

/// Petitions a page shows.
pub const PAGE_SIZE: i64 = 20;

/// What the visitor filters by, as typed in the query.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub category: String,
    pub status: String,
    pub q: String,
    /// 1-based.
    pub page: i64,
}

/// One published petition.
#[derive(Debug, Clone)]
pub struct PublishedPetition {
    pub row: PublishedRow,
    pub category_name: String,
    /// Calendar days from receipt to the answer, or to today while it is open.
    pub days: i64,
}

/// One page of the list.
#[derive(Debug, Clone)]
pub struct PublicList {
    pub unit: UnitRow,
    pub categories: Vec<CaseCategoryRow>,
    pub items: Vec<PublishedPetition>,
    pub has_more: bool,
    pub page: i64,
    pub ratings: RatingSummary,
    /// The filters as understood (unknown values are dropped).
    pub category: String,
    pub status: Option<CaseStatus>,
    pub q: String,
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days().max(0)
}

/// The published petitions of the unit `code`'s subtree.
pub async fn published(app: &App, code: &str, query: &ListQuery) -> Result<PublicList> {
    let unit = app.store().unit_by_code(code.trim()).await?.ok_or(Error::NotFound)?;
    let categories = app.store().case_categories(unit.unit_id()).await?;
    let category = categories.iter().find(|c| c.code == query.category.trim()).map(|c| c.code.clone());
    let status = query.status.trim().parse::<CaseStatus>().ok();
    let q = coso_text::clean(&query.q);
    let page = query.page.max(1);
    let (rows, has_more) = app
        .store()
        .published_petitions(&PublishedFilter {
            unit_path: unit.path.clone(),
            category: category.clone(),
            status,
            q: Some(q.clone()).filter(|q| !q.is_empty()),
            limit: PAGE_SIZE,
            offset: (page - 1).saturating_mul(PAGE_SIZE),
        })
        .await?;
    let ratings = app.store().rating_summary(&unit.path).await?;
    let today = app.today();
    let items = rows
        .into_iter()
        .map(|row| {
            let category_name = categories
                .iter()
                .find(|c| c.code == row.category)
                .map_or_else(|| row.category.clone(), |c| c.name.clone());
            let days = days_between(row.received_on, row.answered_on.unwrap_or(today));
            PublishedPetition { row, category_name, days }
        })
        .collect();
    Ok(PublicList {
        unit,
        categories,
        items,
        has_more,
        page,
        ratings,
        category: category.unwrap_or_default(),
        status,
        q,
    })
}
