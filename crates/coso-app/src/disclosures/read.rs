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
/// only for accounts working at the agency (AG-2).
pub fn may_read(actor: Option<&Actor>, unit: &UnitRow) -> bool {
    match Level::of_unit(unit.kind) {
        Some(Level::Agency) => actor.is_some_and(|a| a.may(&unit.unit_path(), Action::ViewAdmin)),
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
                villages: &relay_facts,
                today,
            };
            let checks = compliance::assess(&facts, &rules);
            DisclosureView { row, forms, broadcast_days: days, files: own_files, villages: statuses, checks }
        })
        .collect())
}
