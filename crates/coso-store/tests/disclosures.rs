//! The disclosure register's storage on SQLite and PostgreSQL: the catalogue loaded when the
//! store migrates, a disclosure with its broadcast days, files and relays, what a permit of
//! another commune meets, the subtree's rows for the compliance view, and the audit rows.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::disclosure::{DisclosureData, Form, Level, RelayData, RelayMethod};
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_store::{Actor, DisclosureFilter, NewDisclosureFile, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn actor() -> Actor {
    Actor::system("test")
}

/// Hà Tĩnh, two of its communes and a village of the first.
async fn units(store: &Store) -> (UnitRow, UnitRow, UnitRow, UnitRow) {
    store.load_official_units(&actor()).await.expect("load");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes");
    let input =
        UnitInput { code: "V1".into(), name: "Thôn Một".into(), kind: "village".into(), ..Default::default() };
    let v = NewUnit::parse(&input, Some(UnitKind::Commune), date(2026, 1, 1)).expect("village");
    let village = store.create_units(&communes[0], &[(2, v)], &actor()).await.expect("village").remove(0);
    (province, communes[0].clone(), communes[1].clone(), village)
}

fn data(item: u8, title: &str) -> DisclosureData {
    DisclosureData {
        item,
        title: title.into(),
        content: "Nội dung công khai".into(),
        legal_basis: None,
        forms: vec![Form::Posting, Form::Radio],
        other_form_basis: None,
        place: Some("Trụ sở UBND xã".into()),
        posted_from: date(2026, 3, 4),
        posted_to: Some(date(2026, 4, 3)),
        broadcast_days: vec![date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)],
        convention_vote_on: None,
        adopted_on: None,
    }
}

async fn the_catalogue_is_loaded_when_migrating(store: &Store) {
    let commune = store.disclosure_items("2022", Level::Commune).await.expect("items");
    assert_eq!(commune.len(), 14);
    assert_eq!(commune.iter().filter(|i| i.radio_required).count(), 6);
    assert!(commune[0].verified && !commune[3].verified);
    assert_eq!(store.disclosure_items("2022", Level::Agency).await.expect("items").len(), 12);
    // Migrating again keeps the ids.
    let before = commune[1].id;
    store.migrate().await.expect("migrate again");
    assert_eq!(store.disclosure_items("2022", Level::Commune).await.expect("items")[1].id, before);
}

async fn a_disclosure_is_kept_with_its_proofs(store: &Store) {
    let (province, commune, other, village) = units(store).await;
    let items = store.disclosure_items("2022", Level::Commune).await.expect("items");
    let item8 = items.iter().find(|i| i.number == 8).expect("item 8").id;
    let item2 = items.iter().find(|i| i.number == 2).expect("item 2").id;
    let grants = vec![Grant { role: Role::Official, unit: commune.unit_path() }];
    let permit = authorize(&grants, &commune.unit_path(), Action::ManageDisclosures).expect("permit");
    let photo = NewDisclosureFile {
        kind: "photo",
        file_name: "niem-yet.jpg".into(),
        content_type: "image/jpeg",
        data: vec![0xFF, 0xD8, 0xFF, 0xD9],
    };
    let id = store
        .insert_disclosure(&permit, &commune, item8, &data(8, "Kết luận thanh tra quỹ"), &[photo], &actor())
        .await
        .expect("insert");
    store
        .insert_disclosure(&permit, &commune, item2, &data(2, "Dự toán ngân sách"), &[], &actor())
        .await
        .expect("insert");

    let row = store.disclosure(id).await.expect("read").expect("found");
    assert_eq!((row.item_number, row.radio_required, row.level), (8, true, Level::Commune));
    assert_eq!(row.forms(), [Form::Posting, Form::Radio]);
    assert_eq!(row.posted_to, Some(date(2026, 4, 3)));
    let days = store.disclosure_broadcasts(&[id]).await.expect("days");
    assert_eq!(days.len(), 3);
    let files = store.disclosure_files(&[id]).await.expect("files");
    assert_eq!((files[0].kind.as_str(), files[0].size), ("photo", 4));
    let (meta, bytes) = store.disclosure_file(id, files[0].id).await.expect("file").expect("found");
    assert_eq!((meta.file_name.as_str(), bytes.len()), ("niem-yet.jpg", 4));
    assert!(store.disclosure_file(id + 1, files[0].id).await.expect("file").is_none(), "only through its disclosure");

    // Searched without diacritics, newest first.
    let f = DisclosureFilter { q: Some("thanh tra".into()), limit: 10, ..Default::default() };
    let (found, more) = store.disclosures_of_unit(commune.id, &f).await.expect("list");
    assert_eq!((found.len(), more), (1, false));
    let f = DisclosureFilter { q: Some("du toan".into()), limit: 10, ..Default::default() };
    assert_eq!(store.disclosures_of_unit(commune.id, &f).await.expect("list").0[0].title, "Dự toán ngân sách");
    let page = DisclosureFilter { limit: 1, ..Default::default() };
    assert!(store.disclosures_of_unit(commune.id, &page).await.expect("list").1, "another page follows");
    let current = DisclosureFilter { current_on: Some((date(2026, 4, 4), true)), limit: 10, ..Default::default() };
    assert!(store.disclosures_of_unit(commune.id, &current).await.expect("list").0.is_empty());
    let past = DisclosureFilter { current_on: Some((date(2026, 4, 4), false)), limit: 10, ..Default::default() };
    assert_eq!(store.disclosures_of_unit(commune.id, &past).await.expect("list").0.len(), 2);

    // Another commune's permit changes nothing here.
    let outside = authorize(
        &[Grant { role: Role::Official, unit: other.unit_path() }],
        &other.unit_path(),
        Action::ManageDisclosures,
    )
    .expect("permit");
    let refused = store.insert_disclosure(&outside, &commune, item2, &data(2, "x"), &[], &actor()).await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "{refused:?}");
    let stray = store.add_disclosure_files(&outside, &other, id, &[], &actor()).await;
    assert!(matches!(stray, Err(StoreError::NotFound)), "{stray:?}");

    // The village head's relay, recorded then corrected.
    let head = [Grant { role: Role::VillageHead, unit: village.unit_path() }];
    let relay_permit = authorize(&head, &village.unit_path(), Action::RelayDisclosures).expect("permit");
    let relay = RelayData { method: RelayMethod::Meeting, relayed_on: date(2026, 3, 7), note: None };
    store.record_relay(&relay_permit, &village, id, &relay, &actor()).await.expect("relay");
    let corrected = RelayData { method: RelayMethod::TextMessage, ..relay };
    store.record_relay(&relay_permit, &village, id, &corrected, &actor()).await.expect("relay again");
    let relays = store.disclosure_relays(&[id]).await.expect("relays");
    assert_eq!(relays.len(), 1);
    assert_eq!((relays[0].method, relays[0].village_name.as_str()), (RelayMethod::TextMessage, "Thôn Một"));

    // A province reads its subtree's year in one go; the count pre-fills reports.
    let rows = store.disclosed_in(&province, date(2026, 1, 1), date(2026, 12, 31)).await.expect("rows");
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.unit_id == commune.id));
    assert_eq!(rows.iter().find(|r| r.item_number == 8).expect("8").broadcasts, 3);
    assert_eq!(store.disclosure_count(&province, date(2026, 1, 1), date(2026, 6, 30)).await.expect("count"), 2);
    assert_eq!(store.disclosure_count(&other, date(2026, 1, 1), date(2026, 6, 30)).await.expect("count"), 0);
    assert_eq!(store.disclosure_count(&commune, date(2026, 4, 1), date(2026, 6, 30)).await.expect("count"), 0);
    let registers = store.register_units(&province, date(2026, 1, 1)).await.expect("units");
    assert!(registers.iter().any(|u| u.id == commune.id) && registers.iter().all(|u| u.id != province.id));

    // Edited: the broadcast days are replaced.
    let mut changed = data(8, "Kết luận thanh tra quỹ (sửa)");
    changed.broadcast_days = vec![date(2026, 3, 4)];
    store.update_disclosure(&permit, &commune, &row, item8, &changed, &actor()).await.expect("update");
    assert_eq!(store.disclosure_broadcasts(&[id]).await.expect("days").len(), 1);
    assert_eq!(store.audit_entries(Some("disclosure"), None).await.expect("audit").total, 5);
}

on_both! {
    store:
    catalogue => the_catalogue_is_loaded_when_migrating,
    disclosures => a_disclosure_is_kept_with_its_proofs,
}
