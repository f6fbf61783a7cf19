//! News posts: officials write drafts with images, publish and take back; residents read the
//! published posts of a unit by page, category and words without diacritics, and its feed.

use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::dissemination::{DEFAULT_CATEGORIES, NewsData, NewsInput, NewsStatus};
use coso_store::{NewsFilter, NewsImage, NewsRow, UnitRow};

use super::{page_number, search_words};
use crate::cases::{PhotoUpload, photos};
use crate::{Actor, App, Error, Result};

/// Posts on a page of the public list.
pub const PAGE_SIZE: i64 = 10;
/// Images a post may carry.
pub const MAX_IMAGES: usize = 4;
/// Posts in a feed.
pub const FEED_SIZE: i64 = 20;

/// What a list is asked for: `?trang=`, `?chuyen-muc=`, `?q=`.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub page: String,
    pub category: String,
    pub q: String,
}

/// A page of a unit's published posts.
pub struct PublicList {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub posts: Vec<NewsRow>,
    pub page: i64,
    pub has_next: bool,
    /// The categories of the unit's published posts, in Vietnamese order.
    pub categories: Vec<String>,
    pub category: String,
    pub q: String,
}

/// The unit's categories: the defaults and those its posts use, in Vietnamese alphabetical order.
pub fn category_list(used: Vec<String>) -> Vec<String> {
    let mut all: Vec<String> = DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).chain(used).collect();
    all.sort_by_cached_key(|c| coso_text::sort_key(c));
    all.dedup();
    all
}

fn sorted(mut used: Vec<String>) -> Vec<String> {
    used.sort_by_cached_key(|c| coso_text::sort_key(c));
    used
}

pub async fn public_list(app: &App, code: &str, q: &ListQuery) -> Result<PublicList> {
    let unit = crate::units::by_code(app, code).await?;
    let page = page_number(&q.page);
    let category = coso_text::clean(&q.category);
    let filter = NewsFilter {
        published_only: true,
        category: (!category.is_empty()).then(|| category.clone()),
        search: search_words(&q.q),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE + 1,
    };
    let (ancestors, mut posts, used) = tokio::try_join!(
        app.store().ancestors(&unit),
        app.store().news_list(&unit, &filter),
        app.store().news_categories(&unit, true)
    )?;
    let has_next = posts.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    posts.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    Ok(PublicList { unit, ancestors, posts, page, has_next, categories: sorted(used), category, q: q.q.clone() })
}

/// A published post of a unit, with the unit and those above it.
pub async fn public_post(app: &App, code: &str, id: i64) -> Result<(UnitRow, Vec<UnitRow>, NewsRow)> {
    let unit = crate::units::by_code(app, code).await?;
    let post = app.store().news_post(&unit, id, true).await?.ok_or(Error::NotFound)?;
    let ancestors = app.store().ancestors(&unit).await?;
    Ok((unit, ancestors, post))
}

/// The latest published posts of a unit, for its feed.
pub async fn feed(app: &App, code: &str) -> Result<(UnitRow, Vec<NewsRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    let filter = NewsFilter { published_only: true, limit: FEED_SIZE, ..NewsFilter::default() };
    let posts = app.store().news_list(&unit, &filter).await?;
    Ok((unit, posts))
}

/// An image of a post: of a published post for anyone, of a draft for the unit's officials.
pub async fn image(app: &App, actor: Option<&Actor>, code: &str, id: i64, position: i64) -> Result<NewsImage> {
    let unit = crate::units::by_code(app, code).await?;
    let officials = actor.is_some_and(|a| a.may(&unit.unit_path(), Action::Disseminate));
    app.store().news_image(&unit, id, position, !officials).await?.ok_or(Error::NotFound)
}

/// Every post of a unit, drafts included, for its officials.
pub struct Desk {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub posts: Vec<NewsRow>,
    pub categories: Vec<String>,
}

pub async fn desk(app: &App, actor: &Actor, code: &str) -> Result<Desk> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let filter = NewsFilter { limit: coso_store::MAX_LIMIT, ..NewsFilter::default() };
    let (ancestors, posts, used) = tokio::try_join!(
        app.store().ancestors(&unit),
        app.store().news_list(&unit, &filter),
        app.store().news_categories(&unit, false)
    )?;
    Ok(Desk { unit, ancestors, posts, categories: category_list(used) })
}

/// One post of a unit, draft or not, for its officials.
pub async fn desk_post(app: &App, actor: &Actor, code: &str, id: i64) -> Result<(Desk, NewsRow)> {
    let desk = desk(app, actor, code).await?;
    let post = app.store().news_post(&desk.unit, id, false).await?.ok_or(Error::NotFound)?;
    Ok((desk, post))
}

/// The images checked against their names, without their metadata, each under the size limit.
fn checked_images(uploads: &[PhotoUpload], max_bytes: usize, already: i64) -> Result<Vec<NewsImage>, Vec<FieldError>> {
    let sent: Vec<&PhotoUpload> = uploads.iter().filter(|p| !p.bytes.is_empty() || p.too_large).collect();
    let room = MAX_IMAGES.saturating_sub(usize::try_from(already).unwrap_or(MAX_IMAGES));
    if sent.len() > room {
        return Err(vec![FieldError::new(photos::FIELD, format!("Mỗi tin có tối đa {MAX_IMAGES} ảnh."))]);
    }
    let mut errors = Vec::new();
    let mut images = Vec::new();
    for p in sent {
        if p.too_large || p.bytes.len() > max_bytes {
            errors.push(FieldError::new(
                photos::FIELD,
                format!(
                    "Ảnh «{}» lớn quá {} MB; hãy chọn ảnh nhỏ hơn.",
                    coso_text::clean(&p.file_name),
                    max_bytes.div_ceil(1024 * 1024)
                ),
            ));
            continue;
        }
        match photos::clean(&p.file_name, &p.bytes) {
            Ok(photo) => images.push(NewsImage {
                file_name: photo.file_name,
                content_type: photo.kind.content_type().into(),
                data: photo.bytes,
            }),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(images) } else { Err(errors) }
}

/// Checks the texts and the images together, so that the form shows every error at once.
fn checked(
    input: &NewsInput,
    uploads: &[PhotoUpload],
    max_bytes: usize,
    already: i64,
) -> Result<(NewsData, Vec<NewsImage>)> {
    match (NewsData::parse(input), checked_images(uploads, max_bytes, already)) {
        (Ok(data), Ok(images)) => Ok((data, images)),
        (data, images) => {
            let mut errors = data.err().unwrap_or_default();
            errors.extend(images.err().unwrap_or_default());
            Err(Error::Validation(errors))
        }
    }
}

/// Writes a draft post of the unit.
pub async fn create(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    input: &NewsInput,
    uploads: &[PhotoUpload],
    max_image_bytes: usize,
) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let (data, images) = checked(input, uploads, max_image_bytes, 0)?;
    Ok(app.store().create_news(&permit, unit, &data, &images, actor.audit()).await?)
}

/// Changes a post of the unit and adds the images sent.
pub async fn update(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: i64,
    input: &NewsInput,
    uploads: &[PhotoUpload],
    max_image_bytes: usize,
) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    let before = app.store().news_post(unit, id, false).await?.ok_or(Error::NotFound)?;
    let (data, images) = checked(input, uploads, max_image_bytes, before.images)?;
    Ok(app.store().update_news(&permit, unit, id, &data, &images, actor.audit()).await?)
}

/// Publishes a post of the unit, or takes it back to a draft.
pub async fn set_status(app: &App, actor: &Actor, unit: &UnitRow, id: i64, status: NewsStatus) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    Ok(app.store().set_news_status(&permit, unit, id, status, app.today(), actor.audit()).await?)
}

/// Removes one image of a post of the unit (`position` counts from 0, as the image's address).
pub async fn remove_image(app: &App, actor: &Actor, unit: &UnitRow, id: i64, position: i64) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::Disseminate)?;
    Ok(app.store().remove_news_image(&permit, unit, id, position, actor.audit()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_the_defaults_and_the_used_ones_in_vietnamese_order() {
        let list = category_list(vec!["Đời sống".into(), "Thông báo".into(), "An ninh".into()]);
        assert_eq!(list, ["An ninh", "Đời sống", "Hoạt động chính quyền", "Phổ biến pháp luật", "Thông báo"]);
    }
}
