//! Who may do what, decided in one place.
//!
//! A role is granted on a unit and holds for that unit's whole subtree. [`authorize`] is the only
//! way to obtain a [`Permit`], and the store's privileged operations ask for one, so a handler
//! cannot reach households or users without having asked.

use serde::{Deserialize, Serialize};

use crate::unit_path::{Relation, UnitPath};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The whole system.
    Admin,
    /// Works in the unit's subtree.
    Official,
    /// Reads the unit's subtree.
    Viewer,
    /// A village's households and meetings.
    VillageHead,
    /// The supervision boards.
    BoardMember,
    /// Takes part in public participation.
    Resident,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Admin, Role::Official, Role::Viewer, Role::VillageHead, Role::BoardMember, Role::Resident];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Official => "official",
            Role::Viewer => "viewer",
            Role::VillageHead => "village_head",
            Role::BoardMember => "board_member",
            Role::Resident => "resident",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Quản trị hệ thống",
            Role::Official => "Cán bộ, công chức",
            Role::Viewer => "Người xem",
            Role::VillageHead => "Trưởng thôn, tổ trưởng tổ dân phố",
            Role::BoardMember => "Thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư",
            Role::Resident => "Người dân",
        }
    }
}

/// Something a user wants to do to a unit or what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the unit in the admin area (its tree, counts).
    ViewAdmin,
    /// Create villages, residential groups, agencies and departments under the unit.
    ManageUnits,
    ReadHouseholds,
    ManageHouseholds,
    ReadUsers,
    ManageUsers,
    ReadAudit,
    /// Supervision-board work.
    Supervise,
    /// Comment, vote as household representative, send petitions.
    Participate,
    /// Read the plans a unit issued or received, and their aggregate views.
    ReadPlans,
    /// Issue plans for the unit, edit their tasks and targets.
    ManagePlans,
    /// Send the unit's implementing plans and reports.
    SubmitReports,
    /// Accept or return the reports the unit receives.
    ReviewReports,
    /// Read the reception compliance of the unit and its subtree (no personal data).
    ReadReception,
    /// Keep the reception schedule and log, and read the visitors' personal data.
    ManageReception,
    /// Register a citizen case for the unit (a village head registers on behalf of residents,
    /// for the village only).
    ReceiveCases,
    /// Read and handle the unit's citizen cases: accept, refuse, forward, answer…
    HandleCases,
    /// Open consultations on drafts, moderate their comments, close and answer them.
    ManageConsultations,
    /// Enter the opinions a village collected on paper or at a meeting.
    CollectOpinions,
    /// Keep the unit's disclosure register (công khai): record, edit, attach proofs.
    ManageDisclosures,
    /// Record how a village was told of a disclosure (the village head, PUB-4).
    RelayDisclosures,
    /// Write the unit's news, keep its legal library and its log of trainings.
    Disseminate,
    /// Hold the unit's dialogues with the people: announce, answer, commit, publish results.
    HoldDialogues,
    /// Take a village convention through its life: propose, draft, post, record opinions and
    /// the vote, send the dossier; on the commune, recognise or return it.
    ManageConventions,
    /// Run the village-head elections of the commune's villages (the commune chairman's, VH-1).
    ManageElections,
    /// Record a village's annual community conference (the village head's, CONF-1), or an
    /// agency's staff conference and internal rules (its officials', AG-3).
    HoldConferences,
    /// Record the unit's supervision boards (members, the decision that elected them,
    /// dissolution), answer the findings sent to the unit, and read every board's work.
    ManageBoards,
    /// Open the community's decisions (meetings, ballots, online votes), record attendance,
    /// counts and results (officials of the unit or above, the village head).
    ManageDecisions,
    /// Plan and carry out inspections of how the units below carry out grassroots democracy (and
    /// the unit's self-inspection): team, findings, conclusion, remediation, publication.
    ManageInspections,
    /// Keep the unit's steering committee (members and the areas they follow) and its register
    /// of commendations and models worth copying.
    ManageSteering,
    /// Create the accounts of an agency's staff (the `resident` role on the agency) and remove
    /// that role; never any other role (officials of the agency or above it).
    ManageAgencyStaff,
}

impl Action {
    pub const ALL: [Action; 31] = [
        Action::ViewAdmin,
        Action::ManageUnits,
        Action::ReadHouseholds,
        Action::ManageHouseholds,
        Action::ReadUsers,
        Action::ManageUsers,
        Action::ReadAudit,
        Action::Supervise,
        Action::Participate,
        Action::ReadPlans,
        Action::ManagePlans,
        Action::SubmitReports,
        Action::ReviewReports,
        Action::ReadReception,
        Action::ManageReception,
        Action::ReceiveCases,
        Action::HandleCases,
        Action::ManageConsultations,
        Action::CollectOpinions,
        Action::ManageDisclosures,
        Action::RelayDisclosures,
        Action::Disseminate,
        Action::HoldDialogues,
        Action::ManageConventions,
        Action::ManageElections,
        Action::HoldConferences,
        Action::ManageBoards,
        Action::ManageDecisions,
        Action::ManageInspections,
        Action::ManageSteering,
        Action::ManageAgencyStaff,
    ];
}

/// A role granted to a user on a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub unit: UnitPath,
}

/// Proof that `action` on the unit at `unit` was authorized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permit {
    action: Action,
    unit: UnitPath,
}

impl Permit {
    pub fn action(&self) -> Action {
        self.action
    }

    /// The unit the action was authorized on.
    pub fn unit(&self) -> &UnitPath {
        &self.unit
    }

    /// Whether this permit covers `target` for `action`: the same action on the unit or below.
    pub fn covers(&self, action: Action, target: &UnitPath) -> bool {
        self.action == action && self.unit.contains(target)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Bạn không có quyền thực hiện thao tác này tại đơn vị này.")]
pub struct Forbidden;

/// What a role allows inside its subtree (the granted unit and everything below it).
pub fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Admin => true,
        Role::Official => matches!(
            action,
            ViewAdmin
                | ManageUnits
                | ReadHouseholds
                | ManageHouseholds
                | ReadUsers
                | ReadAudit
                | ReadPlans
                | ManagePlans
                | SubmitReports
                | ReviewReports
                | ReadReception
                | ManageReception
                | ReceiveCases
                | HandleCases
                | ManageConsultations
                | CollectOpinions
                | ManageDisclosures
                | Disseminate
                | HoldDialogues
                | ManageConventions
                | ManageElections
                | HoldConferences
                | ManageBoards
                | ManageDecisions
                | ManageInspections
                | ManageSteering
                | ManageAgencyStaff
        ),
        Role::Viewer => matches!(action, ViewAdmin | ReadHouseholds | ReadPlans | ReadReception),
        // A village head sends the village's reports to the commune, and registers the cases
        // residents bring (the commune handles them).
        Role::VillageHead => {
            matches!(
                action,
                ViewAdmin
                    | ReadHouseholds
                    | ManageHouseholds
                    | ReadPlans
                    | SubmitReports
                    | ReceiveCases
                    | CollectOpinions
                    | RelayDisclosures
                    | ManageConventions
                    | HoldConferences
                    | ManageDecisions
            )
        }
        // The boards supervise, so they read plans and their results.
        Role::BoardMember => matches!(action, ViewAdmin | Supervise | ReadPlans | ReadReception),
        Role::Resident => matches!(action, Participate),
    }
}

/// Whether `grant` allows `action` on `target`. An admin holds everywhere; every other role
/// only on the granted unit and its descendants, never on ancestors or siblings.
pub fn grant_allows(grant: &Grant, target: &UnitPath, action: Action) -> bool {
    if grant.role == Role::Admin {
        return true;
    }
    let inside = matches!(grant.unit.relation_of(target), Relation::Same | Relation::Descendant);
    inside && role_allows(grant.role, action)
}

/// The one authorization decision of coso.
pub fn authorize(grants: &[Grant], target: &UnitPath, action: Action) -> Result<Permit, Forbidden> {
    if grants.iter().any(|g| grant_allows(g, target, action)) {
        Ok(Permit { action, unit: target.clone() })
    } else {
        Err(Forbidden)
    }
}

/// Whether the grants allow `action` anywhere (used to show or hide menu entries).
pub fn allows_somewhere(grants: &[Grant], action: Action) -> bool {
    grants.iter().any(|g| role_allows(g.role, action))
}

/// Whether the user is a system administrator.
pub fn is_admin(grants: &[Grant]) -> bool {
    grants.iter().any(|g| g.role == Role::Admin)
}
