//! The API's view of dissemination: separate from the storage rows.

use chrono::NaiveDate;
use coso_domain::dissemination::library::in_force;
use coso_store::{LibraryRow, NewsRow, TrainingRow};
use serde::Serialize;
use utoipa::ToSchema;

/// A published news post.
#[derive(Serialize, ToSchema)]
pub struct NewsItem {
    pub id: i64,
    pub title: String,
    /// Plain-text paragraphs separated by a blank line.
    pub body: String,
    pub category: String,
    /// `yyyy-mm-dd`.
    pub published_on: Option<String>,
    /// How many images; each at `/don-vi/{code}/tin-tuc/{id}/anh/{n}`, `n` from 0.
    pub images: i64,
    /// The post's page.
    pub url: String,
}

impl NewsItem {
    pub fn of(code: &str, p: NewsRow) -> NewsItem {
        NewsItem {
            url: format!("/don-vi/{code}/tin-tuc/{}", p.id),
            id: p.id,
            title: p.title,
            body: p.body,
            category: p.category,
            published_on: p.published_on.map(|d| d.to_string()),
            images: p.images,
        }
    }
}

/// A page of a unit's published posts, newest first.
#[derive(Serialize, ToSchema)]
pub struct NewsList {
    pub items: Vec<NewsItem>,
    pub page: i64,
    pub has_next: bool,
}

/// A document of the library.
#[derive(Serialize, ToSchema)]
pub struct LibraryItem {
    pub id: i64,
    /// The code of the unit that keeps it (the unit asked for or one above it).
    pub unit: String,
    /// `law`, `resolution`, `decree`, `circular`, `decision`, `plan`, `convention`, `other`.
    pub kind: String,
    pub number: String,
    pub title: String,
    /// `yyyy-mm-dd`.
    pub issued_on: String,
    pub issuer: String,
    /// The first day it is no longer in force, `yyyy-mm-dd`.
    pub expires_on: Option<String>,
    /// Whether it is in force today.
    pub in_force: bool,
    /// The file's address, when it has one.
    pub file_url: Option<String>,
}

impl LibraryItem {
    pub fn of(code: &str, d: LibraryRow, today: NaiveDate) -> LibraryItem {
        LibraryItem {
            file_url: d.file_name.as_ref().map(|_| format!("/don-vi/{code}/van-ban/{}/tep", d.id)),
            in_force: in_force(d.expires_on, today),
            id: d.id,
            unit: d.unit_code,
            kind: d.kind.as_str().to_string(),
            number: d.number,
            title: d.title,
            issued_on: d.issued_on.to_string(),
            issuer: d.issuer,
            expires_on: d.expires_on.map(|e| e.to_string()),
        }
    }
}

/// A page of the documents a unit's residents see, the latest issued first.
#[derive(Serialize, ToSchema)]
pub struct LibraryList {
    pub items: Vec<LibraryItem>,
    pub page: i64,
    pub has_next: bool,
}

/// A training or dissemination event.
#[derive(Serialize, ToSchema)]
pub struct TrainingItem {
    pub id: i64,
    /// `yyyy-mm-dd`.
    pub held_on: String,
    pub topic: String,
    /// `training`, `conference`, `meeting`, `online`, `radio`, `leaflet`, `other`.
    pub form: String,
    pub audience: String,
    pub attendance: i64,
    pub notes: Option<String>,
}

impl From<TrainingRow> for TrainingItem {
    fn from(t: TrainingRow) -> Self {
        TrainingItem {
            id: t.id,
            held_on: t.held_on.to_string(),
            topic: t.topic,
            form: t.form.as_str().to_string(),
            audience: t.audience,
            attendance: t.attendance,
            notes: t.notes,
        }
    }
}

/// The events of a unit between two days, the latest first.
#[derive(Serialize, ToSchema)]
pub struct TrainingList {
    pub items: Vec<TrainingItem>,
}
