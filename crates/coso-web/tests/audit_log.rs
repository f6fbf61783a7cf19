//! The audit log page: Vietnamese words, local time, paging, filters, the CSV download, and
//! who may read it.

use chrono::Duration;
use coso_domain::authz::Role;
use coso_domain::clock::VIETNAM;
use coso_store::{Actor, AuditEntry, UnitRow};
use coso_test_support::{TestApp, on_both};

const LOG: &str = "/quan-tri/nhat-ky";

async fn unit(app: &TestApp, code: &str) -> UnitRow {
    app.store.unit_by_code(code).await.expect("q").expect("unit")
}

/// Records `action` by `who` about `entity_id` in `unit`, on the app's clock.
async fn record(app: &TestApp, who: &str, action: &'static str, entity_id: &str, unit: Option<&UnitRow>) {
    let entry = AuditEntry {
        action,
        entity: "household",
        entity_id: entity_id.into(),
        unit_id: unit.map(UnitRow::unit_id),
        before: None,
        after: Some(serde_json::json!({ "q": "Nguyễn" })),
    };
    let actor = Actor { user_id: None, label: who.into(), request_id: None };
    app.state.app.store().audit(&actor, &entry).await.expect("audit");
}

async fn page(app: &TestApp, c: &reqwest::Client, query: &str) -> String {
    let res = c.get(app.url(&format!("{LOG}{query}"))).send().await.expect("get");
    assert_eq!(res.status(), 200, "{query}");
    res.text().await.expect("body")
}

async fn admin(app: &TestApp) -> reqwest::Client {
    app.user("root@coso.test", Role::Admin, "42").await;
    app.client_as("root@coso.test").await
}

async fn the_log_reads_in_words_and_local_time_fifty_a_page(app: &TestApp) {
    let root = admin(app).await;
    let province = unit(app, "42").await;
    for i in 0..60 {
        record(app, "lan@coso.test", "household.list", &format!("T-{i:04}"), Some(&province)).await;
    }
    let html = page(app, &root, "").await;
    assert!(html.contains("Xem danh sách hộ gia đình"), "actions in Vietnamese");
    assert!(!html.contains("household.list"), "no raw action code");
    assert!(html.contains("Truy cập dữ liệu nhạy cảm"), "a read is shown as a read");
    assert!(
        html.contains("Hộ gia đình T-0059 (Hà Tĩnh)") || html.contains("Hộ gia đình T-0059 (Tỉnh Hà Tĩnh)"),
        "{html}"
    );
    assert!(html.contains("Từ khóa tìm kiếm: Nguyễn"), "details as fields");
    let newest = app.store.audit_entries(None, Some(1)).await.expect("audit").items.remove(0);
    let local = newest.at.with_timezone(&VIETNAM).format("%d/%m/%Y %H:%M").to_string();
    assert!(html.contains(&local), "the time in Vietnam: {local}");
    let total = app.store.audit_entries(None, Some(1)).await.expect("audit").total;
    assert!(html.contains(&format!("1–50 trong {total}")), "the position in the log");
    assert!(!html.contains("T-0009"), "the 51st entry is not on page 1");
    let second = page(app, &root, "?trang=2").await;
    assert!(second.contains("T-0009"), "the 51st entry is on page 2");
    assert!(second.contains(&format!("51–{} trong {total}", total.min(100))), "page 2's position");
    assert!(!second.contains("T-0010"), "page 2 starts at the 51st");
}

async fn each_filter_narrows_the_log(app: &TestApp) {
    let root = admin(app).await;
    let province = unit(app, "42").await;
    let elsewhere = unit(app, "01").await;
    record(app, "an@coso.test", "household.list", "MUC-A", Some(&province)).await;
    record(app, "binh@coso.test", "task.update", "MUC-B", Some(&elsewhere)).await;
    let all = page(app, &root, "").await;
    assert!(all.contains("MUC-A") && all.contains("MUC-B"));

    let by_person = page(app, &root, "?nguoi=AN%40coso").await;
    assert!(by_person.contains("MUC-A") && !by_person.contains("MUC-B"), "by person");
    let by_unit = page(app, &root, "?don-vi=42").await;
    assert!(by_unit.contains("MUC-A") && !by_unit.contains("MUC-B"), "by unit");
    let reads = page(app, &root, "?loai=truy-cap").await;
    assert!(reads.contains("MUC-A") && !reads.contains("MUC-B"), "reads only");
    let changes = page(app, &root, "?loai=thay-doi").await;
    assert!(changes.contains("MUC-B") && !changes.contains("MUC-A"), "changes only");

    let today = app.state.clock.today();
    app.state.clock.advance(Duration::days(3));
    record(app, "an@coso.test", "household.list", "MUC-C", Some(&province)).await;
    let later = (today + Duration::days(3)).format("%d/%m/%Y").to_string();
    let from = page(app, &root, &format!("?tu-ngay={later}")).await;
    assert!(from.contains("MUC-C") && !from.contains("MUC-A"), "from a date (dd/mm/yyyy)");
    let until = page(app, &root, &format!("?den-ngay={}", today.format("%Y-%m-%d"))).await;
    assert!(until.contains("MUC-A") && !until.contains("MUC-C"), "until a date (yyyy-mm-dd)");

    let refused = page(app, &root, "?tu-ngay=31%2F02%2F2026&nguoi=an").await;
    assert!(refused.contains("Từ ngày không phải ngày hợp lệ"), "a wrong date is named");
    assert!(refused.contains("value=\"31/02/2026\""), "the input is kept");
}

async fn the_csv_holds_the_filtered_rows_and_is_itself_recorded(app: &TestApp) {
    let root = admin(app).await;
    let province = unit(app, "42").await;
    record(app, "an@coso.test", "household.list", "MUC-A", Some(&province)).await;
    record(app, "binh@coso.test", "task.update", "MUC-B", Some(&province)).await;
    let res = root.get(app.url(&format!("{LOG}/nhat-ky.csv?loai=truy-cap"))).send().await.expect("csv");
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().expect("type").starts_with("text/csv"));
    let bytes = res.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    assert!(text.starts_with("Số,Thời điểm (giờ Việt Nam),Người thực hiện,Loại,Thao tác,Đối tượng,Chi tiết"), "{text}");
    assert!(text.contains("MUC-A") && text.contains("Xem danh sách hộ gia đình"), "{text}");
    assert!(!text.contains("MUC-B"), "only the filtered rows");
    let exports = app.store.audit_entries(Some("audit_log"), None).await.expect("audit").items;
    assert!(
        exports.iter().any(|e| e.action == "audit.export" && e.actor == "root@coso.test"),
        "the download is recorded"
    );
    let html = page(app, &root, "?loai=xuat-du-lieu").await;
    assert!(html.contains("Xuất nhật ký hệ thống ra tệp CSV"), "and shown in words");
}

async fn only_administrators_read_the_log(app: &TestApp) {
    app.user("xem@coso.test", Role::Viewer, "42").await;
    let viewer = app.client_as("xem@coso.test").await;
    for path in [LOG.to_string(), format!("{LOG}/nhat-ky.csv")] {
        let res = viewer.get(app.url(&path)).send().await.expect("get");
        assert_eq!(res.status(), 403, "{path}");
    }
    let res = app.anonymous().get(app.url(LOG)).send().await.expect("get");
    assert!(res.status().is_redirection() || res.status() == 401, "{}", res.status());
}

on_both! {
    app:
    the_log_reads_in_words_and_local_time_fifty_a_page => the_log_reads_in_words_and_local_time_fifty_a_page,
    each_filter_narrows_the_log => each_filter_narrows_the_log,
    the_csv_holds_the_filtered_rows_and_is_itself_recorded => the_csv_holds_the_filtered_rows_and_is_itself_recorded,
    only_administrators_read_the_log => only_administrators_read_the_log,
}
