//! `coso plan import | status | export`, the contract administrators and scripts rely on, on
//! SQLite and on PostgreSQL.

use crate::support;

use std::io::Cursor;

use calamine::Reader;

use support::Env;

fn fixture(name: &str) -> String {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans").join(name);
    p.display().to_string()
}

fn import_status_export(env: &Env) {
    let out = env
        .run(&[
            "plan",
            "import",
            &fixture("hong-linh-KH-UBND-2022.md"),
            "--unit",
            "42",
            "--targets",
            "children",
            "--year",
            "2026",
            "--json",
        ])
        .ok();
    let plan: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let id = plan["id"].as_i64().expect("id");
    assert!(plan["title"].as_str().is_some_and(|t| !t.is_empty()), "{plan}");
    assert!(!plan["tasks"].as_array().expect("tasks").is_empty(), "{plan}");
    let obligations = plan["obligations"].as_array().expect("obligations");
    let find = |period: &str| {
        obligations
            .iter()
            .find(|o| o["kind"] == "report" && o["period"] == period)
            .unwrap_or_else(|| panic!("{period}: {plan}"))
    };
    // Hồng Lĩnh: 6-month reports before 14/6 and annual ones before 30/11, every year.
    assert_eq!(find("six_month")["recurring"], "06-14 yearly");
    assert_eq!(find("six_month")["due"], serde_json::Value::Null);
    assert_eq!(find("annual")["recurring"], "11-30 yearly");
    let targets = find("annual")["target_count"].as_u64().expect("count");
    assert!(targets > 10, "the communes of Hà Tĩnh: {targets}");
    assert!(obligations.iter().any(|o| o["kind"] == "implementing_plan"), "{plan}");

    let status: serde_json::Value =
        serde_json::from_str(&env.run(&["plan", "status", &id.to_string(), "--json"]).ok()).expect("JSON");
    for o in status["obligations"].as_array().expect("obligations") {
        let sum = ["on_time", "late", "missing", "pending"].iter().map(|k| o[k].as_u64().expect("count")).sum::<u64>();
        assert_eq!(sum, targets * o["occurrences"].as_array().map_or(0, |v| v.len()) as u64, "{o}");
        assert_eq!(o["on_time"], 0, "nobody answered yet");
    }

    let out = env.dir.path().join("tong-hop.xlsx");
    env.run(&["plan", "export", &id.to_string(), "--xlsx", &out.display().to_string()]).ok();
    let bytes = std::fs::read(&out).expect("the XLSX was written");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("a valid XLSX");
    let sheet = book.worksheet_range_at(0).expect("a sheet").expect("readable");
    let unit_rows = sheet
        .rows()
        .filter(|r| {
            r.first().is_some_and(|c| c.to_string().chars().all(|ch| ch.is_ascii_digit()) && !c.to_string().is_empty())
        })
        .count();
    assert_eq!(unit_rows as u64, targets, "one row per target unit");
}

#[test]
fn plan_import_status_and_export_on_sqlite() {
    let env = Env::sqlite();
    import_status_export(&env);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_import_status_and_export_on_postgresql() {
    let Some(env) = Env::postgres().await else { return };
    tokio::task::spawn_blocking(move || import_status_export(&env)).await.expect("test thread");
}

#[test]
fn bad_plan_input_is_refused_with_exit_code_2() {
    let env = Env::sqlite();
    let r =
        env.run(&["plan", "import", &fixture("hong-linh-KH-UBND-2022.md"), "--unit", "99999", "--targets", "children"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("99999"), "{}", r.stderr());
    let r = env.run(&["plan", "import", &fixture("hong-linh-KH-UBND-2022.md"), "--unit", "42", "--targets", ""]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("Đơn vị nhận"), "{}", r.stderr());
    let missing = env.run(&["plan", "status", "424242", "--json"]);
    assert_eq!(missing.code(), 2, "{}", missing.stderr());
}
