//! Schema-driven fuzzing of the API: schemathesis, generating requests from the OpenAPI document,
//! against `coso serve` on a fresh demo database, signed in as each role of the demo accounts
//! (and as no one). The run fails on any server error, any response that breaks the document's
//! schema, and any status code the document does not name.
//!
//! schemathesis comes from PyPI in a throwaway virtualenv that `scripts/test.sh` makes under
//! `target/schemathesis-venv` (or the one `COSO_SCHEMATHESIS` names); without it this test says
//! so and fails.

use crate::support;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use support::{Env, Server, wait_healthy};

/// The demo accounts by role; `canbo.xa` is the official who holds a clearance on the commune.
const ROLES: &[(&str, Option<&str>)] = &[
    ("anonymous", None),
    ("resident", Some("nguoidan@coso.example")),
    ("viewer", Some("nguoixem@coso.example")),
    ("village_head", Some("truongthon@coso.example")),
    ("board_member", Some("bantt@coso.example")),
    ("official", Some("canbo.tinh@coso.example")),
    ("admin", Some("quantri@coso.example")),
    ("cleared", Some("canbo.xa@coso.example")),
];

/// Test cases per operation and phase: with the coverage phase's own cases this keeps the eight
/// runs, two at a time, within about two minutes on two cores.
const MAX_EXAMPLES: &str = "3";

/// Runs of schemathesis at the same time, each taking its share of the roles in turn.
const LANES: usize = 2;

/// The same cases on every run, so that a failure here is a failure on the next run too.
const SEED: &str = "1";

fn schemathesis() -> PathBuf {
    if let Some(p) = std::env::var_os("COSO_SCHEMATHESIS") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/schemathesis-venv/bin/schemathesis")
}

/// Signs in through the API; returns the session cookie (`coso_session=…`) and the CSRF token.
async fn session_of(url: &str, email: &str) -> (String, String) {
    let res = reqwest::Client::new()
        .post(format!("{url}/api/v1/session"))
        .json(&serde_json::json!({ "email": email, "password": coso_demo::DEMO_PASSWORD }))
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), 200, "sign in as {email}");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("coso_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_string();
    let body: serde_json::Value = res.json().await.expect("session");
    (cookie, body["csrf_token"].as_str().expect("csrf token").to_string())
}

/// What one run tested, from schemathesis's JSON report.
struct Tally {
    operations: u64,
    examples: u64,
    failures: u64,
}

fn tally(report: &std::path::Path) -> Tally {
    let text = std::fs::read_to_string(report).expect("the JSON report");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let failures = v["failures"].as_array().map(|f| f.iter().filter_map(|f| f["count"].as_u64()).sum()).unwrap_or(0);
    Tally {
        operations: v["operations"]["tested"].as_u64().unwrap_or(0),
        examples: v["test_cases"]["generated"].as_u64().unwrap_or(0),
        failures: failures + v["errors"].as_array().map_or(0, |e| e.len() as u64),
    }
}

/// One role's run: what it tested, and what schemathesis printed if it failed.
struct Run {
    role: &'static str,
    tally: Tally,
    failure: Option<String>,
}

fn run_as(
    tool: &std::path::Path,
    url: &str,
    dir: &std::path::Path,
    role: &'static str,
    session: Option<&(String, String)>,
) -> Run {
    let report = dir.join(format!("schemathesis-{role}.json"));
    let mut cmd = Command::new(tool);
    cmd.args(["run", &format!("{url}/api/v1/openapi.json"), "--url", url])
        .args(["--checks", "not_a_server_error,response_schema_conformance,status_code_conformance"])
        .args(["--phases", "examples,coverage,fuzzing", "--max-examples", MAX_EXAMPLES, "--seed", SEED])
        .args(["--workers", "1", "--no-shrink", "--report", "json", "--report-json-path"])
        .arg(&report)
        // Ending the session would sign the rest of the run out.
        .args(["--exclude-operation-id", "api_logout"])
        .env("NO_COLOR", "1")
        .current_dir(dir);
    if let Some((cookie, token)) = session {
        cmd.args(["--header", &format!("Cookie: {cookie}"), "--header", &format!("X-CSRF-Token: {token}")]);
    }
    let out = cmd.output().expect("run schemathesis");
    let tally = tally(&report);
    let failure = (!out.status.success() || tally.failures > 0).then(|| {
        format!("— as {role}:\n{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    Run { role, tally, failure }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_schema_break_for_any_role() {
    let tool = schemathesis();
    assert!(
        tool.exists(),
        "schemathesis is not installed at {}: run scripts/test.sh once (it makes the virtualenv), \
         or set COSO_SCHEMATHESIS",
        tool.display()
    );
    let env = Env::sqlite();
    let server = Server::start(&env, &["--demo"]);
    wait_healthy(&reqwest::Client::new(), &server.url, Duration::from_secs(60)).await;
    // Every session first: the anonymous run signs in with wrong passwords, and the sign-in
    // backoff of this address would then hold back the next role's sign-in.
    let mut sessions = Vec::new();
    for (role, email) in ROLES {
        let session = match email {
            Some(e) => Some(session_of(&server.url, e).await),
            None => None,
        };
        sessions.push((*role, session));
    }

    let started = Instant::now();
    // Two runs at a time: a run is one Python process that keeps a processor busy while the
    // server mostly waits, so one at a time leaves the second processor idle.
    let lanes: [Vec<_>; LANES] = std::array::from_fn(|lane| sessions.iter().skip(lane).step_by(LANES).collect());
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = lanes
            .iter()
            .map(|lane| {
                let (tool, url, dir) = (&tool, &server.url, env.dir.path());
                scope.spawn(move || {
                    lane.iter()
                        .map(|(role, session)| run_as(tool, url, dir, role, session.as_ref()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a lane of runs")).collect()
    });
    let (mut operations, mut examples, mut failed) = (0, 0, Vec::new());
    for run in runs {
        println!(
            "schemathesis as {}: {} operations, {} examples, {} failures",
            run.role, run.tally.operations, run.tally.examples, run.tally.failures
        );
        operations = operations.max(run.tally.operations);
        examples += run.tally.examples;
        failed.extend(run.failure);
    }
    println!(
        "schemathesis: {operations} operations, {examples} examples over {} roles, {} roles with failures, in {:?}",
        ROLES.len(),
        failed.len(),
        started.elapsed()
    );
    assert!(operations > 100, "schemathesis tested only {operations} operations");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
