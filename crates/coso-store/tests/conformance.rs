//! One storage conformance suite, run on SQLite and on PostgreSQL.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::household_import;
use coso_domain::unit::{NewUnit, SuccessionKind, UnitInput, UnitKind};
use coso_store::{Actor, Store, StoreError, UnitSearch};
use coso_test_support::on_both;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("date")
}

async fn loaded(store: &Store) {
    let r = store.load_official_units(&Actor::system("test")).await.expect("load");
    assert_eq!(r.inserted, 34 + 3321);
}

async fn official_units_load_once_with_the_official_counts(store: &Store) {
    loaded(store).await;
    let again = store.load_official_units(&Actor::system("test")).await.expect("reload");
    assert_eq!((again.inserted, again.already_present), (0, 3355));
    let counts: std::collections::HashMap<String, i64> =
        store.count_units_by_kind().await.expect("counts").into_iter().collect();
    assert_eq!(counts["province"], 34);
    assert_eq!(counts["commune"], 2621);
    assert_eq!(counts["ward"], 687);
    assert_eq!(counts["special_zone"], 13);
    let ha_tinh = store.unit_by_code("42").await.expect("query").expect("Hà Tĩnh");
    assert_eq!(ha_tinh.name, "Tỉnh Hà Tĩnh");
    let children = store.children(ha_tinh.unit_id(), today()).await.expect("children");
    assert!(children.len() > 50, "{}", children.len());
    assert!(children.iter().all(|c| c.path.starts_with(&ha_tinh.path) && c.parent_code.as_deref() == Some("42")));
    let keys: Vec<String> =
        children.iter().map(|c| coso_text::sort_key(coso_domain::unit::sort_name(&c.name))).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "children in Vietnamese order");
}

async fn search_ignores_diacritics_and_counts_all_matches(store: &Store) {
    loaded(store).await;
    let find = |q: &str| UnitSearch { q: Some(q.to_string()), ..Default::default() };
    let dak_lak = store.search_units(&find("dak lak")).await.expect("search");
    assert!(dak_lak.items.iter().any(|u| u.name == "Tỉnh Đắk Lắk"), "{:?}", dak_lak.items);
    let ha_tinh = store.search_units(&find("ha tinh")).await.expect("search");
    assert_eq!(ha_tinh.items.first().map(|u| u.name.as_str()), Some("Tỉnh Hà Tĩnh"), "province first");
    let duong = store
        .search_units(&UnitSearch { q: Some("duong".into()), limit: Some(3), ..Default::default() })
        .await
        .expect("search");
    assert_eq!(duong.items.len(), 3);
    assert!(duong.total > 3, "total counts every match, not the page");
    assert!(duong.items.iter().all(|u| coso_text::fold(&u.name).contains("duong")));
    let wards = store
        .search_units(&UnitSearch { kind: Some(UnitKind::Ward), limit: Some(1), ..Default::default() })
        .await
        .expect("search");
    assert_eq!(wards.total, 687);
    let tricky = store.search_units(&find("100%_")).await.expect("wildcards are literal");
    assert_eq!(tricky.total, 0);
}

async fn units_are_created_all_or_nothing_and_audited(store: &Store) {
    loaded(store).await;
    let commune = store.unit_by_code("18352").await.expect("q");
    let commune = match commune {
        Some(c) => c,
        None => store
            .children(store.unit_by_code("42").await.expect("q").expect("42").unit_id(), today())
            .await
            .expect("c")
            .remove(0),
    };
    let input = |code: &str, name: &str| UnitInput {
        code: code.into(),
        name: name.into(),
        kind: "village".into(),
        ..Default::default()
    };
    let a = NewUnit::parse(&input("T-A", "Thôn Đông"), Some(UnitKind::Commune), today()).expect("valid");
    let b = NewUnit::parse(&input("T-B", "Thôn Tây"), Some(UnitKind::Commune), today()).expect("valid");
    let created =
        store.create_units(&commune, &[(2, a.clone()), (3, b)], &Actor::system("test")).await.expect("create");
    assert_eq!(created.len(), 2);
    assert!(created[0].path.starts_with(&commune.path) && created[0].path.ends_with(&format!("/{}/", created[0].id)));
    let c = NewUnit::parse(&input("T-C", "Thôn Nam"), Some(UnitKind::Commune), today()).expect("valid");
    let err =
        store.create_units(&commune, &[(2, c), (3, a)], &Actor::system("test")).await.expect_err("duplicate code");
    assert!(matches!(err, StoreError::Rows(ref rows) if rows[0].line == 3 && rows[0].field == "code"), "{err:?}");
    assert!(store.unit_by_code("T-C").await.expect("q").is_none(), "nothing of the failed batch was kept");
    let audit = store.audit_entries(Some("unit"), None).await.expect("audit");
    assert!(
        audit
            .items
            .iter()
            .any(|e| e.action == "unit.create" && e.after_json.as_deref().is_some_and(|j| j.contains("Thôn Đông")))
    );
}

async fn household_import_is_all_or_nothing_and_idempotent(store: &Store) {
    loaded(store).await;
    let commune = store.unit_by_code("42").await.expect("q").expect("42");
    let commune = store.children(commune.unit_id(), today()).await.expect("c").remove(0);
    let v = NewUnit::parse(
        &UnitInput { code: "V1".into(), name: "Thôn Một".into(), kind: "village".into(), ..Default::default() },
        Some(UnitKind::Commune),
        today(),
    )
    .expect("valid");
    let village = store.create_units(&commune, &[(2, v)], &Actor::system("t")).await.expect("village").remove(0);
    let grants = [Grant { role: Role::VillageHead, unit: village.unit_path() }];
    let manage = authorize(&grants, &village.unit_path(), Action::ManageHouseholds).expect("permit");
    let read = authorize(&grants, &village.unit_path(), Action::ReadHouseholds).expect("permit");
    let csv = "ma ho,dia chi,dai dien ho,so nhan khau\nH1,Xóm 1,Nguyễn Văn An,4\nH2,Xóm 1,Đỗ Thị Bình,3\nH3,Xóm 2,Âu Văn Cường,5\n";
    let rows = household_import::parse_csv(csv.as_bytes(), today()).expect("valid").rows;
    let r1 = store.import_households(&manage, &village, rows.clone(), &Actor::system("t")).await.expect("import");
    assert_eq!((r1.inserted, r1.updated, r1.unchanged), (3, 0, 0));
    let r2 = store.import_households(&manage, &village, rows, &Actor::system("t")).await.expect("reimport");
    assert_eq!((r2.inserted, r2.updated, r2.unchanged), (0, 0, 3));
    let page = store.households(&read, &village, None, None, None).await.expect("list");
    let names: Vec<&str> = page.items.iter().map(|h| h.representative.as_str()).collect();
    assert_eq!(names, ["Âu Văn Cường", "Đỗ Thị Bình", "Nguyễn Văn An"], "Vietnamese order");
    let found = store.households(&read, &village, Some("do thi binh"), None, None).await.expect("search");
    assert_eq!(found.total, 1);
    // The read permit does not allow writing.
    let one = household_import::parse_csv("code,address,representative,member_count\nH9,X,Y,1\n".as_bytes(), today())
        .expect("ok")
        .rows;
    assert!(matches!(
        store.import_households(&read, &village, one, &Actor::system("t")).await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(store.household_count(&commune).await.expect("count"), 3);
}

async fn users_sessions_and_grants(store: &Store) {
    loaded(store).await;
    let unit = store.unit_by_code("42").await.expect("q").expect("42");
    let user = coso_store::NewUser {
        email: "a@b.vn".into(),
        display_name: "Cán bộ A".into(),
        password_hash: "$argon2id$stub-not-used-for-login".into(),
        grants: vec![(Role::Official, unit.unit_id())],
    };
    let id = store.create_user(&user, &Actor::system("t")).await.expect("create user");
    assert!(matches!(
        store.create_user(&user, &Actor::system("t")).await,
        Err(StoreError::Conflict { field: "email", .. })
    ));
    let grants = store.grants_of(id).await.expect("grants");
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].grant().unit, unit.unit_path());
    let expires = store.clock().now() + chrono::Duration::hours(1);
    store.create_session("hash1", id, "csrf1", expires).await.expect("session");
    assert_eq!(store.session("hash1").await.expect("q").map(|s| s.user_id), Some(id.0));
    store.create_session("old", id, "csrf2", store.clock().now() - chrono::Duration::hours(1)).await.expect("old");
    assert!(store.session("old").await.expect("q").is_none(), "expired sessions do not open");
    assert_eq!(store.purge_expired_sessions().await.expect("purge"), 1);
    store.delete_session("hash1").await.expect("logout");
    assert!(store.session("hash1").await.expect("q").is_none());
    store.record_login_failure(id, 2, store.clock().now() + chrono::Duration::minutes(5)).await.expect("f1");
    store.record_login_failure(id, 2, store.clock().now() + chrono::Duration::minutes(5)).await.expect("f2");
    let u = store.user_by_id(id).await.expect("q").expect("user");
    assert_eq!(u.failed_logins, 2);
    assert!(u.locked_until.is_some());
    let listed = store.list_users(Some(&unit.path), None, None).await.expect("list");
    assert_eq!(listed.total, 1);
    let other = store.unit_by_code("01").await.expect("q").expect("01");
    assert_eq!(store.list_users(Some(&other.path), None, None).await.expect("list").total, 0);
    assert!(store.has_user_data().await.expect("q"));
}

on_both! {
    store:
    official_units => official_units_load_once_with_the_official_counts,
    search => search_ignores_diacritics_and_counts_all_matches,
    create_units => units_are_created_all_or_nothing_and_audited,
    households => household_import_is_all_or_nothing_and_idempotent,
    users => users_sessions_and_grants,
    announcements => holiday_announcements_replace_and_audit,
    history => the_tree_for_any_date_keeps_ceased_units_and_their_successors,
}

async fn holiday_announcements_replace_and_audit(store: &Store) {
    let a = r#"{"year":2027,"source":"A","status":"S","days_off":[]}"#;
    let b = r#"{"year":2027,"source":"B","status":"P","days_off":[]}"#;
    store.save_holiday_announcement(2027, a, &Actor::system("t")).await.expect("save");
    store.save_holiday_announcement(2027, b, &Actor::system("t")).await.expect("replace");
    assert_eq!(store.holiday_announcements().await.expect("list"), vec![(2027, b.to_string())]);
    let audit = store.audit_entries(Some("holiday_announcement"), None).await.expect("audit");
    assert_eq!(audit.total, 2);
    assert!(audit.items[0].before_json.as_deref().is_some_and(|j| j.contains("\"A\"")));
}

async fn the_tree_for_any_date_keeps_ceased_units_and_their_successors(store: &Store) {
    loaded(store).await;
    let province = store.unit_by_code("42").await.expect("q").expect("42");
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let input = UnitInput {
        code: "TX-HL".into(),
        name: "Thị xã Hồng Lĩnh".into(),
        kind: "district".into(),
        valid_from: "1992-08-20".into(),
        valid_to: "2025-07-01".into(),
    };
    let district = NewUnit::parse(&input, Some(UnitKind::Province), today()).expect("a historic district is allowed");
    let district = store.create_historic_unit(Some(&province), &district, &Actor::system("t")).await.expect("create");
    let now_children = store.children(province.unit_id(), d("2026-01-01")).await.expect("children");
    assert!(!now_children.iter().any(|u| u.code == "TX-HL"), "ceased units are not in today's tree");
    let then_children = store.children(province.unit_id(), d("2024-06-01")).await.expect("children");
    assert!(then_children.iter().any(|u| u.code == "TX-HL"), "but are in the tree of 2024");
    let found = store
        .search_units(&UnitSearch { q: Some("hong linh".into()), on: Some(d("2024-06-01")), ..Default::default() })
        .await
        .expect("search");
    assert!(found.items.iter().any(|u| u.code == "TX-HL"));
    let successor = now_children.iter().find(|u| u.kind == "ward").expect("a ward").clone();
    store
        .record_succession(&district, &successor, SuccessionKind::Merge, d("2025-07-01"), &Actor::system("t"))
        .await
        .expect("succession");
    let succ = store.successors(&district).await.expect("successors");
    assert_eq!(succ.len(), 1);
    assert_eq!(succ[0].successor_code, successor.code);
    assert_eq!(
        store.unit_by_code("TX-HL").await.expect("q").map(|u| u.valid_to),
        Some(Some(d("2025-07-01"))),
        "history is kept"
    );
}
