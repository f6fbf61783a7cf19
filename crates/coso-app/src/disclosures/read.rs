//! One disclosure, or a page of them, with their files, relays and compliance checks.

use chrono::NaiveDate;
use coso_domain::DisclosureId;
use coso_domain::authz::Action;
use coso_domain::disclosure::compliance::{self, Facts, VillageRelay};
use coso_domain::disclosure::{Check, Form, Level};
use coso_domain::unit::UnitKind;
use coso_store::{DisclosureFileMeta, DisclosureRow, RelayRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// A village of the commune and its head's relay, if recorded.
#[derive(Debug, Clone)]
pub struct VillageStatus {
    pub village: UnitRow,
    pub relay: Option<RelayRow>,
}

/// A disclosure as its pages, API and feed show it.
#[derive(Debug, Clone)]
pub struct DisclosureView {
    pub row: DisclosureRow,
    pub forms: Vec<Form>,
    pub broadcast_days: Vec<NaiveDate>,
    pub files: Vec<DisclosureFileMeta>,
    /// The villages the disclosure must reach (empty when the checks do not ask for relays).
    pub villages: Vec<VillageStatus>,
    pub checks: Vec<Check>,
}

impl DisclosureView {
    pub fn id(&self) -> DisclosureId {
        DisclosureId(self.row.id)
    }

    pub fn photos(&self) -> impl Iterator<Item = &DisclosureFileMeta> {
        self.files.iter().filter(|f| f.kind == "photo")
    }

    pub fn attachments(&self) -> impl Iterator<Item = &DisclosureFileMeta> {
        self.files.iter().filter(|f| f.kind == "attachment")
    }

    /// Whether every check passes.
    pub fn compliant(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// Whether the disclosure asks the village heads to relay it.
    pub fn needs_relay(&self) -> bool {
        self.row.radio_required || self.forms.contains(&Form::VillageHead)
    }
}

/// Whether `actor` may read the disclosures of `unit`: a commune's are public; an agency's
/// only for its officials and the accounts working at the agency (AG-2).
pub fn may_read(actor: Option<&Actor>, unit: &UnitRow) -> bool {
    match Level::of_unit(unit.kind) {
        Some(Level::Agency) => actor.is_some_and(|a| crate::agency::may_read(a, unit)),
        Some(Level::Commune) => true,
        None => false,
    }
}

/// The disclosure `id` as `actor` (or an anonymous visitor) may read it.
pub async fn view(app: &App, actor: Option<&Actor>, id: DisclosureId) -> Result<(UnitRow, DisclosureView)> {
    let row = app.store().disclosure(id.0).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, coso_domain::UnitId(row.unit_id)).await?;
    if !may_read(actor, &unit) {
        return Err(Error::NotFound);
    }
    let mut views = views_of(app, &unit, vec![row]).await?;
    let view = views.pop().ok_or(Error::NotFound)?;
    Ok((unit, view))
}

/// The views of some disclosures of `unit`, read in a fixed number of queries.
pub async fn views_of(app: &App, unit: &UnitRow, rows: Vec<DisclosureRow>) -> Result<Vec<DisclosureView>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let store = app.store();
    let today = app.today();
    let (broadcasts, files, relays, children) = tokio::try_join!(
        store.disclosure_broadcasts(&ids),
        store.disclosure_files(&ids),
        store.disclosure_relays(&ids),
        store.children(unit.unit_id(), today),
    )?;
    let villages: Vec<UnitRow> =
        children.into_iter().filter(|c| matches!(c.kind, UnitKind::Village | UnitKind::ResidentialGroup)).collect();
    let rules = app.settings().disclosure;
    Ok(rows
        .into_iter()
        .map(|row| {
            let forms = row.forms();
            let days: Vec<NaiveDate> = broadcasts.iter().filter(|(id, _)| *id == row.id).map(|(_, day)| *day).collect();
            let own_files: Vec<DisclosureFileMeta> =
                files.iter().filter(|f| f.disclosure_id == row.id).cloned().collect();
            let needs_relay = row.radio_required || forms.contains(&Form::VillageHead);
            let statuses: Vec<VillageStatus> = if needs_relay {
                villages
                    .iter()
                    .map(|v| VillageStatus {
                        village: v.clone(),
                        relay: relays.iter().find(|r| r.disclosure_id == row.id && r.village_id == v.id).cloned(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let relay_facts: Vec<VillageRelay> = statuses
                .iter()
                .map(|s| VillageRelay { name: s.village.name.clone(), confirmed: s.relay.is_some() })
                .collect();
            let facts = Facts {
                forms: &forms,
                other_form_basis: row.other_form_basis.as_deref(),
                posted_from: row.posted_from,
                posted_to: row.posted_to,
                broadcast_days: &days,
                radio_required: row.radio_required,
                convention_vote_on: row.convention_vote_on,
                adopted_on: row.adopted_on,
                villages: &relay_facts,
                today,
            };
            let checks = compliance::assess(&facts, &rules);
            DisclosureView { row, forms, broadcast_days: days, files: own_files, villages: statuses, checks }
        })
        .collect())
}

/// Disclosures shown per page.
pub const PER_PAGE: i64 = 20;

/// A page of a unit's disclosures.
#[derive(Debug, Clone)]
pub struct ListView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub items: Vec<DisclosureView>,
    pub q: String,
    /// `""` (all), `hien-hanh` (still posted) or `da-ket-thuc` (past).
    pub when: String,
    pub page: i64,
    pub has_more: bool,
}

/// What a list is asked for.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub q: String,
    pub when: String,
    pub page: i64,
}

/// A page of `code`'s disclosures as `actor` (or an anonymous visitor) may read them: a
/// commune's are public, an agency's only for its staff.
pub async fn list(app: &App, actor: Option<&Actor>, code: &str, query: &ListQuery) -> Result<ListView> {
    let unit = crate::units::by_code(app, code).await?;
    if !may_read(actor, &unit) {
        return Err(Error::NotFound);
    }
    list_of(app, unit, query, PER_PAGE).await
}

/// A page of `code`'s disclosures for those who keep its register.
pub async fn admin_list(app: &App, actor: &Actor, code: &str, query: &ListQuery) -> Result<ListView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ManageDisclosures)?;
    super::level_of(&unit)?;
    list_of(app, unit, query, PER_PAGE).await
}

async fn list_of(app: &App, unit: UnitRow, query: &ListQuery, per_page: i64) -> Result<ListView> {
    let q = coso_text::clean(&query.q).chars().take(200).collect::<String>();
    let page = query.page.clamp(1, 10_000);
    let current_on = match query.when.as_str() {
        "hien-hanh" => Some((app.today(), true)),
        "da-ket-thuc" => Some((app.today(), false)),
        _ => None,
    };
    let filter = coso_store::DisclosureFilter {
        q: (!q.is_empty()).then(|| q.clone()),
        current_on,
        limit: per_page,
        offset: (page - 1) * per_page,
    };
    let (ancestors, (rows, has_more)) =
        tokio::try_join!(app.store().ancestors(&unit), app.store().disclosures_of_unit(unit.id, &filter))?;
    let items = views_of(app, &unit, rows).await?;
    let when = if current_on.is_some() { query.when.clone() } else { String::new() };
    Ok(ListView { unit, ancestors, items, q, when, page, has_more })
}

/// What a village head sees: the commune's disclosures that ask the villages to relay them,
/// each with this village's relay if recorded.
#[derive(Debug, Clone)]
pub struct RelayPage {
    pub village: UnitRow,
    pub commune: UnitRow,
    pub items: Vec<DisclosureView>,
}

impl RelayPage {
    /// This village's relay of `view`, if recorded.
    pub fn relay_of<'a>(&self, view: &'a DisclosureView) -> Option<&'a RelayRow> {
        view.villages.iter().find(|v| v.village.id == self.village.id).and_then(|v| v.relay.as_ref())
    }
}

/// The relay page of the village `code` (its head, or an official above it).
pub async fn relay_page(app: &App, actor: &Actor, code: &str) -> Result<RelayPage> {
    let village = crate::units::by_code(app, code).await?;
    actor.authorize(&village.unit_path(), Action::RelayDisclosures)?;
    if !matches!(village.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Err(Error::NotFound);
    }
    let commune_id = village.parent_id.ok_or(Error::NotFound)?;
    let commune = crate::units::by_id(app, coso_domain::UnitId(commune_id)).await?;
    let filter = coso_store::DisclosureFilter { limit: 50, ..Default::default() };
    let (rows, _) = app.store().disclosures_of_unit(commune.id, &filter).await?;
    let items = views_of(app, &commune, rows).await?.into_iter().filter(DisclosureView::needs_relay).collect();
    Ok(RelayPage { village, commune, items })
}
