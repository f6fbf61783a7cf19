//! Recording and changing disclosures, adding their proofs, and the village heads' relays.

use coso_domain::DisclosureId;
use coso_domain::authz::Action;
use coso_domain::disclosure::{DisclosureData, DisclosureInput, RelayData, RelayInput};
use coso_domain::unit::UnitKind;
use coso_store::{DisclosureRow, UnitRow};

use super::files::{Upload, checked, file_limit};
use super::read::DisclosureView;
use super::{catalogue, level_of};
use crate::{Actor, App, Error, Result};

/// Checks `input` for `unit` and finds the stored item it names.
async fn parsed(app: &App, unit: &UnitRow, input: &DisclosureInput) -> Result<(i64, DisclosureData)> {
    let level = level_of(unit)?;
    let catalogue = catalogue()?;
    let data = DisclosureData::parse(input, level, &catalogue).map_err(Error::Validation)?;
    let items = app.store().disclosure_items(&catalogue.catalogue, level).await?;
    let item = items
        .iter()
        .find(|i| i.number == i64::from(data.item))
        .ok_or_else(|| Error::Internal(format!("disclosure item {} of {} not stored", data.item, level.as_str())))?;
    Ok((item.id, data))
}

/// Records a disclosure of `unit` (a commune, ward, special zone or agency) and returns its id.
///
/// `input` holds the raw text of a form or body (see [`DisclosureInput`]): the item's number in
/// the catalogue, title, content, forms (codes of the ten of PUB-2), dates. Every field error
/// is returned at once and nothing is saved. The actor needs to manage the unit's disclosures;
/// the system actor (`Actor::system("…")`) may record for any unit, as when a closed
/// consultation publishes its results (item
/// [`CONSULTATION_RESULTS_ITEM`](coso_domain::disclosure::catalogue::CONSULTATION_RESULTS_ITEM)).
pub async fn record(app: &App, actor: &Actor, unit: &UnitRow, input: &DisclosureInput) -> Result<DisclosureId> {
    record_with_files(app, actor, unit, input, &[], &[]).await
}

/// [`record`] with attachments (PDF, DOCX, XLSX) and photos of the posted notice, checked with
/// the disclosure; a refused file refuses the whole, naming the file.
pub async fn record_with_files(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    input: &DisclosureInput,
    attachments: &[Upload],
    photos: &[Upload],
) -> Result<DisclosureId> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageDisclosures)?;
    let parsed = parsed(app, unit, input).await;
    let files = checked(file_limit(app), attachments, photos);
    let ((item_id, data), files) = match (parsed, files) {
        (Ok(p), Ok(f)) => (p, f),
        (Err(Error::Validation(mut e)), Err(f)) => {
            e.extend(f);
            return Err(Error::Validation(e));
        }
        (Err(e), _) => return Err(e),
        (Ok(_), Err(f)) => return Err(Error::Validation(f)),
    };
    let id = app.store().insert_disclosure(&permit, unit, item_id, &data, &files, actor.audit()).await?;
    Ok(DisclosureId(id))
}

/// The disclosure `id` of `unit`, for a change by someone who manages the unit's register.
async fn own(app: &App, unit: &UnitRow, id: DisclosureId) -> Result<DisclosureRow> {
    app.store().disclosure(id.0).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)
}

/// Replaces what a disclosure of `unit` says; its files and relays stay.
pub async fn update(app: &App, actor: &Actor, unit: &UnitRow, id: DisclosureId, input: &DisclosureInput) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageDisclosures)?;
    let before = own(app, unit, id).await?;
    let (item_id, data) = parsed(app, unit, input).await?;
    Ok(app.store().update_disclosure(&permit, unit, &before, item_id, &data, actor.audit()).await?)
}

/// Adds attachments and photos of the posted notice to a disclosure of `unit`.
pub async fn add_files(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: DisclosureId,
    attachments: &[Upload],
    photos: &[Upload],
) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageDisclosures)?;
    own(app, unit, id).await?;
    if attachments.is_empty() && photos.is_empty() {
        return Err(Error::field("attachments", "Hãy chọn ít nhất một tệp hoặc ảnh."));
    }
    let files = checked(file_limit(app), attachments, photos).map_err(Error::Validation)?;
    Ok(app.store().add_disclosure_files(&permit, unit, id.0, &files, actor.audit()).await?)
}

/// The village head of `village` records how and when the village was told of a disclosure of
/// its commune (PUB-4); recording again corrects it.
pub async fn relay(app: &App, actor: &Actor, village: &UnitRow, id: DisclosureId, input: &RelayInput) -> Result<()> {
    let permit = actor.authorize(&village.unit_path(), Action::RelayDisclosures)?;
    if !matches!(village.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Err(Error::BadRequest(format!(
            "«{}» không phải thôn, tổ dân phố: chỉ thôn, tổ dân phố xác nhận thông tin lại.",
            village.name
        )));
    }
    let disclosure = app.store().disclosure(id.0).await?.ok_or(Error::NotFound)?;
    if village.parent_id != Some(disclosure.unit_id) {
        return Err(Error::NotFound);
    }
    let data = RelayData::parse(input, disclosure.posted_from, app.today()).map_err(Error::Validation)?;
    Ok(app.store().record_relay(&permit, village, id.0, &data, actor.audit()).await?)
}

/// A disclosure of `unit` as its edit form shows it: the stored values written back as a
/// form's text, with its files, for those who manage the unit's disclosures.
pub async fn for_edit(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: DisclosureId,
) -> Result<(DisclosureView, DisclosureInput)> {
    actor.authorize(&unit.unit_path(), Action::ManageDisclosures)?;
    let row = own(app, unit, id).await?;
    let view = super::views_of(app, unit, vec![row]).await?.pop().ok_or(Error::NotFound)?;
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let r = &view.row;
    let input = DisclosureInput {
        item: r.item_number.to_string(),
        title: r.title.clone(),
        content: r.content.clone(),
        legal_basis: r.legal_basis.clone().unwrap_or_default(),
        forms: view.forms.iter().map(|f| f.as_str().to_owned()).collect(),
        other_form_basis: r.other_form_basis.clone().unwrap_or_default(),
        place: r.place.clone().unwrap_or_default(),
        posted_from: date(r.posted_from),
        posted_to: r.posted_to.map(date).unwrap_or_default(),
        broadcast_days: view.broadcast_days.iter().map(|d| date(*d)).collect::<Vec<_>>().join(", "),
        convention_vote_on: r.convention_vote_on.map(date).unwrap_or_default(),
        adopted_on: r.adopted_on.map(date).unwrap_or_default(),
    };
    Ok((view, input))
}
