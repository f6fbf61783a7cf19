//! Household ballots (DEC-9, DEC-10): the plan and one ballot per household of the snapshot
//! with a random short code, the printed sheets and their distribution list, collection, the
//! count entered by two members independently (a mismatch flagged field by field, then
//! reconciled), the outcome against all households, and Mẫu 04. Issuing the ballots puts the
//! obligation to send the result to the commune, due 5 working days after the ballot ends, in
//! the commune's notifications.

use std::collections::HashSet;

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::decision::ballot::{
    BallotCode, BallotPlanInput, CHOICES, EntrySlot, TallyCounts, TallyEntry, TallyInput, TallyState, check_independent,
};
use coso_domain::decision::{DecisionForm, judge};
use coso_domain::ids::UserId;
use coso_store::{BallotCounts, BallotPlanRow, BallotRow, DecisionResult, DecisionRow, TallyEntryRow, UnitRow};
use serde::Serialize;

use super::access::manage_permit;
use crate::{Actor, App, Error, Result};

/// A ballot decision with its plan, ballots and count, as the officials' page and the API show it.
#[derive(Debug, Clone, Serialize)]
pub struct BallotProgress {
    pub plan: Option<BallotPlanRow>,
    pub issued: i64,
    pub collected: i64,
    pub entries: Vec<TallyEntryRow>,
    pub tally: TallyState,
}

fn ballot_of(d: DecisionRow, unit: &UnitRow) -> Result<DecisionRow> {
    if d.unit_id != unit.id {
        return Err(Error::NotFound);
    }
    if d.form != DecisionForm::Ballot {
        return Err(Error::Conflict {
            field: "form",
            message: format!("Quyết định này theo hình thức «{}», không phát phiếu lấy ý kiến.", d.form.label()),
        });
    }
    Ok(d)
}

fn still_open(d: &DecisionRow) -> Result<()> {
    if d.outcome.is_some() {
        return Err(Error::Conflict {
            field: "status",
            message: "Cuộc lấy ý kiến này đã có kết quả; không thể ghi thêm.".into(),
        });
    }
    Ok(())
}

async fn decision(app: &App, unit: &UnitRow, id: i64) -> Result<DecisionRow> {
    ballot_of(app.store().decision(id).await?.ok_or(Error::NotFound)?, unit)
}

fn as_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// `count` distinct random codes.
fn draw_codes(count: usize) -> Vec<String> {
    let mut seen = HashSet::with_capacity(count);
    let mut codes = Vec::with_capacity(count);
    while codes.len() < count {
        let code = BallotCode::from_bytes(rand::random::<[u8; 5]>()).display();
        if seen.insert(code.clone()) {
            codes.push(code);
        }
    }
    codes
}

/// Records the plan and issues the ballots; the plan's last day is the decision's. Returns how
/// many ballots were issued.
pub async fn issue(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    id: i64,
    input: &BallotPlanInput,
) -> Result<i64> {
    let permit = manage_permit(actor, unit)?;
    let d = decision(app, unit, id).await?;
    still_open(&d)?;
    let plan = input.parse().map_err(Error::Validation)?;
    if plan.ends_on != d.ends_on || plan.starts_on < d.held_on {
        return Err(Error::Validation(vec![FieldError::new(
            "ends_on",
            format!(
                "Thời gian phát phiếu phải nằm trong thời gian của cuộc lấy ý kiến, từ {} đến hạn thu phiếu {}.",
                d.held_on.format("%d/%m/%Y"),
                d.ends_on.format("%d/%m/%Y")
            ),
        )]));
    }
    let households = usize::try_from(d.households.max(0)).unwrap_or(0);
    let issued = app.store().issue_ballots(&permit, unit, id, &plan, &draw_codes(households), actor.audit()).await?;
    super::commune::notify_commune(app, calendar, unit, &d).await?;
    Ok(issued)
}

/// The ballots with their households, in the order of the sheets.
pub async fn ballots(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<(DecisionRow, Vec<BallotRow>)> {
    let permit = manage_permit(actor, unit)?;
    let d = decision(app, unit, id).await?;
    let rows = app.store().ballots(&permit, unit, id).await?;
    Ok((d, rows))
}

/// Reads the codes typed or scanned at collection: separated by new lines, commas or
/// semicolons; every bad one named at once.
pub fn parse_codes(raw: &str) -> Result<Vec<String>> {
    let mut errors = Vec::new();
    let mut codes = Vec::new();
    for typed in raw.split(['\n', ',', ';']).map(str::trim).filter(|s| !s.is_empty()) {
        match typed.parse::<BallotCode>() {
            Ok(code) => codes.push(code.display()),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(vec![FieldError::new("codes", errors.join(" "))]));
    }
    if codes.is_empty() {
        return Err(Error::Validation(vec![FieldError::new("codes", "Mã phiếu thu về không được để trống.")]));
    }
    Ok(codes)
}

/// Marks the ballots of `raw` codes as back on `on`; returns how many came back now.
pub async fn collect(app: &App, actor: &Actor, unit: &UnitRow, id: i64, raw: &str, on: NaiveDate) -> Result<i64> {
    let permit = manage_permit(actor, unit)?;
    let d = decision(app, unit, id).await?;
    still_open(&d)?;
    let codes = parse_codes(raw)?;
    Ok(app.store().collect_ballots(&permit, unit, id, &codes, on, actor.audit()).await?)
}

fn entry_of(rows: &[TallyEntryRow], slot: EntrySlot) -> Option<TallyEntry> {
    rows.iter().find(|r| r.slot == slot.as_str()).map(|r| TallyEntry {
        counts: TallyCounts { yes: as_u32(r.yes_votes), no: as_u32(r.no_votes), invalid: as_u32(r.invalid_votes) },
        entered_by: UserId(r.entered_by),
    })
}

fn slot_label(code: &str) -> &'static str {
    match code {
        "first" => EntrySlot::First.label(),
        "second" => EntrySlot::Second.label(),
        _ => EntrySlot::Reconciled.label(),
    }
}

fn state_of(rows: &[TallyEntryRow]) -> TallyState {
    TallyState::of(
        entry_of(rows, EntrySlot::First),
        entry_of(rows, EntrySlot::Second),
        entry_of(rows, EntrySlot::Reconciled),
    )
}

/// Where a ballot stands.
pub async fn progress(app: &App, id: i64) -> Result<BallotProgress> {
    let store = app.store();
    let BallotCounts { issued, collected } = store.ballot_counts(id).await?;
    let entries = store.tally_entries(id).await?;
    Ok(BallotProgress { plan: store.ballot_plan(id).await?, issued, collected, tally: state_of(&entries), entries })
}

/// The entries a request brings: the first, the second and the reconciled one, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TallyEntries {
    pub first: Option<TallyInput>,
    pub second: Option<TallyInput>,
    pub reconciled: Option<TallyInput>,
}

/// Records the entries of the count in the order first, second, reconciled: the second by
/// another member than the first, a reconciliation only of two entries that differ. Once the
/// entries agree or are reconciled, the outcome is judged against all households and the
/// decision closed. Returns the state of the count.
pub async fn enter_tally(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: i64,
    entries: &TallyEntries,
) -> Result<TallyState> {
    let permit = manage_permit(actor, unit)?;
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let d = decision(app, unit, id).await?;
    still_open(&d)?;
    let given = [
        (EntrySlot::First, entries.first.as_ref()),
        (EntrySlot::Second, entries.second.as_ref()),
        (EntrySlot::Reconciled, entries.reconciled.as_ref()),
    ];
    if given.iter().all(|(_, input)| input.is_none()) {
        return Err(Error::Validation(vec![FieldError::new(
            "first_yes",
            "Hãy nhập kết quả kiểm phiếu (lần thứ nhất, lần thứ hai hoặc kết quả đối chiếu).",
        )]));
    }
    let store = app.store();
    let collected = store.ballot_counts(id).await?.collected;
    // Check every entry before writing any, so a refused request changes nothing.
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (slot, input) in given {
        if let Some(input) = input {
            match input.parse(slot, as_u32(collected)) {
                Ok(counts) => parsed.push((slot, counts)),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut rows = store.tally_entries(id).await?;
    for (slot, counts) in &parsed {
        let state = state_of(&rows);
        match slot {
            EntrySlot::First if entry_of(&rows, EntrySlot::First).is_some() => {
                return Err(Error::Conflict {
                    field: "first_yes", message: "Lần nhập thứ nhất đã được ghi.".into()
                });
            }
            EntrySlot::Second => {
                if entry_of(&rows, EntrySlot::Second).is_some() {
                    return Err(Error::Conflict {
                        field: "second_yes",
                        message: "Lần nhập thứ hai đã được ghi.".into(),
                    });
                }
                let first = entry_of(&rows, EntrySlot::First);
                if first.is_none() {
                    return Err(Error::Conflict {
                        field: "second_yes",
                        message: "Chưa có lần nhập thứ nhất; hãy nhập lần thứ nhất trước.".into(),
                    });
                }
                check_independent(first, user).map_err(|e| Error::Validation(vec![e]))?;
            }
            EntrySlot::Reconciled if !matches!(state, TallyState::Mismatch { .. }) => {
                return Err(Error::Conflict {
                    field: "reconciled_yes",
                    message: "Chỉ đối chiếu khi hai lần nhập đã có và không khớp nhau.".into(),
                });
            }
            _ => {}
        }
        store.record_tally_entry(&permit, unit, id, *slot, *counts, collected, actor.audit()).await?;
        rows = store.tally_entries(id).await?;
    }
    let state = state_of(&rows);
    if let Some(counts) = state.result() {
        let judgement = judge(as_u32(d.households), None, Some(counts.yes), d.comparison)
            .ok_or_else(|| Error::internal("no judgement"))?;
        let result = DecisionResult {
            votes: Some((i64::from(counts.yes), i64::from(counts.no), i64::from(counts.invalid))),
            meeting: None,
            outcome: judgement.outcome,
            reason: judgement.reason,
            present: d.present,
        };
        store.record_decision_result(&permit, unit, id, &result, actor.audit()).await?;
    }
    Ok(state)
}

/// What the printed sheets say of the decision.
pub async fn sheets(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<coso_render::ballots::BallotBatch> {
    let (d, rows) = ballots(app, actor, unit, id).await?;
    let plan = app.store().ballot_plan(id).await?.ok_or_else(|| Error::Conflict {
        field: "purpose",
        message: "Chưa có kế hoạch phát phiếu; hãy lập kế hoạch trước khi in phiếu.".into(),
    })?;
    Ok(coso_render::ballots::BallotBatch {
        issuer: unit.name.to_uppercase(),
        title: d.title.clone(),
        question: plan.content,
        choices: CHOICES.iter().map(|c| (*c).to_string()).collect(),
        deadline_line: format!("Hạn nộp phiếu: ngày {}", plan.ends_on.format("%d/%m/%Y")),
        sheets: rows
            .into_iter()
            .map(|r| coso_render::ballots::BallotSheet {
                code: r.code,
                village: r.village_name,
                household: format!("{} — {}", r.representative, r.household_code),
                address: String::new(),
            })
            .collect(),
    })
}

/// The sheets of every household as one PDF.
#[cfg(feature = "pdf")]
pub async fn sheets_pdf(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Vec<u8>> {
    let batch = sheets(app, actor, unit, id).await?;
    tokio::task::spawn_blocking(move || coso_render::ballots::render_ballots_pdf(&batch))
        .await
        .map_err(Error::internal)?
        .map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// The distribution list as a PDF.
#[cfg(feature = "pdf")]
pub async fn distribution_pdf(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Vec<u8>> {
    let batch = sheets(app, actor, unit, id).await?;
    tokio::task::spawn_blocking(move || coso_render::ballots::render_distribution_pdf(&batch))
        .await
        .map_err(Error::internal)?
        .map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// Mẫu 04 of a counted ballot.
pub async fn minutes(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<coso_documents::Document> {
    manage_permit(actor, unit)?;
    let d = decision(app, unit, id).await?;
    let progress = progress(app, id).await?;
    let (Some(plan), Some(counts)) = (progress.plan.clone(), progress.tally.result()) else {
        return Err(Error::Conflict {
            field: "status",
            message: "Chưa có kết quả kiểm phiếu đã khớp hoặc đã đối chiếu; chưa lập được biên bản.".into(),
        });
    };
    let commune = super::commune::commune_of(app, unit).await?;
    let counted_on =
        progress.entries.iter().map(|e| coso_domain::clock::date_in_vietnam(e.entered_at)).max().unwrap_or(d.ends_on);
    let team: Vec<String> =
        progress.entries.iter().map(|e| format!("{} — {}", e.entered_by_name, slot_label(&e.slot))).collect();
    Ok(coso_documents::ballot_count_minutes::BallotCountMinutes {
        commune: commune.name.clone(),
        community: unit.name.clone(),
        place: commune.name.clone(),
        counted_on,
        title: d.title.clone(),
        question: plan.content,
        starts_on: plan.starts_on,
        ends_on: plan.ends_on,
        counting_team: team,
        households: as_u32(d.households),
        issued: as_u32(progress.issued),
        collected: as_u32(progress.collected),
        counts,
        required: coso_domain::decision::required(as_u32(d.households), d.comparison),
        comparison: d.comparison.label().to_string(),
    }
    .document())
}
