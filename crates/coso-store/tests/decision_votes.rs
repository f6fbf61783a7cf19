//! Household ballots and online votes on SQLite and PostgreSQL: one ballot per household with
//! distinct codes, issued once; collection by code, all or nothing; each entry of the count
//! written once; and 500 households voting online at once, some twice, each counted once.

use std::collections::HashSet;

use chrono::NaiveDate;
use coso_domain::UserId;
use coso_domain::authz::{Action, Grant, Permit, Role, authorize};
use coso_domain::decision::ballot::{BallotCode, BallotPlan, EntrySlot, TallyCounts};
use coso_domain::decision::{Comparison, DecisionData, DecisionForm, Matter};
use coso_domain::household::HouseholdData;
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_store::{Actor, AuditFilter, NewUser, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn system() -> Actor {
    Actor::system("test")
}

/// A village of the first commune of Hà Tĩnh with `households` households, the permit of a
/// commune official over it, and an account to act as.
async fn fixture(store: &Store, households: u64) -> (UnitRow, Permit, Actor) {
    store.load_official_units(&system()).await.expect("load");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes");
    let input =
        UnitInput { code: "V1".into(), name: "Thôn Một".into(), kind: "village".into(), ..Default::default() };
    let v = NewUnit::parse(&input, Some(UnitKind::Commune), date(2020, 1, 1)).expect("village");
    let village = store.create_units(&communes[0], &[(2, v)], &system()).await.expect("village").remove(0);
    let grants = [Grant { role: Role::Official, unit: communes[0].unit_path() }];
    let households_permit = authorize(&grants, &village.unit_path(), Action::ManageHouseholds).expect("permit");
    let rows: Vec<(u64, HouseholdData)> = (1..=households)
        .map(|i| {
            let h = HouseholdData {
                code: format!("H{i:04}"),
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
    store.import_households(&households_permit, &village, rows, &system()).await.expect("households");
    let user = NewUser {
        email: "can-bo@coso.test".into(),
        display_name: "Cán bộ xã".into(),
        password_hash: "x".into(),
        grants: vec![(Role::Official, communes[0].unit_id())],
    };
    let id: UserId = store.create_user(&user, &system()).await.expect("user");
    let actor = Actor { user_id: Some(id), label: user.email, request_id: None };
    let permit = authorize(&grants, &village.unit_path(), Action::ManageDecisions).expect("permit");
    (village, permit, actor)
}

fn decision(matter: Matter, form: DecisionForm) -> DecisionData {
    DecisionData {
        matter,
        form,
        title: "Giờ mở cửa nhà văn hóa thôn".into(),
        held_on: date(2020, 3, 1),
        ends_on: date(2100, 3, 8),
        villages: vec![],
    }
}

fn plan() -> BallotPlan {
    BallotPlan {
        purpose: "Lấy ý kiến hộ gia đình".into(),
        content: "Mở cửa nhà văn hóa đến 22 giờ?".into(),
        participants: "Các hộ của thôn".into(),
        starts_on: date(2020, 3, 1),
        ends_on: date(2100, 3, 8),
    }
}

async fn ballots_are_issued_once_collected_by_code_and_each_entry_written_once(store: &Store) {
    let (village, permit, actor) = fixture(store, 12).await;
    let id = store
        .open_decision(
            &permit,
            &village,
            &decision(Matter::SelfManagement, DecisionForm::Ballot),
            Comparison::MoreThanHalf,
            &[village.id],
            &actor,
        )
        .await
        .expect("open");
    let codes: Vec<String> = (0..12u8).map(|i| BallotCode::from_bytes([i, 1, 2, 3, 4]).display()).collect();
    let too_few = store.issue_ballots(&permit, &village, id, &plan(), &codes[..11], &actor).await;
    assert!(matches!(too_few, Err(StoreError::Conflict { .. })), "{too_few:?}");
    assert_eq!(store.issue_ballots(&permit, &village, id, &plan(), &codes, &actor).await.expect("issue"), 12);
    let again = store.issue_ballots(&permit, &village, id, &plan(), &codes, &actor).await;
    assert!(matches!(again, Err(StoreError::Conflict { field: "purpose", .. })), "{again:?}");

    let ballots = store.ballots(&permit, &village, id).await.expect("ballots");
    assert_eq!(ballots.len(), 12);
    assert_eq!(ballots.iter().map(|b| b.code.clone()).collect::<HashSet<_>>().len(), 12);
    assert_eq!(ballots[0].representative, "Nguyễn Văn 1");

    let mut back: Vec<String> = ballots.iter().take(10).map(|b| b.code.clone()).collect();
    back.push("ZZZZ-ZZZZ-F".into());
    let refused = store.collect_ballots(&permit, &village, id, &back, date(2026, 3, 8), &actor).await;
    assert!(
        matches!(&refused, Err(StoreError::Conflict { message, .. }) if message.contains("ZZZZ-ZZZZ-F")),
        "{refused:?}"
    );
    assert_eq!(store.ballot_counts(id).await.expect("counts").collected, 0, "a refused collection changes nothing");
    back.pop();
    assert_eq!(
        store.collect_ballots(&permit, &village, id, &back, date(2026, 3, 8), &actor).await.expect("collect"),
        10
    );
    assert_eq!(
        store.collect_ballots(&permit, &village, id, &back[..2], date(2026, 3, 8), &actor).await.expect("again"),
        0
    );
    let counts = store.ballot_counts(id).await.expect("counts");
    assert_eq!((counts.issued, counts.collected), (12, 10));

    let entry = TallyCounts { yes: 7, no: 2, invalid: 1 };
    let stale = store.record_tally_entry(&permit, &village, id, EntrySlot::First, entry, 9, &actor).await;
    assert!(matches!(stale, Err(StoreError::Conflict { .. })), "{stale:?}");
    store.record_tally_entry(&permit, &village, id, EntrySlot::First, entry, 10, &actor).await.expect("first");
    let twice = store.record_tally_entry(&permit, &village, id, EntrySlot::First, entry, 10, &actor).await;
    assert!(matches!(twice, Err(StoreError::Conflict { .. })), "{twice:?}");
    let entries = store.tally_entries(id).await.expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].yes_votes, entries[0].entered_by_name.as_str()), (7, "Cán bộ xã"));
    let late =
        store.collect_ballots(&permit, &village, id, &[ballots[11].code.clone()], date(2026, 3, 9), &actor).await;
    assert!(matches!(late, Err(StoreError::Conflict { .. })), "no collection once the count began: {late:?}");
}

async fn five_hundred_households_voting_at_once_are_each_counted_once(store: &Store) {
    let (village, permit, actor) = fixture(store, 500).await;
    let id = store
        .open_decision(
            &permit,
            &village,
            &decision(Matter::SelfManagement, DecisionForm::Online),
            Comparison::MoreThanHalf,
            &[village.id],
            &actor,
        )
        .await
        .expect("open");
    let households: Vec<i64> = store
        .decision_households(&permit, &village, id)
        .await
        .expect("households")
        .iter()
        .map(|h| h.household_id)
        .collect();
    assert_eq!(households.len(), 500);
    // Every household votes yes, and the first 100 change to no at the same time.
    let mut tasks = Vec::new();
    for (i, household) in households.iter().copied().enumerate() {
        let (s, a) = (store.clone(), actor.clone());
        tasks.push(tokio::spawn(async move { s.cast_online_vote(id, household, "yes", &a).await }));
        if i < 100 {
            let (s, a) = (store.clone(), actor.clone());
            tasks.push(tokio::spawn(async move { s.cast_online_vote(id, household, "no", &a).await }));
        }
    }
    for task in tasks {
        task.await.expect("join").expect("vote");
    }
    let count = store.online_count(id).await.expect("count");
    assert_eq!(count.yes + count.no, 500, "each household counted once: {count:?}");
    assert!(count.no <= 100 && count.yes >= 400, "{count:?}");
    for household in &households[..100] {
        let vote = store.online_vote(id, *household).await.expect("read").expect("voted");
        assert_eq!(vote.changes, 1, "the second vote replaced the first");
    }
    // Changing the vote afterwards moves it, never adds one.
    for household in &households[..100] {
        assert!(store.cast_online_vote(id, *household, "no", &actor).await.expect("vote again"));
    }
    let count = store.online_count(id).await.expect("count");
    assert_eq!((count.yes, count.no), (400, 100));
    // The opening and the 700 votes, each change with its audit row.
    assert_eq!(store.audit_entries(Some("decision"), Some(1)).await.expect("audit").total, 701);
    // Of the 700 votes, exactly one a household was its first, races included.
    let filter = AuditFilter { actions: vec!["decision.online_vote"], ..AuditFilter::default() };
    let mut firsts = 0;
    for page in 0..4 {
        for e in store.audit_search(&filter, 200, page * 200).await.expect("audit").items {
            let after: serde_json::Value = serde_json::from_str(e.after_json.as_deref().expect("after")).expect("JSON");
            firsts += usize::from(after["replaced"] == false);
        }
    }
    assert_eq!(firsts, 500, "one first vote a household");
    // The last 100 replaced a vote, and say so without the choice.
    let last = store.audit_entries(Some("decision"), Some(100)).await.expect("audit").items;
    for e in &last {
        let after: serde_json::Value = serde_json::from_str(e.after_json.as_deref().expect("after")).expect("JSON");
        assert_eq!(after["replaced"], true, "{after}");
        assert!(households[..100].contains(&after["household_id"].as_i64().expect("household")), "{after}");
        assert!(after.get("choice").is_none(), "{after}");
    }
}

async fn a_vote_outside_an_open_online_vote_is_refused(store: &Store) {
    let (village, permit, actor) = fixture(store, 3).await;
    let ballot = store
        .open_decision(
            &permit,
            &village,
            &decision(Matter::SelfManagement, DecisionForm::Ballot),
            Comparison::MoreThanHalf,
            &[village.id],
            &actor,
        )
        .await
        .expect("open");
    let households = store.decision_households(&permit, &village, ballot).await.expect("households");
    let not_online = store.cast_online_vote(ballot, households[0].household_id, "yes", &actor).await;
    assert!(matches!(not_online, Err(StoreError::NotFound)), "{not_online:?}");
    let online = store
        .open_decision(
            &permit,
            &village,
            &decision(Matter::SelfManagement, DecisionForm::Online),
            Comparison::MoreThanHalf,
            &[village.id],
            &actor,
        )
        .await
        .expect("open");
    let listed = store.decision_households(&permit, &village, online).await.expect("households")[0].household_id;
    assert!(!store.cast_online_vote(online, listed, "no", &actor).await.expect("a first vote"));
    let first = store.audit_entries(Some("decision"), Some(1)).await.expect("audit").items.remove(0);
    assert_eq!(first.action, "decision.online_vote");
    assert_eq!(first.entity_id, online.to_string());
    let after: serde_json::Value = serde_json::from_str(first.after_json.as_deref().expect("after")).expect("JSON");
    assert_eq!(after, serde_json::json!({ "household_id": listed, "replaced": false }));
    let stranger = store.cast_online_vote(online, 999_999, "yes", &actor).await;
    assert!(matches!(stranger, Err(StoreError::Conflict { field: "choice", .. })), "{stranger:?}");
    assert_eq!(store.online_count(online).await.expect("count").no, 1, "only the listed household's vote");
}

on_both! { store:
    ballots_issue_collect_and_entries => ballots_are_issued_once_collected_by_code_and_each_entry_written_once,
    five_hundred_households_vote_at_once => five_hundred_households_voting_at_once_are_each_counted_once,
    votes_outside_an_open_online_vote => a_vote_outside_an_open_online_vote_is_refused,
}
