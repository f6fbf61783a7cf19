//! Residents as household representatives: a resident asks to be linked to a household of
//! their village, by the household's code and the representative's name as the register
//! writes them; the village head (or an official of the commune) confirms or refuses beside
//! the register's row; the resident may end the link. Later capabilities (household votes)
//! ask [`representative_of`].

use chrono::{DateTime, Utc};
use coso_domain::authz::{Action, Role};
use coso_domain::household_link::{LinkRequest, LinkRequestInput, LinkStatus};
use coso_domain::notification::NotificationKind;
use coso_domain::{FieldError, HouseholdId, UnitId, UserId};
use coso_store::{AuditEntry, HouseholdLinkRow, LinkDecision, NewNotification, UnitRow};

use crate::{Actor, App, Error, Result};

/// Longest note of a decision.
const MAX_NOTE_CHARS: usize = 500;

/// The household a resident account represents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Represented {
    pub household: HouseholdId,
    pub household_code: String,
    pub village: UnitId,
    pub village_code: String,
    pub village_name: String,
}

/// The confirmed household of the resident account `user`, if any.
pub async fn representative_of(app: &App, user: UserId) -> Result<Option<Represented>> {
    Ok(app.store().confirmed_household_link(user).await?.map(|l| Represented {
        household: HouseholdId(l.household_id),
        household_code: l.household_code,
        village: UnitId(l.village_id),
        village_code: l.village_code,
        village_name: l.village_name,
    }))
}

/// What a resident's own page shows of their newest link. Before confirmation it holds only
/// what they typed and the village, nothing more of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyHousehold {
    pub status: LinkStatus,
    pub household_code: String,
    pub village_code: String,
    pub village_name: String,
    /// The village head's note on a decision.
    pub note: Option<String>,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The register's representative and address, once confirmed.
    pub representative: Option<String>,
    pub address: Option<String>,
}

/// The newest link of the signed-in actor, if any.
pub async fn my_household(app: &App, actor: &Actor) -> Result<Option<MyHousehold>> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    Ok(app.store().latest_household_link(user).await?.map(|l| {
        let confirmed = l.status == LinkStatus::Confirmed;
        MyHousehold {
            status: l.status,
            household_code: l.household_code,
            village_code: l.village_code,
            village_name: l.village_name,
            note: l.note,
            requested_at: l.requested_at,
            decided_at: l.decided_at,
            representative: confirmed.then_some(l.representative),
            address: confirmed.then_some(l.address),
        }
    }))
}

/// The villages and residential groups where the actor holds the `resident` role.
async fn villages_of(app: &App, user: UserId) -> Result<Vec<UnitRow>> {
    let mut villages = Vec::new();
    for g in app.store().grants_of(user).await? {
        if g.role != Role::Resident {
            continue;
        }
        if let Some(u) = app.store().unit_by_code(&g.unit_code).await?
            && u.kind.has_households()
        {
            villages.push(u);
        }
    }
    Ok(villages)
}

/// Asks for a link to the household of the actor's village with the typed code, if the
/// register names the typed representative. A mismatch is refused without saying which of
/// the two differs or what the register holds.
pub async fn request_link(app: &App, actor: &Actor, input: &LinkRequestInput) -> Result<()> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let request = LinkRequest::parse(input).map_err(Error::Validation)?;
    let villages = villages_of(app, user).await?;
    if villages.is_empty() {
        return Err(Error::BadRequest(
            "Tài khoản chưa gắn với thôn, tổ dân phố nào nên chưa thể liên kết với hộ gia đình.".into(),
        ));
    }
    for village in &villages {
        let permit = actor.authorize(&village.unit_path(), Action::Participate)?;
        let Some(found) = app.store().household_for_link(&permit, village, &request.household_code).await? else {
            continue;
        };
        if request.names(&found.representative) {
            let id = app
                .store()
                .request_household_link(&permit, village, HouseholdId(found.id), user, actor.audit())
                .await?;
            tracing::info!(link = id, "household link requested");
            return Ok(());
        }
    }
    tracing::info!(user_id = user.0, "household link asked with a code and name the register does not hold");
    Err(Error::Validation(vec![FieldError::new(
        "household_code",
        "Mã hộ và tên chủ hộ không khớp với sổ hộ gia đình của thôn, tổ dân phố nơi bạn sống. \
         Hãy nhập đúng như ghi trên sổ hộ hoặc hỏi trưởng thôn, tổ trưởng tổ dân phố.",
    )]))
}

/// Ends the actor's pending or confirmed link; false when there was none.
pub async fn end_link(app: &App, actor: &Actor) -> Result<bool> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    Ok(app.store().end_household_link(user, actor.audit()).await?.is_some())
}

/// The pending requests for households of the unit with `code` (a village, or a commune for
/// its officials), each beside the register's row: for those who manage its households. The
/// read shows register rows, so it is audited like a register read.
pub struct PendingLinks {
    pub unit: UnitRow,
    pub links: Vec<HouseholdLinkRow>,
}

pub async fn pending_links(app: &App, actor: &Actor, code: &str) -> Result<PendingLinks> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageHouseholds)?;
    let links = app.store().pending_household_links(&permit, &unit).await?;
    let entry = AuditEntry {
        action: "household.list",
        entity: "household",
        entity_id: unit.code.clone(),
        unit_id: Some(unit.unit_id()),
        before: None,
        after: Some(serde_json::json!({ "pending_links": links.len() })),
    };
    app.store().audit(actor.audit(), &entry).await?;
    Ok(PendingLinks { unit, links })
}

/// Confirms (`Some(true)`) or refuses (`Some(false)`), with `note` (required to refuse), the
/// pending request `id` of a household under the unit with `code`, and tells the resident;
/// `None` (no choice made) is a field error once the request is found. Not found when the
/// request is not pending or not under the unit; forbidden without the right to manage the
/// households there; a conflict when the household already has a confirmed account.
pub async fn decide_link(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    confirm: Option<bool>,
    note: &str,
) -> Result<HouseholdLinkRow> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ManageHouseholds)?;
    let link = app.store().household_link(id).await?.ok_or(Error::NotFound)?;
    let village = crate::units::by_id(app, UnitId(link.village_id)).await?;
    if !unit.unit_path().contains(&village.unit_path()) {
        return Err(Error::NotFound);
    }
    let permit = actor.authorize(&village.unit_path(), Action::ManageHouseholds)?;
    let Some(confirm) = confirm else {
        return Err(Error::Validation(vec![FieldError::new("decision", "Chọn «Xác nhận» hoặc «Từ chối».")]));
    };
    let note = coso_text::clean(note);
    if !confirm && note.is_empty() {
        return Err(Error::Validation(vec![FieldError::new(
            "note",
            "Ghi chú: cần nêu lý do từ chối để người dân biết.",
        )]));
    }
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::Validation(vec![FieldError::new(
            "note",
            format!("Ghi chú: dài quá {MAX_NOTE_CHARS} ký tự."),
        )]));
    }
    let (title, status) = if confirm {
        (format!("Bạn đã được xác nhận là người đại diện hộ {}", link.household_code), LinkStatus::Confirmed)
    } else {
        (format!("Yêu cầu liên kết với hộ {} chưa được chấp nhận", link.household_code), LinkStatus::Refused)
    };
    let body = if note.is_empty() {
        format!("{} — {}.", village.name, status.label())
    } else {
        format!("{} — {}. Ghi chú: {note}", village.name, status.label())
    };
    let decision = LinkDecision {
        confirm,
        note: (!note.is_empty()).then_some(note),
        notification: NewNotification {
            unit_id: village.id,
            user_id: Some(link.user_id),
            kind: NotificationKind::HouseholdLink,
            title,
            body,
            link: "/cua-toi".into(),
            occurrence_id: None,
            dedupe_key: format!("household-link:{id}:{}", status.as_str()),
        },
    };
    app.store().decide_household_link(&permit, &village, id, &decision, actor.audit()).await?;
    Ok(link)
}
