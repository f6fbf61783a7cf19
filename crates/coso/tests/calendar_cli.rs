//! `coso calendar …`: the JSON contract, Vietnamese text output and exit code 2 on bad input.

use std::process::{Command, Output};

use serde_json::Value;

fn coso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coso")).arg("calendar").args(args).output().expect("run coso")
}

fn json(args: &[&str]) -> Value {
    let out = coso(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn fails_with_2(args: &[&str], needle: &str) {
    let out = coso(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "{args:?}: stderr «{err}» lacks «{needle}»");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn lunar_json_contract() {
    let v = json(&["lunar", "2024-02-10", "--json"]);
    assert_eq!(v["solar"], "2024-02-10");
    assert_eq!(v["lunar"], serde_json::json!({"year": 2024, "month": 1, "day": 1, "leap": false}));
    assert_eq!(v["year_name"], "Giáp Thìn");
    let leap = json(&["lunar", "2023-03-22", "--json"]);
    assert_eq!(leap["lunar"], serde_json::json!({"year": 2023, "month": 2, "day": 1, "leap": true}));
}

#[test]
fn solar_json_contract_and_leap_flag() {
    assert_eq!(json(&["solar", "2024", "1", "1", "--json"])["solar"], "2024-02-10");
    assert_eq!(json(&["solar", "2024", "3", "10", "--json"])["solar"], "2024-04-18");
    assert_eq!(json(&["solar", "2023", "2", "1", "--leap", "--json"])["solar"], "2023-03-22");
    fails_with_2(&["solar", "2024", "2", "1", "--leap", "--json"], "không có tháng nhuận");
    fails_with_2(&["solar", "2024", "12", "30"], "tháng này có 29 ngày");
    fails_with_2(&["solar", "2024", "13", "1"], "tháng âm lịch không hợp lệ");
    fails_with_2(&["solar", "3000", "1", "1"], "năm âm lịch không hợp lệ");
    fails_with_2(&["solar", "abc", "1", "1"], "«abc»");
}

#[test]
fn holidays_json_contract() {
    let v = json(&["holidays", "2024", "--json"]);
    assert_eq!(v["year"], 2024);
    assert_eq!(v["announced"], true);
    let days = v["days_off"].as_array().expect("days_off array");
    assert!(days.iter().any(|d| d["date"] == "2024-02-08" && d["kind"] == "tet" && d["name"].is_string()));
    assert!(days.iter().any(|d| d["date"] == "2024-02-13" && d["kind"] == "compensatory"));
    assert!(days.iter().any(|d| d["date"] == "2024-04-30" && d["kind"] == "victory_day"));
    // Weekends are not listed.
    assert!(!days.iter().any(|d| d["date"] == "2024-02-10"));
    assert!(v["working_saturdays"].as_array().is_some_and(Vec::is_empty));

    let y2026 = json(&["holidays", "2026", "--json"]);
    assert_eq!(y2026["working_saturdays"], serde_json::json!(["2026-08-22"]));
    let y2027 = json(&["holidays", "2027", "--json"]);
    assert_eq!(y2027["announced"], false);
    fails_with_2(&["holidays", "2200"], "năm 2200 nằm ngoài phạm vi hỗ trợ");
    fails_with_2(&["holidays", "20x4"], "năm không hợp lệ");
}

#[test]
fn holidays_accept_an_announcements_file() {
    let dir = std::env::temp_dir().join(format!("coso-calendar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("announcements.json");
    std::fs::write(
        &file,
        r#"[{"year": 2027, "source": "Thông báo thử", "status": "S",
             "days_off": [{"from": "2027-02-04", "to": "2027-02-12", "kind": "tet"}],
             "working_saturdays": ["2027-02-20"]}]"#,
    )
    .expect("write file");
    let path = file.to_string_lossy().to_string();
    let v = json(&["holidays", "2027", "--announcements", &path, "--json"]);
    assert_eq!(v["announced"], true);
    assert_eq!(v["working_saturdays"], serde_json::json!(["2027-02-20"]));
    let wd = json(&["add-working-days", "2027-02-03", "1", "--announcements", &path, "--json"]);
    assert_eq!(wd["date"], "2027-02-15");
    std::fs::write(&file, "[{\"year\": 2027}]").expect("write file");
    fails_with_2(&["holidays", "2027", "--announcements", &path], "thông báo lịch nghỉ không hợp lệ");
    fails_with_2(&["holidays", "2027", "--announcements", "/nonexistent/x.json"], "không đọc được tệp");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn add_working_days_json_contract() {
    assert_eq!(json(&["add-working-days", "2026-02-13", "5", "--json"])["date"], "2026-02-27");
    assert_eq!(json(&["add-working-days", "2026-08-21", "5", "--json"])["date"], "2026-08-27");
    fails_with_2(&["add-working-days", "2024-02-30", "5"], "ngày không hợp lệ: «2024-02-30»");
    fails_with_2(&["add-working-days", "2024-02-10", "-1"], "số ngày làm việc không hợp lệ");
}

#[test]
fn deadline_json_contract() {
    let v = json(&["deadline", "complaint.first", "--from", "2024-03-04", "--complex", "--remote", "--json"]);
    assert_eq!(v["rule"], "complaint.first");
    assert_eq!(v["from"], "2024-03-04");
    assert_eq!(v["due"], "2024-05-03");
    assert_eq!(v["raw_due"], "2024-05-03");
    assert_eq!(v["count"], 60);
    assert_eq!(v["unit"], "calendar_days");
    assert_eq!(v["direction"], "after");
    assert!(v["citation"].as_str().is_some_and(|c| c.contains("Điều 28")));
    assert!(v["explanation"].as_str().is_some_and(|e| e.contains("03/05/2024")));

    let rolled = json(&["deadline", "complaint.second_window", "--from", "2024-05-03", "--json"]);
    assert_eq!((rolled["raw_due"].as_str(), rolled["due"].as_str()), (Some("2024-06-02"), Some("2024-06-03")));

    let before = json(&["deadline", "village_head.plan", "--from", "2025-11-30", "--json"]);
    assert_eq!(before["direction"], "before");
    assert_eq!(before["due"], "2025-11-10");

    let wd = json(&["deadline", "denunciation.initial", "--from", "2024-03-04", "--json"]);
    assert_eq!((wd["unit"].as_str(), wd["due"].as_str()), (Some("working_days"), Some("2024-03-13")));

    let months = json(&["deadline", "staff_conference.deadline", "--from", "2024-12-31", "--json"]);
    assert_eq!((months["unit"].as_str(), months["due"].as_str()), (Some("months"), Some("2025-03-31")));

    fails_with_2(&["deadline", "no.such.rule", "--from", "2024-03-04"], "không có quy tắc thời hạn «no.such.rule»");
    fails_with_2(&["deadline", "complaint.first", "--from", "04/03/2024"], "ngày không hợp lệ");
    fails_with_2(&["deadline", "dialogue.notice", "--from", "2025-06-01"], "không có phiên bản nào có hiệu lực");
}

#[test]
fn rules_json_lists_every_rule() {
    let v = json(&["rules", "--json"]);
    let rules = v["rules"].as_array().expect("rules array");
    assert!(rules.len() >= 24);
    for r in rules {
        for key in ["id", "description", "citation", "valid_from", "status"] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
    }
    assert!(rules.iter().any(|r| r["id"] == "complaint.second_accept" && r["status"] == "U"));
}

#[test]
fn human_readable_output_is_vietnamese() {
    let out = coso(&["lunar", "2024-02-10"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mùng 1 tháng Giêng năm Giáp Thìn"), "{text}");
    assert!(text.contains("10/02/2024 (thứ Bảy)"), "{text}");
    let out = coso(&["deadline", "complaint.accept", "--from", "2024-04-20"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("30/04/2024 – Ngày Chiến thắng"), "{text}");
    assert!(text.contains("Hạn cuối: 02/05/2024 (thứ Năm)."), "{text}");
    let out = coso(&["holidays", "2026"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("9441/TB-BNV") && text.contains("22/08/2026"), "{text}");
    let out = coso(&["rules"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("complaint.first"));
}

#[test]
fn bad_input_never_panics_and_exits_2() {
    fails_with_2(&["lunar", "2024-13-01"], "tháng phải từ 01 đến 12");
    fails_with_2(&["lunar", "1899-12-31", "--json"], "nằm ngoài phạm vi hỗ trợ");
    fails_with_2(&["lunar", ""], "ngày không hợp lệ");
    fails_with_2(&["lunar", "２０２４-01-01"], "ngày không hợp lệ");
    // Missing arguments are reported by the argument parser, also with exit code 2.
    let out = coso(&["lunar"]);
    assert_eq!(out.status.code(), Some(2));
    let help = coso(&["deadline", "--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Vụ việc phức tạp"));
}
