//! Authorization as a matrix: role × the target's relation to the grant × action.

use coso_domain::UnitId;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::unit_path::UnitPath;

/// Province 1 › commune 10 › village 100; commune 11 is commune 10's sibling.
struct Tree {
    commune: UnitPath,
    village: UnitPath,
    sibling: UnitPath,
    province: UnitPath,
}

fn tree() -> Tree {
    let province = UnitPath::root_child(UnitId(1));
    let commune = province.child(UnitId(10));
    Tree { village: commune.child(UnitId(100)), sibling: province.child(UnitId(11)), commune, province }
}

#[derive(Clone, Copy, Debug)]
enum Rel {
    Same,
    Descendant,
    Sibling,
    Ancestor,
}

/// The expected answer, written out independently of the implementation's tables.
fn expected(role: Role, rel: Rel, action: Action) -> bool {
    use Action::*;
    if role == Role::Admin {
        return true;
    }
    if matches!(rel, Rel::Sibling | Rel::Ancestor) {
        return false;
    }
    let allowed: &[Action] = match role {
        Role::Admin => &[],
        Role::Official => &[
            ViewAdmin,
            ManageUnits,
            ReadHouseholds,
            ManageHouseholds,
            ReadUsers,
            ReadAudit,
            ReadPlans,
            ManagePlans,
            SubmitReports,
            ReviewReports,
            ReadReception,
            ManageReception,
            ReceiveCases,
            HandleCases,
            ManageConsultations,
            CollectOpinions,
            ManageDisclosures,
            Disseminate,
            HoldDialogues,
            ManageConventions,
            ManageElections,
            HoldConferences,
            ManageBoards,
            ManageDecisions,
            ManageInspections,
            ManageSteering,
            ManageAgencyStaff,
        ],
        Role::Viewer => &[ViewAdmin, ReadHouseholds, ReadPlans, ReadReception],
        Role::VillageHead => &[
            ViewAdmin,
            ReadHouseholds,
            ManageHouseholds,
            ReadPlans,
            SubmitReports,
            ReceiveCases,
            CollectOpinions,
            RelayDisclosures,
            ManageConventions,
            HoldConferences,
            ManageDecisions,
        ],
        Role::BoardMember => &[ViewAdmin, Supervise, ReadPlans, ReadReception],
        Role::Resident => &[Participate],
    };
    allowed.contains(&action)
}

#[test]
fn the_full_matrix() {
    let t = tree();
    let mut checked = 0;
    for role in Role::ALL {
        let grants = [Grant { role, unit: t.commune.clone() }];
        for (rel, target) in [
            (Rel::Same, &t.commune),
            (Rel::Descendant, &t.village),
            (Rel::Sibling, &t.sibling),
            (Rel::Ancestor, &t.province),
        ] {
            for action in Action::ALL {
                let got = authorize(&grants, target, action).is_ok();
                assert_eq!(got, expected(role, rel, action), "{role:?} {rel:?} {action:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 4 * Action::ALL.len());
}

#[test]
fn a_permit_covers_only_its_subtree_and_action() {
    let t = tree();
    let grants = [Grant { role: Role::Official, unit: t.commune.clone() }];
    let permit = authorize(&grants, &t.commune, Action::ReadHouseholds).expect("allowed");
    assert!(permit.covers(Action::ReadHouseholds, &t.village));
    assert!(!permit.covers(Action::ManageHouseholds, &t.village));
    assert!(!permit.covers(Action::ReadHouseholds, &t.sibling));
}

#[test]
fn several_grants_combine() {
    let t = tree();
    let grants = [
        Grant { role: Role::Viewer, unit: t.sibling.clone() },
        Grant { role: Role::VillageHead, unit: t.village.clone() },
    ];
    assert!(authorize(&grants, &t.village, Action::ManageHouseholds).is_ok());
    assert!(authorize(&grants, &t.sibling, Action::ReadHouseholds).is_ok());
    assert!(authorize(&grants, &t.sibling, Action::ManageHouseholds).is_err());
    assert!(authorize(&grants, &t.commune, Action::ReadHouseholds).is_err());
}
