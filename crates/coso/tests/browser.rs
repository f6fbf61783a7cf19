//! In headless Chromium, against one real `coso serve`: the main official flow (log in → inbox
//! → fill and send a report → the province returns it → the commune corrects and sends again),
//! the resident's flow at 360×740 (send a petition with a photo, follow it by its code, see the
//! answer an official gave and rate it: `tests/browser/resident_flow.mjs`), a dialogue (a resident
//! asks on a phone, the official answers and commits, the resident follows the commitment:
//! `tests/browser/dialogue_flow.mjs`), the desk of citizen
//! cases (register a petition → accept → answer → the answer as DOCX), then every main page of
//! each role at a desktop and a phone size (overflow, raw codes, axe-core, header links, page
//! weight). The browser side is `tests/browser/official_flow.mjs` and `tests/browser/pages.mjs`,
//! with the checks they share in `tests/browser/checks.mjs` (playwright-core driving Debian's
//! chromium); the screenshots land in `target/screens/`.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use coso_domain::authz::Role;
use coso_domain::case::{
    CaseActionKind, CaseKind, CaseStatus, Channel, Complexity, RefusalGround as CaseRefusalGround,
};
use coso_domain::consultation::{AnswerKind, Audience, CollectionMethod, ConsultationStatus, DraftKind};
use coso_domain::decision::ballot::EntrySlot;
use coso_domain::decision::{DecisionForm, DecisionStatus, Outcome as DecisionOutcome, VotingMethod};
use coso_domain::dialogue::{CommitmentStatus, DialogueStatus};
use coso_domain::disclosure::{CheckKind, Form, RelayMethod};
use coso_domain::dissemination::{LibraryKind, NewsStatus, TrainingForm};
use coso_domain::household_link::LinkStatus;
use coso_domain::notification::NotificationKind;
use coso_domain::plan::{DisplayStatus, ObligationKind, ReportPeriod, TaskStatus, Timing};
use coso_domain::reception::{Outcome, PartOfDay, Receiver, RefusalGround, ScheduleKind, SessionKind};
use coso_domain::report::SubmissionStatus;
use coso_domain::unit::UnitKind;
use support::{Env, Server};

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Node, Chromium, playwright-core and axe-core, or why they are missing.
fn tools() -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !PathBuf::from(&chromium).exists() {
        return Err(format!("{chromium} not found"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Err("node not found".into());
    }
    for package in ["playwright-core", "axe-core"] {
        if !browser_dir().join("node_modules").join(package).exists() {
            return Err(format!("{package} not installed (npm ci in crates/coso/tests/browser)"));
        }
    }
    Ok(())
}

/// Where the screenshots go for a reviewer: `target/screens/`, never committed.
fn screens_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("screens")
}

/// Every stable code of the domain's enums: none of them may reach a page's visible text.
/// (None of them is also an ordinary Vietnamese word.)
fn enum_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    codes.extend(Role::ALL.map(Role::as_str));
    codes.extend(UnitKind::ALL.map(UnitKind::as_str));
    codes.extend(SubmissionStatus::ALL.map(SubmissionStatus::as_str));
    codes.extend(ReportPeriod::ALL.map(ReportPeriod::as_str));
    codes.extend(ObligationKind::ALL.map(ObligationKind::as_str));
    codes.extend(TaskStatus::ALL.map(TaskStatus::as_str));
    codes.extend(LinkStatus::ALL.map(LinkStatus::as_str));
    codes.extend(NotificationKind::ALL.map(NotificationKind::as_str));
    codes.push(DisplayStatus::Overdue.as_str());
    codes.extend(Receiver::ALL.map(Receiver::as_str));
    codes.extend(PartOfDay::ALL.map(PartOfDay::as_str));
    codes.extend(ScheduleKind::ALL.map(ScheduleKind::as_str));
    codes.extend(SessionKind::ALL.map(SessionKind::as_str));
    codes.extend(Outcome::ALL.map(Outcome::as_str));
    codes.extend(RefusalGround::ALL.map(RefusalGround::as_str));
    codes.extend(CaseKind::ALL.map(CaseKind::as_str));
    codes.extend(CaseStatus::ALL.map(CaseStatus::as_str));
    codes.extend(Channel::ALL.map(Channel::as_str));
    codes.extend(Complexity::ALL.map(Complexity::as_str));
    codes.extend(CaseActionKind::ALL.map(CaseActionKind::as_str));
    codes.extend(CaseRefusalGround::ALL.map(CaseRefusalGround::as_str));
    codes.extend(Audience::ALL.map(Audience::as_str));
    codes.extend(DraftKind::ALL.map(DraftKind::as_str));
    codes.extend(ConsultationStatus::ALL.map(ConsultationStatus::as_str));
    codes.extend(AnswerKind::ALL.map(AnswerKind::as_str));
    codes.extend(CollectionMethod::ALL.map(CollectionMethod::as_str));
    codes.extend(NewsStatus::ALL.map(NewsStatus::as_str));
    codes.extend(LibraryKind::ALL.map(LibraryKind::as_str));
    codes.extend(TrainingForm::ALL.map(TrainingForm::as_str));
    codes.extend(coso_domain::election::ElectionKind::ALL.map(coso_domain::election::ElectionKind::as_str));
    codes.extend(coso_domain::board::BoardKind::ALL.map(coso_domain::board::BoardKind::as_str));
    codes.extend(coso_domain::board::MemberRole::ALL.map(coso_domain::board::MemberRole::as_str));
    codes.extend(coso_domain::board::MemberSource::ALL.map(coso_domain::board::MemberSource::as_str));
    codes.extend(coso_domain::board::BoardStatus::ALL.map(coso_domain::board::BoardStatus::as_str));
    codes.extend(coso_domain::board::FindingStatus::ALL.map(coso_domain::board::FindingStatus::as_str));
    codes.extend(coso_domain::board::ActivityKind::ALL.map(coso_domain::board::ActivityKind::as_str));
    codes.extend(coso_domain::board::ReportCadence::ALL.map(coso_domain::board::ReportCadence::as_str));
    codes.extend(coso_domain::inspection::InspectionKind::ALL.map(coso_domain::inspection::InspectionKind::as_str));
    codes.extend(coso_domain::inspection::InspectionStatus::ALL.map(coso_domain::inspection::InspectionStatus::as_str));
    codes.extend(coso_domain::inspection::Verdict::ALL.map(coso_domain::inspection::Verdict::as_str));
    codes.extend(
        coso_domain::inspection::RemediationStatus::ALL.map(coso_domain::inspection::RemediationStatus::as_str),
    );
    codes.extend(coso_domain::inspection::TeamRole::ALL.map(coso_domain::inspection::TeamRole::as_str));
    codes.extend(coso_domain::plan::PlanIssuer::ALL.map(coso_domain::plan::PlanIssuer::as_str));
    codes.extend(coso_domain::steering::CommendationForm::ALL.map(coso_domain::steering::CommendationForm::as_str));
    codes.extend(coso_domain::steering::ModelStatus::ALL.map(coso_domain::steering::ModelStatus::as_str));
    codes.extend(coso_domain::agency::RuleKind::ALL.map(coso_domain::agency::RuleKind::as_str));
    codes.extend(Form::ALL.map(Form::as_str));
    codes.extend(RelayMethod::ALL.map(RelayMethod::as_str));
    codes.extend(CheckKind::ALL.map(CheckKind::as_str));
    codes.extend(DialogueStatus::ALL.map(DialogueStatus::as_str));
    codes.extend(CommitmentStatus::ALL.map(CommitmentStatus::as_str));
    codes.extend(coso_domain::convention::ConventionKind::ALL.map(coso_domain::convention::ConventionKind::as_str));
    codes.extend(coso_domain::convention::ConventionStatus::ALL.map(coso_domain::convention::ConventionStatus::as_str));
    codes.extend(coso_domain::convention::AdoptionForm::ALL.map(coso_domain::convention::AdoptionForm::as_str));
    codes.extend(coso_domain::convention::Outcome::ALL.map(coso_domain::convention::Outcome::as_str));
    {
        use coso_domain::election::{ElectionStatus, Outcome as ElectionOutcome, PersonRole, Step, StepState};
        codes.extend(ElectionStatus::ALL.map(ElectionStatus::as_str));
        codes.extend(ElectionOutcome::ALL.map(ElectionOutcome::as_str));
        codes.extend(StepState::ALL.map(StepState::as_str));
        codes.extend(Step::ALL.map(Step::as_str));
        codes.extend(PersonRole::ALL.map(PersonRole::as_str));
    }
    codes.extend(DecisionForm::ALL.map(DecisionForm::as_str));
    codes.extend(DecisionStatus::ALL.map(DecisionStatus::as_str));
    codes.extend(DecisionOutcome::ALL.map(DecisionOutcome::as_str));
    codes.extend(VotingMethod::ALL.map(VotingMethod::as_str));
    codes.extend(
        [Timing::OnTime, Timing::Late { days: 1 }, Timing::Missing { overdue_days: None }, Timing::Pending]
            .map(Timing::as_str),
    );
    codes.extend(EntrySlot::ALL.map(EntrySlot::as_str));
    // The count's fields and the online choices (`yes`, `no`, `invalid`) are left out: they are
    // the keys of the audit log's payloads, and `no` is a Vietnamese word.
    codes.extend(["not_entered", "one_entry", "mismatch", "agreed"]);
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The demo, the official unit list and a plan sent to the province's children, served.
fn demo_server() -> (Env, Server) {
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
    (env, server)
}

/// `node SCRIPT ARGS…` with a time limit; fails the test with the server's log when it fails.
fn run_script(script: &str, args: &[&Path], server: &Server, limit: Duration) -> String {
    let mut child = Command::new("node")
        .arg(browser_dir().join(script))
        .arg(&server.url)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    let started = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{script} did not finish in {limit:?}; server log:\n{}", server.log_text());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(status.success(), "{script} failed:\n{stdout}\n{stderr}\nserver log:\n{}", server.log_text());
    eprintln!("{script}:\n{stdout}");
    stdout
}

/// A fresh folder: the screenshots of an earlier run would mislead a reviewer.
fn fresh_dir(dir: &Path) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("remove old screenshots");
    }
    std::fs::create_dir_all(dir).expect("screens dir");
}

#[test]
fn the_official_flow_then_every_main_page_in_a_real_browser() {
    if let Err(why) = tools() {
        assert!(std::env::var("CI").is_err(), "the browser test must run in CI: {why}");
        eprintln!("skipping the browser test: {why}");
        return;
    }
    let (env, server) = demo_server();
    let screens = screens_dir();
    fresh_dir(&screens);

    let codes = env.file("enum-codes.json", &serde_json::to_string(&enum_codes()).expect("codes as JSON"));

    // Two lanes at a time, each its own Chromium: one browser leaves the second processor
    // mostly idle. The official's flow sends the report the province's pages then show; the
    // resident's, the desk's and the other flows touch nothing those pages check.
    let flow = |script: &str, folder: &str, done: &str| {
        let shots = screens.join(folder);
        std::fs::create_dir_all(&shots).expect("screens dir");
        let stdout = run_script(script, &[&shots, &codes], &server, Duration::from_secs(240));
        assert!(stdout.contains(done), "{stdout}");
        shots
    };
    std::thread::scope(|scope| {
        let official = scope.spawn(|| {
            let flow_shots = flow("official_flow.mjs", "official-flow", "official flow: ok");
            let steps = std::fs::read_dir(&flow_shots).expect("screens").count();
            assert_eq!(steps, 4, "a screenshot at each step");
            // After the flow, the province has a submission to show.
            let stdout = run_script("pages.mjs", &[&screens, &codes], &server, Duration::from_secs(300));
            assert!(stdout.contains("pages: ok"), "{stdout}");
        });
        let residents = scope.spawn(|| {
            flow("resident_flow.mjs", "resident-flow", "resident flow: ok");
            flow("consultation_flow.mjs", "consultation", "consultation flow: ok");
            flow("vote_flow.mjs", "online-vote", "vote flow: ok");
            flow("dialogue_flow.mjs", "dialogue", "dialogue flow: ok");
            flow("case_desk_flow.mjs", "case-desk", "case desk flow: ok");
            flow("disclosure_flow.mjs", "disclosures", "disclosure flow: ok");
            let stdout = run_script("a11y.mjs", &[&screens, &codes], &server, Duration::from_secs(240));
            assert!(stdout.contains("a11y: ok"), "{stdout}");
        });
        for lane in [official, residents] {
            if let Err(panic) = lane.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let shots = std::fs::read_dir(&screens)
        .expect("screens")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
        .count();
    assert!(shots >= 60, "a screenshot of each page at each size, got {shots}");
}
