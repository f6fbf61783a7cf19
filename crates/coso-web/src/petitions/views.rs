//! The pages of the public side of citizen cases.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::cases::{PublicCase, PublicList};
use coso_store::CaseCategoryRow;

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// What the petition form shows again after a refusal.
#[derive(Debug, Clone, Default)]
pub struct PetitionValues {
    pub category: String,
    pub content: String,
    pub place: String,
    pub publish: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "petitions/form.html")]
pub struct FormPage {
    pub nav: Nav,
    pub unit_code: String,
    pub unit_name: String,
    pub categories: Vec<CaseCategoryRow>,
    pub values: PetitionValues,
    pub errors: FieldErrors,
    pub max_photo_mb: usize,
    pub max_photos: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "petitions/sent.html")]
pub struct SentPage {
    pub nav: Nav,
    pub case: PublicCase,
}

impl SentPage {
    pub fn received(&self) -> String {
        vn_date(self.case.received_on)
    }

    pub fn due(&self) -> String {
        self.case.reply_due.map(vn_date).unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "petitions/lookup.html")]
pub struct LookupPage {
    pub nav: Nav,
    pub typed: String,
    /// Why the code typed found nothing ("" on the plain form).
    pub error: String,
}

impl LookupPage {
    /// The error summary's line, linked to the code field.
    pub fn links(&self) -> Vec<crate::views::ErrorLink> {
        if self.error.is_empty() { vec![] } else { vec![crate::views::ErrorLink::new("ma", self.error.clone())] }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "petitions/track.html")]
pub struct TrackPage {
    pub nav: Nav,
    pub case: PublicCase,
    pub errors: FieldErrors,
    pub comment: String,
}

impl TrackPage {
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }

    pub fn received(&self) -> String {
        vn_date(self.case.received_on)
    }

    pub fn due(&self) -> String {
        self.case.reply_due.map(vn_date).unwrap_or_default()
    }

    pub fn answered(&self) -> String {
        self.case.answered_on.map(vn_date).unwrap_or_default()
    }

    pub fn status_kind(&self) -> &'static str {
        if self.case.status.is_open() { "wait" } else { "ok" }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "petitions/list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub list: PublicList,
    pub statuses: Vec<(&'static str, &'static str)>,
    pub prev_href: String,
    pub next_href: String,
}

impl ListPage {
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }

    pub fn status_code(&self) -> &'static str {
        self.list.status.map(|s| s.as_str()).unwrap_or("")
    }

    /// "4,3 / 5 (12 đánh giá)".
    pub fn rating(&self) -> String {
        match self.list.ratings.average {
            Some(avg) if self.list.ratings.count > 0 => {
                format!("{} / 5 ({} lượt đánh giá)", coso_export::format_vn_number(avg, 1), self.list.ratings.count)
            }
            _ => "Chưa có lượt đánh giá nào.".into(),
        }
    }
}
