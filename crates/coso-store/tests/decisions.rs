//! Community decisions' storage on SQLite and PostgreSQL: the households of the register in
//! force when a decision is opened become its electorate with their representatives; attendance
//! by count or list stays within that snapshot; a result closes the decision once; a permit of
//! another commune is refused; every change is audited.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::decision::{Comparison, DecisionData, DecisionForm, DecisionStatus, Matter, Outcome};
use coso_domain::household::HouseholdData;
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_store::{Actor, Attendance, DecisionResult, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn actor() -> Actor {
    Actor::system("test")
}

/// A commune of Hà Tĩnh, another one, and a village of the first with 12 households in force
/// and one that left the register.
async fn fixture(store: &Store) -> (UnitRow, UnitRow, UnitRow) {
    store.load_official_units(&actor()).await.expect("load");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes");
    let input =
        UnitInput { code: "V1".into(), name: "Thôn Một".into(), kind: "village".into(), ..Default::default() };
    let v = NewUnit::parse(&input, Some(UnitKind::Commune), date(2020, 1, 1)).expect("village");
    let village = store.create_units(&communes[0], &[(2, v)], &actor()).await.expect("village").remove(0);
    let permit = authorize(
        &[Grant { role: Role::Official, unit: communes[0].unit_path() }],
        &village.unit_path(),
        Action::ManageHouseholds,
    )
    .expect("permit");
    let mut rows: Vec<(u64, HouseholdData)> = (1..=13)
        .map(|i| {
            let h = HouseholdData {
                code: format!("H{i:02}"),
                address: format!("Số {i}"),
                representative: format!("Nguyễn Văn {i}"),
                member_count: 4,
                phone: None,
                valid_from: date(2020, 1, 1),
                valid_to: None,
            };
            (i + 1, h)
        })
        .collect();
    rows[12].1.valid_to = Some(date(2021, 1, 1));
    store.import_households(&permit, &village, rows, &actor()).await.expect("households");
    (communes[0].clone(), communes[1].clone(), village)
}

fn meeting() -> DecisionData {
    DecisionData {
        matter: Matter::Contributions,
        form: DecisionForm::Meeting,
        title: "Mức đóng góp làm đường liên thôn".into(),
        held_on: date(2026, 3, 10),
        ends_on: date(2026, 3, 10),
        villages: vec![],
    }
}

async fn a_meeting_is_opened_attended_and_closed_once(store: &Store) {
    let (commune, other, village) = fixture(store).await;
    let grant = |unit: &UnitRow| Grant { role: Role::Official, unit: unit.unit_path() };
    let permit = authorize(&[grant(&commune)], &village.unit_path(), Action::ManageDecisions).expect("permit");
    let elsewhere = authorize(&[grant(&other)], &other.unit_path(), Action::ManageDecisions).expect("permit");
    let refused =
        store.open_decision(&elsewhere, &village, &meeting(), Comparison::MoreThanHalf, &[village.id], &actor()).await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");

    let id = store
        .open_decision(&permit, &village, &meeting(), Comparison::MoreThanHalf, &[village.id], &actor())
        .await
        .expect("open");
    let d = store.decision(id).await.expect("read").expect("decision");
    assert_eq!(d.households, 12, "the household that left the register is not asked");
    assert_eq!(d.status, DecisionStatus::Open);
    assert_eq!(d.matter, Matter::Contributions);
    let households = store.decision_households(&permit, &village, id).await.expect("households");
    assert_eq!(households.len(), 12);
    assert_eq!(households[0].representative, "Nguyễn Văn 1");

    let too_many = store.record_decision_attendance(&permit, &village, id, &Attendance::Count(13), &actor()).await;
    assert!(matches!(too_many, Err(StoreError::Conflict { field: "present", .. })), "{too_many:?}");
    assert_eq!(
        store.record_decision_attendance(&permit, &village, id, &Attendance::Count(8), &actor()).await.expect("count"),
        8
    );
    let stranger = store
        .record_decision_attendance(
            &permit,
            &village,
            id,
            &Attendance::Households(vec![households[0].household_id, -5]),
            &actor(),
        )
        .await;
    assert!(matches!(stranger, Err(StoreError::Conflict { field: "households", .. })), "{stranger:?}");
    assert_eq!(store.decision(id).await.expect("read").expect("d").present, Some(8), "a refused list changes nothing");
    let list: Vec<i64> = households.iter().take(7).map(|h| h.household_id).collect();
    assert_eq!(
        store
            .record_decision_attendance(&permit, &village, id, &Attendance::Households(list), &actor())
            .await
            .expect("list"),
        7
    );
    let ticked = store.decision_households(&permit, &village, id).await.expect("households");
    assert_eq!(ticked.iter().filter(|h| h.attended).count(), 7);

    let result = DecisionResult {
        votes: Some((7, 0, 0)),
        meeting: None,
        outcome: Outcome::Adopted,
        reason: "7 trên 12 hộ gia đình đồng ý.".into(),
        present: Some(7),
    };
    let stale = DecisionResult { present: Some(8), ..result.clone() };
    let refused = store.record_decision_result(&permit, &village, id, &stale, &actor()).await;
    assert!(matches!(refused, Err(StoreError::Conflict { .. })), "a result on an old attendance: {refused:?}");
    store.record_decision_result(&permit, &village, id, &result, &actor()).await.expect("result");
    let d = store.decision(id).await.expect("read").expect("decision");
    assert_eq!((d.status, d.outcome, d.yes_votes), (DecisionStatus::Closed, Some(Outcome::Adopted), Some(7)));
    let again = store.record_decision_result(&permit, &village, id, &result, &actor()).await;
    assert!(matches!(again, Err(StoreError::Conflict { field: "status", .. })), "{again:?}");
    let late = store.record_decision_attendance(&permit, &village, id, &Attendance::Count(9), &actor()).await;
    assert!(matches!(late, Err(StoreError::Conflict { field: "status", .. })), "{late:?}");

    assert_eq!(store.decisions_in_subtree(&commune).await.expect("list").len(), 1);
    assert_eq!(store.decisions_in_subtree(&other).await.expect("list").len(), 0);
    assert_eq!(store.audit_entries(Some("decision"), None).await.expect("audit").total, 4);
}

async fn an_empty_register_opens_nothing(store: &Store) {
    let (commune, _, _) = fixture(store).await;
    let input = UnitInput { code: "V2".into(), name: "Thôn Hai".into(), kind: "village".into(), ..Default::default() };
    let v = NewUnit::parse(&input, Some(UnitKind::Commune), date(2020, 1, 1)).expect("village");
    let empty = store.create_units(&commune, &[(2, v)], &actor()).await.expect("village").remove(0);
    let permit = authorize(
        &[Grant { role: Role::Official, unit: commune.unit_path() }],
        &empty.unit_path(),
        Action::ManageDecisions,
    )
    .expect("permit");
    let refused =
        store.open_decision(&permit, &empty, &meeting(), Comparison::MoreThanHalf, &[empty.id], &actor()).await;
    assert!(matches!(refused, Err(StoreError::Conflict { field: "villages", .. })), "{refused:?}");
    assert!(store.decisions_in_subtree(&commune).await.expect("list").is_empty());
}

on_both! {
    store:
    meeting => a_meeting_is_opened_attended_and_closed_once,
    empty => an_empty_register_opens_nothing,
}
