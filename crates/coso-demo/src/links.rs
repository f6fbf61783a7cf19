//! The demo's household links: the demo resident represents the first household of its
//! village (confirmed on the day the demo is loaded, with the notification that tells them),
//! and a second resident of the village waits for the village head to confirm theirs.

use coso_app::{Actor, App, households};
use coso_domain::HouseholdId;
use coso_domain::authz::{Action, Role};
use coso_store::{NewUser, UnitRow};

use crate::DemoError;

/// The second demo resident, whose request is left pending for the village head.
pub const WAITING_RESIDENT: &str = "nguoidan2@coso.example";
const WAITING_NAME: &str = "Đỗ Thị Mai (người dân, mẫu)";

/// Links `resident` (confirmed) and a second resident (pending) to the first two households
/// of `village`; does nothing for an account that already has a link.
pub async fn load(app: &App, village: &UnitRow, resident: &str, actor: &Actor) -> Result<(), DemoError> {
    let store = app.store();
    let codes: Vec<String> = crate::households::households_for(&village.code, &village.name, village.kind)
        .into_iter()
        .take(2)
        .map(|(_, h)| h.code)
        .collect();
    let [first, second] = codes.as_slice() else { return Ok(()) };
    if store.user_by_email(WAITING_RESIDENT).await?.is_none() {
        let password_hash = coso_app::accounts::hash_password(crate::DEMO_PASSWORD.to_string())
            .await
            .map_err(|e| DemoError::Hash(e.to_string()))?;
        let user = NewUser {
            email: WAITING_RESIDENT.into(),
            display_name: WAITING_NAME.into(),
            password_hash,
            grants: vec![(Role::Resident, village.unit_id())],
        };
        store.create_user(&user, actor.audit()).await?;
    }
    let participate = actor
        .authorize(&village.unit_path(), Action::Participate)
        .map_err(|_| DemoError::Forbidden(village.code.clone()))?;
    for (email, code, confirm) in [(resident, first, true), (WAITING_RESIDENT, second, false)] {
        let Some(user) = store.user_by_email(email).await? else { continue };
        if store.latest_household_link(user.user_id()).await?.is_some() {
            continue;
        }
        let Some(household) = store.household_for_link(&participate, village, code).await? else { continue };
        let id = store
            .request_household_link(&participate, village, HouseholdId(household.id), user.user_id(), actor.audit())
            .await?;
        if confirm {
            households::decide_link(app, actor, &village.code, id, Some(true), "Đã đối chiếu sổ hộ (dữ liệu mẫu).")
                .await
                .map_err(|e| DemoError::Forbidden(format!("{}: {e}", village.code)))?;
        }
    }
    Ok(())
}
