//! The main official flow in headless Chromium: log in → inbox → fill and send a report → the
//! province returns it → the commune corrects and sends again. The browser side is
//! `tests/browser/official_flow.mjs` (playwright-core driving Debian's chromium).

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod support;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use support::{Env, Server};

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Node, Chromium and playwright-core, or why they are missing.
fn tools() -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !PathBuf::from(&chromium).exists() {
        return Err(format!("{chromium} not found"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Err("node not found".into());
    }
    if !browser_dir().join("node_modules/playwright-core").exists() {
        return Err("playwright-core not installed (npm ci in crates/coso/tests/browser)".into());
    }
    Ok(())
}

#[test]
fn the_official_flow_in_a_real_browser() {
    if let Err(why) = tools() {
        assert!(std::env::var("CI").is_err(), "the browser test must run in CI: {why}");
        eprintln!("skipping the browser test: {why}");
        return;
    }
    let env = Env::sqlite();
    env.run(&["units", "load-official"]).ok();
    env.run(&["demo"]).ok();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans/binh-phuoc-115-KH-UBND-2022.md");
    env.run(&[
        "plan",
        "import",
        &fixture.display().to_string(),
        "--unit",
        "42",
        "--targets",
        "children",
        "--year",
        "2026",
    ])
    .ok();
    let server = Server::start(&env, &[]);
    let shots = env.dir.path().join("screens");
    std::fs::create_dir_all(&shots).expect("screens dir");
    let mut child = Command::new("node")
        .arg(browser_dir().join("official_flow.mjs"))
        .arg(&server.url)
        .arg(&shots)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("the browser flow did not finish in 3 minutes; server log:\n{}", server.log_text());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(status.success(), "browser flow failed:\n{stdout}\n{stderr}\nserver log:\n{}", server.log_text());
    assert!(stdout.contains("official flow: ok"), "{stdout}");
    let screens = std::fs::read_dir(&shots).expect("screens").count();
    assert_eq!(screens, 4, "a screenshot at each step");
}
