//! Citizen reception's storage on SQLite and PostgreSQL: the schedule, sessions and visits,
//! what a permit of another commune meets, and the audit rows.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::reception::{
    Outcome, PartOfDay, Receiver, RefusalGround, ScheduleEntry, ScheduleKind, SessionData, SessionKind, VisitData,
};
use coso_store::{Actor, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn actor() -> Actor {
    Actor::system("test")
}

/// Hà Tĩnh and two of its communes.
async fn units(store: &Store) -> (UnitRow, UnitRow, UnitRow) {
    store.load_official_units(&actor()).await.expect("load");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes");
    (province, communes[0].clone(), communes[1].clone())
}

fn official_of(unit: &UnitRow) -> Vec<Grant> {
    vec![Grant { role: Role::Official, unit: unit.unit_path() }]
}

fn weekly() -> ScheduleEntry {
    ScheduleEntry {
        kind: ScheduleKind::Weekly,
        weekday: Some(4),
        on_date: None,
        part: Some(PartOfDay::Morning),
        place: Some("Trụ sở UBND xã".into()),
        receiver: Some(Receiver::Chairman),
        note: None,
    }
}

fn session(held_on: NaiveDate, receiver: Receiver) -> SessionData {
    SessionData {
        held_on,
        receiver,
        receiver_name: "Nguyễn Văn Bình".into(),
        place: "Trụ sở UBND xã".into(),
        kind: SessionKind::Regular,
    }
}

fn visit(crowded: bool, people_count: i64, outcome: Outcome) -> VisitData {
    VisitData {
        visitor_names: "Trần Thị Hoa".into(),
        people_count,
        crowded,
        address: "Thôn Một".into(),
        content: "Đường thôn bị sạt lở".into(),
        outcome,
        refusal_ground: (outcome == Outcome::Refused).then_some(RefusalGround::Disruptive),
        note: None,
    }
}

async fn the_schedule_is_kept_per_unit_and_audited(store: &Store) {
    let (_, commune, other) = units(store).await;
    let permit = authorize(&official_of(&commune), &commune.unit_path(), Action::ManageReception).expect("permit");
    let cancelled = ScheduleEntry {
        kind: ScheduleKind::Cancelled,
        weekday: None,
        on_date: Some(date(2026, 12, 17)),
        part: None,
        place: None,
        receiver: None,
        note: Some("Chủ tịch họp tỉnh".into()),
    };
    let cancel_id = store.add_schedule_entry(&permit, &commune, &cancelled, &actor()).await.expect("add");
    store.add_schedule_entry(&permit, &commune, &weekly(), &actor()).await.expect("add");
    let rows = store.reception_schedule(&commune).await.expect("schedule");
    assert_eq!(rows.iter().map(|r| r.kind).collect::<Vec<_>>(), [ScheduleKind::Weekly, ScheduleKind::Cancelled]);
    assert_eq!(rows[0].entry(), weekly());
    assert_eq!(rows[1].entry(), cancelled);
    assert!(store.reception_schedule(&other).await.expect("other").is_empty());

    let outside = authorize(&official_of(&other), &other.unit_path(), Action::ManageReception).expect("permit");
    let refused = store.add_schedule_entry(&outside, &commune, &weekly(), &actor()).await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");
    let wrong_unit = store.remove_schedule_entry(&outside, &other, cancel_id, &actor()).await;
    assert!(matches!(wrong_unit, Err(StoreError::NotFound)), "{wrong_unit:?}");
    store.remove_schedule_entry(&permit, &commune, cancel_id, &actor()).await.expect("remove");
    assert_eq!(store.reception_schedule(&commune).await.expect("schedule").len(), 1);
    let audit = store.audit_entries(Some("reception_schedule"), None).await.expect("audit");
    assert_eq!(audit.total, 3);
}

async fn sessions_and_visits_stay_inside_the_unit(store: &Store) {
    let (province, commune, other) = units(store).await;
    let permit = authorize(&official_of(&commune), &commune.unit_path(), Action::ManageReception).expect("permit");
    let chairman = session(date(2026, 3, 5), Receiver::Chairman);
    let first = store.record_session(&permit, &commune, &chairman, &actor()).await.expect("session");
    let deputy = session(date(2026, 3, 12), Receiver::ViceChairman);
    store.record_session(&permit, &commune, &deputy, &actor()).await.expect("session");
    store.record_visit(&permit, &commune, first, &visit(false, 1, Outcome::Guided), &actor()).await.expect("visit");
    store.record_visit(&permit, &commune, first, &visit(true, 12, Outcome::Refused), &actor()).await.expect("visit");

    let sessions = store.reception_sessions(&permit, &commune, date(2026, 1, 1), date(2026, 12, 31)).await;
    let sessions = sessions.expect("sessions");
    assert_eq!(sessions.iter().map(|s| s.held_on).collect::<Vec<_>>(), [date(2026, 3, 12), date(2026, 3, 5)]);
    assert_eq!((sessions[1].visits, sessions[1].people, sessions[1].crowded_visits), (2, 13, 1));
    assert_eq!(sessions[0].receiver_kind, Receiver::ViceChairman);
    let visits = store.reception_visits(&permit, &commune, first).await.expect("visits");
    assert_eq!(visits.len(), 2);
    assert_eq!((visits[1].crowded, visits[1].refusal_ground), (true, Some(RefusalGround::Disruptive)));
    assert_eq!(visits[0].visitor_names, "Trần Thị Hoa");

    // A permit of another commune reads nothing, even through a session id of this one.
    let outside = authorize(&official_of(&other), &other.unit_path(), Action::ManageReception).expect("permit");
    assert!(matches!(store.reception_visits(&outside, &commune, first).await, Err(StoreError::Forbidden)));
    assert!(matches!(store.reception_visits(&outside, &other, first).await, Err(StoreError::NotFound)));
    let stray = store.record_visit(&outside, &other, first, &visit(false, 1, Outcome::Guided), &actor()).await;
    assert!(matches!(stray, Err(StoreError::NotFound)), "{stray:?}");

    // The rule reads the whole subtree, without personal data.
    let held = store.sessions_held_in_subtree(&province, date(2026, 3, 1), date(2026, 3, 31)).await.expect("held");
    assert_eq!(held.len(), 2);
    assert!(held.iter().all(|h| h.unit_id == commune.id));
    assert_eq!(held[0].held().receiver, Receiver::Chairman);
    let none = store.sessions_held_in_subtree(&other, date(2026, 3, 1), date(2026, 3, 31)).await.expect("held");
    assert!(none.is_empty());
    assert_eq!(store.audit_entries(Some("reception_visit"), None).await.expect("audit").total, 2);
    assert_eq!(store.audit_entries(Some("reception_session"), None).await.expect("audit").total, 2);
}

on_both! {
    store:
    schedule => the_schedule_is_kept_per_unit_and_audited,
    sessions => sessions_and_visits_stay_inside_the_unit,
}
