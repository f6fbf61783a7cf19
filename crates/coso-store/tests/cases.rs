//! Storage of citizen cases, run on SQLite and on PostgreSQL: insert with the sender apart,
//! guarded updates, the timeline, clearances on a subtree and categories.

use chrono::NaiveDate;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity};
use coso_domain::{CaseId, UnitId, UserId};
use coso_store::{
    Actor, CaseEffects, CaseInsert, CaseListFilter, CasePlace, CaseSender, NewCase, NewCaseAction, NewUser,
    StatusFilter, Store, StoreError,
};
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

/// Inserts a case without place, files or parent.
async fn insert(
    store: &Store,
    case: &NewCase,
    sender: &CaseSender,
    effects: &CaseEffects,
    actor: &Actor,
) -> Result<CaseId, StoreError> {
    let place = CasePlace::default();
    store.insert_case(&CaseInsert { case, sender, effects, place: &place, files: &[], parent: None }, actor).await
}

async fn cases_keep_the_sender_apart_and_updates_are_guarded(store: &Store) {
    let actor = Actor::system("test");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let commune = store.children(province.unit_id(), d("2026-01-01")).await.expect("children").remove(0);
    let sender =
        CaseSender { name: Some("Lê Văn Cường".into()), address: Some("Thôn Ba".into()), ..Default::default() };
    let id = insert(
        store,
        &new_case(commune.unit_id(), "AAAA-BBBB-CCCC-DDDD"),
        &sender,
        &effects(CaseActionKind::Receive, "2024-03-04", "case.register"),
        &actor,
    )
    .await
    .expect("insert");
    let again = insert(
        store,
        &new_case(commune.unit_id(), "AAAA-BBBB-CCCC-DDDD"),
        &sender,
        &effects(CaseActionKind::Receive, "2024-03-04", "case.register"),
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

async fn the_inbox_orders_by_due_date_and_counts_aggregate_per_kind(store: &Store) {
    let actor = Actor::system("test");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let communes = store.children(province.unit_id(), d("2026-01-01")).await.expect("children");
    let (commune, other) = (&communes[0], &communes[1]);
    let add = |unit: UnitId, code: &'static str, kind: CaseKind, due: Option<&str>, resolution: Option<&str>| {
        let mut case = new_case(unit, code);
        case.kind = kind;
        case.due_on = due.map(d);
        case.resolution_due_on = resolution.map(d);
        case
    };
    let sender = CaseSender::default();
    let e = || effects(CaseActionKind::Receive, "2024-03-04", "case.register");
    let late = insert(
        store,
        &add(commune.unit_id(), "L", CaseKind::Petition, Some("2024-03-18"), Some("2024-03-18")),
        &sender,
        &e(),
        &actor,
    )
    .await
    .expect("late");
    let soon = insert(
        store,
        &add(commune.unit_id(), "S", CaseKind::Complaint, Some("2024-03-25"), None),
        &sender,
        &e(),
        &actor,
    )
    .await
    .expect("soon");
    let none = insert(store, &add(commune.unit_id(), "N", CaseKind::Information, None, None), &sender, &e(), &actor)
        .await
        .expect("none");
    let elsewhere =
        insert(store, &add(other.unit_id(), "E", CaseKind::Petition, Some("2024-03-01"), None), &sender, &e(), &actor)
            .await
            .expect("elsewhere");

    let list = |unit: &coso_store::UnitRow, kind: Option<CaseKind>, status: StatusFilter| CaseListFilter {
        unit_path: unit.path.clone(),
        status,
        kind,
        ..CaseListFilter::default()
    };
    let inbox = store.case_list(&list(commune, None, StatusFilter::Open), 10, 0).await.expect("inbox");
    let ids: Vec<i64> = inbox.items.iter().map(|c| c.id).collect();
    assert_eq!(ids, [late.0, soon.0, none.0], "nearest due first, none last, only the subtree");
    assert_eq!(inbox.total, 3);
    let page = store.case_list(&list(commune, None, StatusFilter::Open), 1, 1).await.expect("page");
    assert_eq!((page.items[0].id, page.total), (soon.0, 3));
    let complaints =
        store.case_list(&list(commune, Some(CaseKind::Complaint), StatusFilter::Open), 50, 0).await.expect("kind");
    assert_eq!(complaints.items.iter().map(|c| c.id).collect::<Vec<_>>(), [soon.0]);
    let whole = store.case_list(&list(&province, None, StatusFilter::Open), 50, 0).await.expect("province");
    assert_eq!(whole.items.first().map(|c| c.id), Some(elsewhere.0));
    assert!(
        store
            .case_list(&list(commune, None, StatusFilter::Only(CaseStatus::Answered)), 50, 0)
            .await
            .expect("answered")
            .items
            .is_empty()
    );

    // The late petition answered after its due date.
    let case = store.case_by_id(late).await.expect("q").expect("case");
    let mut answered = case.clone();
    answered.status = CaseStatus::Answered;
    answered.answered_on = Some(d("2024-03-20"));
    answered.due_on = None;
    store
        .update_case(&case, &answered, &effects(CaseActionKind::Answer, "2024-03-20", "case.answer"), &actor)
        .await
        .expect("answer");
    let counts = store.case_counts(&province, d("2024-03-01"), d("2024-03-31"), d("2024-03-21")).await.expect("counts");
    let of = |kind: &str| counts.iter().find(|c| c.kind == kind).cloned().unwrap_or_default();
    let figures = |c: coso_store::CaseCounts| {
        [c.received, c.accepted, c.resolved_on_time, c.resolved_late, c.open_overdue, c.open]
    };
    assert_eq!(figures(of("petition")), [2, 0, 0, 1, 1, 1], "{counts:?}");
    assert_eq!(figures(of("complaint")), [1, 0, 0, 0, 0, 1]);
    assert_eq!(figures(of("information")), [1, 0, 0, 0, 0, 1]);
    let only_commune =
        store.case_counts(commune, d("2024-03-01"), d("2024-03-31"), d("2024-03-21")).await.expect("counts");
    assert_eq!(only_commune.iter().map(|c| c.received).sum::<i64>(), 3);
    assert!(
        store.case_counts(commune, d("2024-04-01"), d("2024-04-30"), d("2024-05-01")).await.expect("counts").is_empty()
    );
}

/// Petitions sent at the same moment (on SQLite, committed together by the one writer): every
/// one is kept whole, with its sender, timeline and audit row, and the ones whose tracking code
/// is taken are refused alone, without taking the others down with them.
async fn petitions_sent_together_are_kept_and_a_taken_code_is_refused_alone(store: &Store) {
    let actor = Actor::system("test");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let commune = store.children(province.unit_id(), d("2026-01-01")).await.expect("children").remove(0);
    let taken = "TAKE-NTAK-ENTA-KEN0";
    let e = || effects(CaseActionKind::Receive, "2024-03-04", "case.submit");
    insert(store, &new_case(commune.unit_id(), taken), &CaseSender::default(), &e(), &actor).await.expect("first");

    let mut sent = Vec::new();
    for i in 0..48 {
        let store = store.clone();
        let code = if i % 16 == 5 { taken.to_owned() } else { format!("GRP{i:02}-AAAA-BBBB-CCCC") };
        let unit = commune.unit_id();
        sent.push(tokio::spawn(async move {
            let mut case = new_case(unit, &code);
            case.kind = CaseKind::Petition;
            let sender = CaseSender { name: Some(format!("Người gửi {i}")), ..Default::default() };
            let result = insert(&store, &case, &sender, &e(), &Actor::system("test")).await;
            (code, sender, result)
        }));
    }
    let mut kept = 0;
    for handle in sent {
        let (code, sender, result) = handle.await.expect("task");
        if code == taken {
            assert!(matches!(result, Err(StoreError::Conflict { field: "code", .. })), "{result:?}");
            continue;
        }
        let id = result.expect("a petition with a free code is kept");
        let case = store.case_by_code(&code).await.expect("q").expect("stored");
        assert_eq!(CaseId(case.id), id);
        assert_eq!(store.case_sender(id).await.expect("q"), Some(sender));
        assert_eq!(store.case_actions(id).await.expect("actions").len(), 1);
        kept += 1;
    }
    assert_eq!(kept, 45);
    let audit = store.audit_entries(Some("citizen_case"), None).await.expect("audit");
    assert_eq!(audit.total, 46, "one audit row per petition kept, none for the refused");
}

on_both! {
    store:
    sent_together => petitions_sent_together_are_kept_and_a_taken_code_is_refused_alone,
    inbox_and_counts => the_inbox_orders_by_due_date_and_counts_aggregate_per_kind,
    cases => cases_keep_the_sender_apart_and_updates_are_guarded,
    clearances_and_categories => clearances_hold_on_a_subtree_and_categories_add_to_the_defaults,
}
