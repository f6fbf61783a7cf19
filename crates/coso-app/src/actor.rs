//! Who acts: a signed-in user with the roles they hold, or the system (the command line, the
//! demo loader, the jobs), which acts as an administrator everywhere.

use coso_domain::authz::{self, Action, Grant, Permit, Role};
use coso_domain::unit_path::UnitPath;
use coso_domain::{UnitId, UserId};

use crate::{Error, Result};

#[derive(Debug, Clone)]
pub struct Actor {
    audit: coso_store::Actor,
    /// The roles held; `None` for the system.
    grants: Option<Vec<Grant>>,
}

impl Actor {
    /// A signed-in user; `request_id` ties the audit entries of one request together.
    pub fn user(id: UserId, email: &str, grants: Vec<Grant>, request_id: Option<String>) -> Actor {
        let audit = coso_store::Actor { user_id: Some(id), label: email.to_string(), request_id };
        Actor { audit, grants: Some(grants) }
    }

    /// The system, doing `what` (`cli`, `demo`, `serve`): it may do everything.
    pub fn system(what: &str) -> Actor {
        Actor { audit: coso_store::Actor::system(what), grants: None }
    }

    /// The permit for `action` on the unit at `unit`, decided by the domain's one rule.
    pub fn authorize(&self, unit: &UnitPath, action: Action) -> Result<Permit> {
        match &self.grants {
            Some(grants) => Ok(authz::authorize(grants, unit, action)?),
            None => Ok(authz::authorize(&[Grant { role: Role::Admin, unit: unit.clone() }], unit, action)?),
        }
    }

    /// Whether the actor may do `action` on the unit (to show or hide a form).
    pub fn may(&self, unit: &UnitPath, action: Action) -> bool {
        self.authorize(unit, action).is_ok()
    }

    pub fn is_admin(&self) -> bool {
        self.grants.as_deref().is_none_or(authz::is_admin)
    }

    /// Fails unless the actor is a system administrator.
    pub fn require_admin(&self) -> Result<()> {
        if self.is_admin() { Ok(()) } else { Err(Error::Forbidden) }
    }

    /// Whether `action` is allowed by a role held on one of `units` itself (the units a plan
    /// targets, for someone working there).
    pub fn holds_on_any(&self, units: &[i64], action: Action) -> bool {
        match &self.grants {
            None => true,
            Some(grants) => grants.iter().any(|g| {
                g.unit.ids().last().is_some_and(|UnitId(id)| units.contains(&id)) && authz::role_allows(g.role, action)
            }),
        }
    }

    /// The path of the first unit a role allowing `action` was granted on (`None` for the system).
    pub fn first_unit_allowing(&self, action: Action) -> Option<&UnitPath> {
        self.grants.as_ref()?.iter().find(|g| authz::role_allows(g.role, action)).map(|g| &g.unit)
    }

    /// Whether some role allows `action` somewhere.
    pub fn allows_somewhere(&self, action: Action) -> bool {
        self.grants.as_deref().is_none_or(|g| authz::allows_somewhere(g, action))
    }

    pub fn user_id(&self) -> Option<UserId> {
        self.audit.user_id
    }

    /// Who the audit log names.
    pub fn audit(&self) -> &coso_store::Actor {
        &self.audit
    }
}
