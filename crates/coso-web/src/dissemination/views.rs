//! The pages of dissemination: the public news list, a post, the library; the officials' news
//! desk, a post's edit page, the library desk and the trainings log.

use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use coso_app::dissemination::{library, news, trainings};
use coso_domain::dissemination::library::in_force;
use coso_domain::dissemination::{LibraryInput, LibraryKind, NewsInput, NewsStatus, TrainingForm, paragraphs};
use coso_store::{LibraryRow, NewsRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
type Choices = Vec<(String, String, bool)>;

/// The path of the unit's news desk.
pub fn desk_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/tin-tuc")
}

/// The words shown for a post's status and date.
fn status_line(p: &NewsRow) -> String {
    match (p.status, p.published_on) {
        (NewsStatus::Published, Some(d)) => format!("{} ngày {}", p.status.label(), vn_date(d)),
        _ => p.status.label().to_string(),
    }
}

/// «Còn hiệu lực» or «Hết hiệu lực từ 01/07/2026».
fn validity(d: &LibraryRow, today: NaiveDate) -> (String, &'static str) {
    match d.expires_on {
        Some(end) if !in_force(Some(end), today) => (format!("Hết hiệu lực từ {}", vn_date(end)), "late"),
        Some(end) => (format!("Còn hiệu lực đến hết ngày {}", vn_date(end.pred_opt().unwrap_or(end))), "ok"),
        None => ("Còn hiệu lực".to_string(), "ok"),
    }
}

fn kinds(value: &str, first: &str) -> Choices {
    std::iter::once((String::new(), first.to_string(), value.trim().is_empty()))
        .chain(
            LibraryKind::ALL
                .iter()
                .map(|k| (k.as_str().to_string(), k.label().to_string(), k.as_str() == value.trim())),
        )
        .collect()
}

/// The first paragraph of a post, cut at about 300 characters.
fn excerpt(p: &NewsRow) -> String {
    let first = p.body.split("\n\n").next().unwrap_or("");
    if first.chars().count() <= 300 {
        return first.to_string();
    }
    let cut: String = first.chars().take(300).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/news_list.html")]
pub struct NewsListPage {
    pub nav: Nav,
    pub list: news::PublicList,
    pub prev_href: String,
    pub next_href: String,
}

impl NewsListPage {
    pub fn date(&self, p: &NewsRow) -> String {
        p.published_on.map(vn_date).unwrap_or_default()
    }

    pub fn excerpt(&self, p: &NewsRow) -> String {
        excerpt(p)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/news_post.html")]
pub struct NewsPostPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub post: NewsRow,
}

impl NewsPostPage {
    pub fn date(&self) -> String {
        self.post.published_on.map(vn_date).unwrap_or_default()
    }

    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs(&self.post.body)
    }

    pub fn images(&self) -> Vec<i64> {
        (0..self.post.images).collect()
    }
}

/// The news form's category options: the unit's list, the current one chosen.
fn categories(list: &[String], value: &str) -> Choices {
    list.iter().map(|c| (c.clone(), c.clone(), c == value.trim())).collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/news_desk.html")]
pub struct NewsDeskPage {
    pub nav: Nav,
    pub desk: news::Desk,
    pub form: NewsInput,
    pub errors: FieldErrors,
    pub max_image_mb: usize,
    pub max_images: usize,
}

impl NewsDeskPage {
    pub fn base(&self) -> String {
        desk_base(&self.desk.unit.code)
    }

    pub fn categories(&self) -> Choices {
        categories(&self.desk.categories, &self.form.category)
    }

    pub fn status(&self, p: &NewsRow) -> String {
        status_line(p)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/news_edit.html")]
pub struct NewsEditPage {
    pub nav: Nav,
    pub desk: news::Desk,
    pub post: NewsRow,
    pub form: NewsInput,
    pub errors: FieldErrors,
    pub max_image_mb: usize,
    pub max_images: usize,
}

impl NewsEditPage {
    pub fn base(&self) -> String {
        desk_base(&self.desk.unit.code)
    }

    pub fn categories(&self) -> Choices {
        categories(&self.desk.categories, &self.form.category)
    }

    pub fn status(&self) -> String {
        status_line(&self.post)
    }

    pub fn published(&self) -> bool {
        self.post.status == NewsStatus::Published
    }

    pub fn images(&self) -> Vec<i64> {
        (0..self.post.images).collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/library.html")]
pub struct LibraryPage {
    pub nav: Nav,
    pub lib: library::PublicLibrary,
    pub prev_href: String,
    pub next_href: String,
}

impl LibraryPage {
    pub fn kinds(&self) -> Choices {
        kinds(self.lib.kind.map_or("", LibraryKind::as_str), "Tất cả")
    }

    pub fn date(&self, d: &LibraryRow) -> String {
        vn_date(d.issued_on)
    }

    pub fn validity(&self, d: &LibraryRow) -> (String, &'static str) {
        validity(d, self.lib.today)
    }

    /// Whether a document is kept by a unit above the one shown.
    pub fn kept_above(&self, d: &LibraryRow) -> bool {
        d.unit_id != self.lib.unit.id
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/library_desk.html")]
pub struct LibraryDeskPage {
    pub nav: Nav,
    pub desk: library::Desk,
    pub form: LibraryInput,
    pub errors: FieldErrors,
    pub max_file_mb: usize,
}

impl LibraryDeskPage {
    pub fn base(&self) -> String {
        format!("/quan-tri/don-vi/{}/van-ban", self.desk.unit.code)
    }

    pub fn kinds(&self) -> Choices {
        kinds(&self.form.kind, "Chọn loại văn bản")
    }

    pub fn date(&self, d: &LibraryRow) -> String {
        vn_date(d.issued_on)
    }

    pub fn validity(&self, d: &LibraryRow) -> (String, &'static str) {
        validity(d, self.desk.today)
    }

    pub fn expiry(&self, d: &LibraryRow) -> String {
        d.expires_on.map(vn_date).unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dissemination/trainings.html")]
pub struct TrainingsPage {
    pub nav: Nav,
    pub log: trainings::Log,
    pub form: coso_domain::dissemination::TrainingInput,
    pub errors: FieldErrors,
}

impl TrainingsPage {
    pub fn base(&self) -> String {
        format!("/quan-tri/don-vi/{}/tap-huan", self.log.unit.code)
    }

    pub fn forms(&self) -> Choices {
        std::iter::once((String::new(), "Chọn hình thức".to_string(), self.form.form.trim().is_empty()))
            .chain(
                TrainingForm::ALL
                    .iter()
                    .map(|f| (f.as_str().to_string(), f.label().to_string(), f.as_str() == self.form.form.trim())),
            )
            .collect()
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }

    /// People reached over the year.
    pub fn total_attendance(&self) -> i64 {
        self.log.events.iter().map(|e| e.attendance).sum()
    }
}
