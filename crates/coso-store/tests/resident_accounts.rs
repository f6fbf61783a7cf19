//! Residents' accounts in the store, on SQLite and on PostgreSQL: sign-up and single-use
//! verification links, and household links that hold one confirmed account per household and
//! one open link per account even when decisions race.

use chrono::{Duration, NaiveDate};
use coso_domain::authz::{Action, Grant, Permit, Role, authorize};
use coso_domain::household::HouseholdData;
use coso_domain::household_link::LinkStatus;
use coso_domain::notification::NotificationKind;
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_domain::{HouseholdId, UserId};
use coso_store::{Actor, LinkDecision, NewMail, NewNotification, NewResident, NewUser, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn system() -> Actor {
    Actor::system("test")
}

/// A village under the first commune of Hà Tĩnh, with household `H1`.
async fn village(store: &Store) -> (UnitRow, HouseholdId) {
    store.load_official_units(&system()).await.expect("official units");
    let today = store.clock().today();
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let commune = store.children(province.unit_id(), today).await.expect("children").remove(0);
    let input =
        UnitInput { code: "T-A".into(), name: "Thôn Đông".into(), kind: "village".into(), ..Default::default() };
    let unit = NewUnit::parse(&input, Some(UnitKind::Commune), today).expect("valid");
    let village = store.create_units(&commune, &[(2, unit)], &system()).await.expect("village").remove(0);
    let data = HouseholdData {
        code: "H1".into(),
        address: "Xóm 1".into(),
        representative: "Nguyễn Văn An".into(),
        member_count: 4,
        phone: None,
        valid_from: NaiveDate::from_ymd_opt(2025, 7, 1).expect("date"),
        valid_to: None,
    };
    let manage = permit(&village, Action::ManageHouseholds);
    let household = store.create_household(&manage, &village, &data, &system()).await.expect("household");
    (village, household)
}

fn permit(unit: &UnitRow, action: Action) -> Permit {
    authorize(&[Grant { role: Role::Admin, unit: unit.unit_path() }], &unit.unit_path(), action).expect("permit")
}

async fn resident(store: &Store, email: &str, village: &UnitRow) -> UserId {
    let user = NewUser {
        email: email.into(),
        display_name: email.into(),
        password_hash: "x".into(),
        grants: vec![(Role::Resident, village.unit_id())],
    };
    store.create_user(&user, &system()).await.expect("user")
}

fn decision(id: i64, user: UserId, village: &UnitRow) -> LinkDecision {
    LinkDecision {
        confirm: true,
        note: None,
        notification: NewNotification {
            unit_id: village.id,
            user_id: Some(user.0),
            kind: NotificationKind::HouseholdLink,
            title: "Đã xác nhận".into(),
            body: String::new(),
            link: "/cua-toi".into(),
            occurrence_id: None,
            dedupe_key: format!("household-link:{id}:confirmed"),
        },
    }
}

async fn one_confirmed_account_per_household_even_when_decisions_race(store: &Store) {
    let (village, household) = village(store).await;
    let take_part = permit(&village, Action::Participate);
    let (a, b) = (resident(store, "a@coso.test", &village).await, resident(store, "b@coso.test", &village).await);
    let link_a = store.request_household_link(&take_part, &village, household, a, &system()).await.expect("a asks");
    let link_b = store.request_household_link(&take_part, &village, household, b, &system()).await.expect("b asks");
    let again = store.request_household_link(&take_part, &village, household, a, &system()).await;
    assert!(matches!(again, Err(StoreError::Conflict { .. })), "one open link per account: {again:?}");

    let manage = permit(&village, Action::ManageHouseholds);
    let (da, db) = (decision(link_a, a, &village), decision(link_b, b, &village));
    let actor = system();
    let (ra, rb) = tokio::join!(
        store.decide_household_link(&manage, &village, link_a, &da, &actor),
        store.decide_household_link(&manage, &village, link_b, &db, &actor),
    );
    let results = [ra.is_ok(), rb.is_ok()];
    assert_eq!(results.iter().filter(|ok| **ok).count(), 1, "exactly one is confirmed: {results:?}");
    let loser = if results[0] { &rb } else { &ra };
    assert!(matches!(loser, Err(StoreError::Conflict { .. })), "{loser:?}");
    let (winner, other) = if results[0] { (a, b) } else { (b, a) };
    let confirmed = store.confirmed_household_link(winner).await.expect("q").expect("confirmed");
    assert_eq!((confirmed.status, confirmed.household_code.as_str()), (LinkStatus::Confirmed, "H1"));
    assert!(store.confirmed_household_link(other).await.expect("q").is_none());
    let waiting = store.pending_household_links(&manage, &village).await.expect("pending");
    assert_eq!(waiting.len(), 1, "the refused confirmation left the request pending");
    let told = store.notifications_for_user(winner, false).await.expect("notifications");
    assert_eq!(told.len(), 1, "only the confirmed resident is told");
    assert!(store.notifications_for_user(other, false).await.expect("notifications").is_empty());

    // Once ended, the household may be represented by the other account.
    assert_eq!(store.end_household_link(winner, &system()).await.expect("end"), Some(village.unit_id()));
    assert_eq!(store.end_household_link(winner, &system()).await.expect("end"), None, "nothing left to end");
    let id = waiting[0].id;
    let d = decision(id, other, &village);
    store.decide_household_link(&manage, &village, id, &d, &system()).await.expect("confirm the other");
    let again = store.decide_household_link(&manage, &village, id, &d, &system()).await;
    assert!(matches!(again, Err(StoreError::NotFound)), "a decided request is not pending: {again:?}");
    let reading = permit(&village, Action::ReadHouseholds);
    let refused = store.pending_household_links(&reading, &village).await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "reading the register is not deciding");
}

async fn a_verification_link_works_once_and_not_after_it_expires(store: &Store) {
    let (village, _) = village(store).await;
    let mail = |key: &str| NewMail {
        to_addr: "c@coso.test".into(),
        subject: "Xác minh".into(),
        body: "…".into(),
        dedupe_key: key.into(),
    };
    let now = store.clock().now();
    let (m1, m2) = (mail("k1"), mail("k2"));
    let first = NewResident {
        email: "c@coso.test",
        display_name: "Cúc",
        password_hash: "x",
        unit: village.unit_id(),
        token_hash: "t1",
        expires_at: now + Duration::hours(1),
        mail: &m1,
    };
    let user = store.sign_up_resident(&first, None).await.expect("sign up").expect("a new account");
    let second = NewResident { token_hash: "t2", mail: &m2, ..first };
    assert_eq!(store.sign_up_resident(&second, None).await.expect("again"), None, "the e-mail is taken");
    let row = store.user_by_id(user).await.expect("q").expect("stored");
    assert!(!row.is_verified());
    let grants = store.grants_of(user).await.expect("grants");
    assert_eq!((grants[0].role, grants[0].unit_code.as_str()), (Role::Resident, "T-A"));

    assert_eq!(store.email_verification_user("t1").await.expect("q"), Some(user));
    assert_eq!(store.verify_email("t1", None).await.expect("verify"), user);
    assert!(store.user_by_id(user).await.expect("q").expect("stored").is_verified());
    assert!(matches!(store.verify_email("t1", None).await, Err(StoreError::NotFound)), "used once");

    let later = resident(store, "d@coso.test", &village).await;
    store
        .resend_email_verification(later, "t3", now + Duration::minutes(5), &mail("k3"), &system())
        .await
        .expect("link");
    store.clock().advance(Duration::minutes(6));
    assert_eq!(store.email_verification_user("t3").await.expect("q"), None);
    assert!(matches!(store.verify_email("t3", None).await, Err(StoreError::NotFound)), "expired");
    assert_eq!(store.email_verifications_since(later, now - Duration::hours(1)).await.expect("count"), 1);
}

on_both! {
    store:
    one_confirmed_account_per_household => one_confirmed_account_per_household_even_when_decisions_race,
    verification_links => a_verification_link_works_once_and_not_after_it_expires,
}
