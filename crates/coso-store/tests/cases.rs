//! Storage of citizen cases, run on SQLite and on PostgreSQL: insert with the sender apart,
//! guarded updates, the timeline, clearances on a subtree and categories.

use chrono::NaiveDate;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity};
use coso_domain::{UnitId, UserId};
use coso_store::{Actor, CaseEffects, CaseSender, NewCase, NewCaseAction, NewUser, Store, StoreError};
use coso_test_support::on_both;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn effects(action: CaseActionKind, on: &str, audit_action: &'static str) -> CaseEffects {
    CaseEffects {
        action: NewCaseAction { action, on_date: d(on), note: None, detail: serde_json::json!({}) },
        audit_action,
        audit_after: serde_json::json!({ "kind": "denunciation" }),
        mails: vec![],
    }
}

fn new_case(unit: UnitId, code: &str) -> NewCase {
    NewCase {
        code: code.into(),
        unit_id: unit,
        kind: CaseKind::Denunciation,
        status: CaseStatus::Received,
        channel: Channel::Desk,
        category: "khac".into(),
        received_on: d("2024-03-04"),
        content: "Tố cáo cán bộ nhận tiền".into(),
        remote: false,
        complexity: Complexity::Complex,
        crowded: false,
        over_level: false,
        publish: false,
        sender_user_id: None,
        accepted_on: None,
        decision_received_on: None,
        parent_id: None,
        instance: 1,
        due_on: Some(d("2024-03-18")),
        resolution_due_on: None,
    }
}

async fn cases_keep_the_sender_apart_and_updates_are_guarded(store: &Store) {
    let actor = Actor::system("test");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let commune = store.children(province.unit_id(), d("2026-01-01")).await.expect("children").remove(0);
    let sender =
        CaseSender { name: Some("Lê Văn Cường".into()), address: Some("Thôn Ba".into()), ..Default::default() };
    let id = store
        .insert_case(
            &new_case(commune.unit_id(), "AAAA-BBBB-CCCC-DDDD"),
            &sender,
            &effects(CaseActionKind::Receive, "2024-03-04", "case.register"),
            None,
            &actor,
        )
        .await
        .expect("insert");
    let again = store
        .insert_case(
            &new_case(commune.unit_id(), "AAAA-BBBB-CCCC-DDDD"),
            &sender,
            &effects(CaseActionKind::Receive, "2024-03-04", "case.register"),
            None,
            &actor,
        )
        .await;
    assert!(matches!(again, Err(StoreError::Conflict { field: "code", .. })), "{again:?}");

    let case = store.case_by_id(id).await.expect("q").expect("case");
    assert_eq!(
        (case.kind, case.status, case.complexity),
        (CaseKind::Denunciation, CaseStatus::Received, Complexity::Complex)
    );
    assert_eq!(case.unit_code, commune.code);
    assert_eq!(case.due_on, Some(d("2024-03-18")));
    assert_eq!(store.case_by_code("AAAA-BBBB-CCCC-DDDD").await.expect("q").map(|c| c.id), Some(id.0));
    assert_eq!(store.case_sender(id).await.expect("q"), Some(sender));
    let timeline = store.case_actions(id).await.expect("actions");
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0].action, CaseActionKind::Receive);

    let mut accepted = case.clone();
    accepted.status = CaseStatus::Accepted;
    accepted.accepted_on = Some(d("2024-03-13"));
    store
        .update_case(&case, &accepted, &effects(CaseActionKind::Accept, "2024-03-13", "case.accept"), &actor)
        .await
        .expect("accept");
    let stale = store
        .update_case(&case, &accepted, &effects(CaseActionKind::Accept, "2024-03-13", "case.accept"), &actor)
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict { field: "status", .. })), "{stale:?}");
    let now = store.case_by_id(id).await.expect("q").expect("case");
    assert_eq!((now.status, now.accepted_on), (CaseStatus::Accepted, Some(d("2024-03-13"))));
    assert_eq!(store.case_actions(id).await.expect("actions").len(), 2, "the refused update added nothing");
    let audit = store.audit_entries(Some("citizen_case"), None).await.expect("audit");
    assert_eq!(audit.total, 2);
    assert!(audit.items.iter().all(|e| !format!("{:?}", e.after_json).contains("Lê Văn Cường")));
    assert!(!store.unit_remote(commune.unit_id()).await.expect("remote"));
}

async fn clearances_hold_on_a_subtree_and_categories_add_to_the_defaults(store: &Store) {
    let actor = Actor::system("test");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let communes = store.children(province.unit_id(), d("2026-01-01")).await.expect("children");
    let (commune, other) = (&communes[0], &communes[1]);
    let user = store
        .create_user(
            &NewUser {
                email: "mat@coso.test".into(),
                display_name: "Mật".into(),
                password_hash: "x".into(),
                grants: vec![],
            },
            &actor,
        )
        .await
        .expect("user");
    let path = |u: &coso_store::UnitRow| u.unit_path().ids().collect::<Vec<_>>();
    assert!(!store.has_clearance(user, "denunciation", &path(commune)).await.expect("q"));
    store.grant_clearance(user, "denunciation", province.unit_id(), &actor).await.expect("grant");
    let twice = store.grant_clearance(user, "denunciation", province.unit_id(), &actor).await;
    assert!(matches!(twice, Err(StoreError::Conflict { .. })), "{twice:?}");
    assert!(store.has_clearance(user, "denunciation", &path(commune)).await.expect("q"), "below the province");
    assert!(!store.has_clearance(user, "other", &path(commune)).await.expect("q"));
    assert!(!store.has_clearance(UserId(user.0 + 1), "denunciation", &path(commune)).await.expect("q"));
    store.revoke_clearance(user, "denunciation", province.unit_id(), &actor).await.expect("revoke");
    store.grant_clearance(user, "denunciation", commune.unit_id(), &actor).await.expect("grant");
    assert!(!store.has_clearance(user, "denunciation", &path(other)).await.expect("q"), "not on a sibling");
    assert!(!store.has_clearance(user, "denunciation", &path(&province)).await.expect("q"), "not above");
    assert_eq!(store.clearances_of(user).await.expect("q").len(), 1);
    let audit = store.audit_entries(Some("clearance"), None).await.expect("audit");
    assert_eq!(audit.total, 3);

    let defaults = store.case_categories(commune.unit_id()).await.expect("categories");
    let codes: Vec<&str> = defaults.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["dat_dai", "moi_truong", "chinh_sach_xa_hoi", "an_ninh_trat_tu", "ha_tang", "can_bo", "khac"]);
    store.save_case_category(commune.unit_id(), "cho", "Chợ, kinh doanh", &actor).await.expect("save");
    let shipped = store.save_case_category(commune.unit_id(), "khac", "Khác nữa", &actor).await;
    assert!(matches!(shipped, Err(StoreError::Conflict { field: "code", .. })), "{shipped:?}");
    assert_eq!(store.case_categories(commune.unit_id()).await.expect("q").len(), 8);
    assert_eq!(store.case_categories(other.unit_id()).await.expect("q").len(), 7, "a unit's own stay its own");
    store.deactivate_case_category(commune.unit_id(), "cho", &actor).await.expect("deactivate");
    assert_eq!(store.case_categories(commune.unit_id()).await.expect("q").len(), 7);
}

on_both! {
    store:
    cases => cases_keep_the_sender_apart_and_updates_are_guarded,
    clearances_and_categories => clearances_hold_on_a_subtree_and_categories_add_to_the_defaults,
}
