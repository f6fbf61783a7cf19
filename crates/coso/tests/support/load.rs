//! A mixed write load on a running `coso serve`: one writer per kind of write, each sending
//! writes with a unique marker through the API and recording which were acknowledged (2xx);
//! afterwards every write is looked for in the database.
//!
//! The kinds are a table (`KINDS`): a new capability that writes (case intake, votes) adds
//! its write with one entry, a `send` and a `find`.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use coso_domain::household::HouseholdData;
use coso_domain::report::Template;
use coso_domain::unit::UnitKind;
use coso_store::Store;
use serde_json::{Value, json};

use super::{Env, client, sign_in, villages};

/// The account every writer signs in as (an administrator of the province).
const WRITER: &str = "quantri@coso.example";
/// The province of the demo data.
const PROVINCE: &str = "42";
/// Plans imported for the communes to report on.
const PLANS: usize = 3;
/// Rows of one household import.
const IMPORT_ROWS: usize = 20;
/// Residents who represent a household of the online vote, each signed in once (the server
/// allows ten sign-ins a minute from one address).
const VOTERS: usize = 4;

type Fut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One kind of write: how to send write number `n`, and how to find it afterwards.
pub struct Kind {
    pub name: &'static str,
    /// `None` when the kind has nothing left to write (every report already sent).
    pub send: for<'a> fn(&'a Writer, u64) -> Fut<'a, Option<Attempt>>,
    pub find: for<'a> fn(&'a Finder, &'a Attempt) -> Fut<'a, Found>,
}

/// Every kind of write the load mixes.
pub const KINDS: &[Kind] = &[
    Kind { name: "household import", send: import_households, find: find_import },
    Kind { name: "household creation", send: create_household, find: find_household },
    Kind { name: "user creation", send: create_user, find: find_user },
    Kind { name: "task follow-up", send: follow_up_task, find: find_task_note },
    Kind { name: "report submission", send: submit_report, find: find_submission },
    Kind { name: "reception session", send: record_reception, find: find_reception },
    Kind { name: "case intake", send: register_case, find: find_case },
    Kind { name: "open311 intake", send: open311_intake, find: find_open311 },
    Kind { name: "resident case", send: send_own_case, find: find_own_case },
    Kind { name: "consultation", send: open_consultation, find: find_consultation },
    Kind { name: "training record", send: record_training, find: find_training },
    Kind { name: "convention proposal", send: propose_convention, find: find_convention },
    Kind { name: "disclosure", send: record_disclosure, find: find_disclosure },
    Kind { name: "dialogue", send: set_up_dialogue, find: find_dialogue },
    Kind { name: "community conference", send: record_conference, find: find_conference },
    Kind { name: "supervision board", send: record_board, find: find_board },
    Kind { name: "inspection", send: plan_inspection, find: find_inspection },
    Kind { name: "commendation", send: record_commendation, find: find_commendation },
    Kind { name: "community decision", send: open_decision, find: find_decision },
    Kind { name: "staff conference", send: record_staff_conference, find: find_staff_conference },
    Kind { name: "online vote", send: cast_online_vote, find: find_online_vote },
];

/// How the server answered a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx answer.
    Acknowledged,
    /// A non-2xx answer: a mistake of the load, never expected.
    Refused(u16, String),
    /// No answer: the server died.
    Lost,
}

/// One write sent.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub kind: &'static str,
    pub n: u64,
    /// What the write went to: a village, an e-mail, a task, a commune and occurrence.
    pub target: String,
    pub outcome: Outcome,
}

impl Attempt {
    pub fn acknowledged(&self) -> bool {
        self.outcome == Outcome::Acknowledged
    }
}

/// Whether a write is in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    All,
    Nothing,
    /// Part of one write: never allowed.
    Part(String),
}

/// What the writes go to: plans with tasks and report occurrences, villages.
pub struct Fixture {
    /// (plan, task) pairs.
    tasks: Vec<(i64, i64)>,
    villages: Vec<String>,
    /// (commune, occurrence) pairs not yet sent; each report is sent once.
    reports: Mutex<Vec<(String, i64)>>,
    template: Template,
    /// The commune the disclosures are recorded for.
    commune: String,
    /// The open online vote (matter 6) of the first village.
    online_vote: i64,
    /// The residents who vote in it, one per household of its snapshot.
    voters: Vec<Voter>,
}

/// A signed-in resident confirmed as the representative of a household of the online vote.
pub struct Voter {
    client: reqwest::Client,
    csrf: String,
    household: i64,
    /// The household's votes acknowledged so far. Only one writer votes at a time, so when the
    /// next vote is acknowledged, the stored row has been replaced at least this many times.
    acknowledged: AtomicU64,
}

/// A signed-in client of one server.
pub struct Writer {
    client: reqwest::Client,
    url: String,
    csrf: String,
    fixture: Arc<Fixture>,
}

/// Looks for writes: through the API of a running server and directly in the database.
pub struct Finder {
    client: reqwest::Client,
    url: String,
    store: Store,
}

/// The load: the fixture, the numbering of writes and every attempt so far.
pub struct Load {
    fixture: Arc<Fixture>,
    next: Arc<AtomicU64>,
    attempts: Arc<Mutex<Vec<Attempt>>>,
}

/// Writers running against one server.
pub struct Running {
    stop: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

/// Per kind: writes sent, acknowledged, and found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub sent: usize,
    pub acknowledged: usize,
    pub found: usize,
}

impl Load {
    /// Imports plans for the province's communes through the API of the server at `url`
    /// (on the demo data), and picks the villages the households go to.
    pub async fn prepare(env: &Env, url: &str) -> Load {
        let c = client();
        let csrf = sign_in(&c, url, WRITER).await;
        let plan_text = std::fs::read(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../fixtures/plans/binh-phuoc-115-KH-UBND-2022.md"),
        )
        .expect("plan fixture");
        // Three plans: enough reports (one per commune and occurrence) for the whole test.
        let mut plans = Vec::new();
        for _ in 0..PLANS {
            let res = c
                .post(format!(
                    "{url}/api/v1/plans/import?unit={PROVINCE}&targets=children&year=2026&file_name=ke-hoach.md"
                ))
                .header("x-csrf-token", &csrf)
                .body(plan_text.clone())
                .send()
                .await
                .expect("import the plan");
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
            plans.push(res.json::<Value>().await.expect("plan json"));
        }
        let children: Value = c
            .get(format!("{url}/api/v1/units/{PROVINCE}/children?limit=500"))
            .send()
            .await
            .expect("children")
            .json()
            .await
            .expect("children json");
        let communes: Vec<String> = children["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|u| u["code"].as_str().expect("code").to_string())
            .collect();
        let occurrences: Vec<i64> = plans
            .iter()
            .flat_map(|plan| plan["obligations"].as_array().cloned().unwrap_or_default())
            .filter(|o| o["kind"] == "report")
            .flat_map(|o| o["occurrences"].as_array().cloned().unwrap_or_default())
            .map(|oc| oc["id"].as_i64().expect("occurrence id"))
            .collect();
        assert!(!occurrences.is_empty(), "the plans ask for reports: {plans:?}");
        let villages = villages(env).await;
        let (online_vote, voters) = prepare_online_vote(env, &c, &csrf, url, &villages[0]).await;
        let reports =
            occurrences.iter().flat_map(|o| communes.iter().map(move |c| (c.clone(), *o))).rev().collect::<Vec<_>>();
        let fixture = Fixture {
            tasks: plans
                .iter()
                .flat_map(|plan| {
                    let id = plan["id"].as_i64().expect("plan id");
                    let tasks = plan["tasks"].as_array().cloned().unwrap_or_default();
                    tasks.into_iter().map(move |t| (id, t["id"].as_i64().expect("task")))
                })
                .collect(),
            villages,
            reports: Mutex::new(reports),
            template: Template::default_grassroots(),
            commune: communes.first().expect("a commune").clone(),
            online_vote,
            voters,
        };
        assert!(!fixture.tasks.is_empty() && !fixture.villages.is_empty());
        Load { fixture: Arc::new(fixture), next: Arc::new(AtomicU64::new(0)), attempts: Arc::default() }
    }

    /// Signs in to the server at `url` and starts one writer per kind.
    pub async fn start(&self, url: &str) -> Running {
        let c = client();
        let csrf = sign_in(&c, url, WRITER).await;
        let writer = Arc::new(Writer { client: c, url: url.to_string(), csrf, fixture: self.fixture.clone() });
        let stop = Arc::new(AtomicBool::new(false));
        let tasks = KINDS
            .iter()
            .map(|kind| {
                let (writer, stop, next, attempts) =
                    (writer.clone(), stop.clone(), self.next.clone(), self.attempts.clone());
                tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let Some(attempt) = (kind.send)(&writer, n).await else { break };
                        let lost = attempt.outcome == Outcome::Lost;
                        attempts.lock().expect("attempts").push(attempt);
                        if lost {
                            break;
                        }
                    }
                })
            })
            .collect();
        Running { stop, tasks }
    }

    /// Every write sent so far.
    pub fn attempts(&self) -> Vec<Attempt> {
        self.attempts.lock().expect("attempts").clone()
    }

    /// Looks for `attempts` through the server at `url` and in `env`'s database. Panics on a
    /// refused write or a write partly there.
    pub async fn find(env: &Env, url: &str, attempts: &[Attempt]) -> Vec<Found> {
        let c = client();
        sign_in(&c, url, WRITER).await;
        let finder = Finder { client: c, url: url.to_string(), store: env.store().await };
        let mut out = Vec::with_capacity(attempts.len());
        for attempt in attempts {
            if let Outcome::Refused(status, body) = &attempt.outcome {
                panic!("{} #{} was refused with {status}: {body}", attempt.kind, attempt.n);
            }
            let kind = KINDS.iter().find(|k| k.name == attempt.kind).expect("a known kind");
            let found = (kind.find)(&finder, attempt).await;
            if let Found::Part(what) = &found {
                panic!("{} #{} ({}) is partly there: {what}", attempt.kind, attempt.n, attempt.target);
            }
            out.push(found);
        }
        finder.store.close().await;
        out
    }

    /// `find`, and every acknowledged write must be there; returns the figures per kind.
    pub async fn check(env: &Env, url: &str, attempts: &[Attempt]) -> BTreeMap<&'static str, Tally> {
        let found = Load::find(env, url, attempts).await;
        let mut tally: BTreeMap<&'static str, Tally> = KINDS.iter().map(|k| (k.name, Tally::default())).collect();
        for (attempt, found) in attempts.iter().zip(found) {
            assert!(
                !attempt.acknowledged() || found == Found::All,
                "{} #{} ({}) was acknowledged but is missing",
                attempt.kind,
                attempt.n,
                attempt.target
            );
            let t = tally.get_mut(attempt.kind).expect("tally");
            t.sent += 1;
            t.acknowledged += usize::from(attempt.acknowledged());
            t.found += usize::from(found == Found::All);
        }
        tally
    }
}

impl Running {
    /// Lets each writer finish the write it is sending, then stops them.
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.tasks {
            t.await.expect("a writer panicked");
        }
    }
}

/// The figures of several checks added up.
pub fn add(total: &mut BTreeMap<&'static str, Tally>, more: &BTreeMap<&'static str, Tally>) {
    for (kind, t) in more {
        let sum = total.entry(kind).or_default();
        sum.sent += t.sent;
        sum.acknowledged += t.acknowledged;
        sum.found += t.found;
    }
}

/// How the server answered a request.
async fn outcome_of(request: reqwest::RequestBuilder) -> Outcome {
    match request.send().await {
        Ok(r) if r.status().is_success() => Outcome::Acknowledged,
        Ok(r) => Outcome::Refused(r.status().as_u16(), r.text().await.unwrap_or_default()),
        Err(_) => Outcome::Lost,
    }
}

/// Representatives' names of the voters' households.
const VOTER_NAMES: [&str; VOTERS] = ["Lê Văn Bầu", "Phạm Thị Chọn", "Hoàng Văn Phiếu", "Vũ Thị Thuận"];

/// Households of `village` with their representatives' resident accounts, each signed in,
/// requesting its household link and confirmed by the administrator signed in on `admin`;
/// then an online vote of the village (matter 6) open from today for a year, whose snapshot
/// holds those households. Returns the vote's id and the voters.
async fn prepare_online_vote(
    env: &Env,
    admin: &reqwest::Client,
    csrf: &str,
    url: &str,
    village: &str,
) -> (i64, Vec<Voter>) {
    let store = env.store().await;
    let mut voters = Vec::new();
    for (i, name) in VOTER_NAMES.into_iter().enumerate() {
        let code = format!("TTV{i}");
        let household = json!({ "code": code, "address": format!("Số {i}, xóm biểu quyết"),
                                "representative": name, "member_count": 4 });
        let res = admin
            .post(format!("{url}/api/v1/units/{village}/households"))
            .header("x-csrf-token", csrf)
            .json(&household)
            .send()
            .await
            .expect("household");
        assert!(res.status().is_success(), "{}", res.text().await.unwrap_or_default());
        let email = format!("cutri.{i}@tai.lap");
        let account = json!({ "email": email, "display_name": name, "password": coso_demo::DEMO_PASSWORD,
                              "role": "resident", "unit_code": village });
        let res = admin
            .post(format!("{url}/api/v1/users"))
            .header("x-csrf-token", csrf)
            .json(&account)
            .send()
            .await
            .expect("user");
        assert!(res.status().is_success(), "{}", res.text().await.unwrap_or_default());
        let client = client();
        let voter_csrf = sign_in(&client, url, &email).await;
        let form = [("csrf", voter_csrf.as_str()), ("household_code", code.as_str()), ("representative", name)];
        let res = client.post(format!("{url}/cua-toi/ho-gia-dinh")).form(&form).send().await.expect("link request");
        assert!(res.status().is_success(), "{}", res.text().await.unwrap_or_default());
        let user = store.user_by_email(&email).await.expect("q").expect("the voter");
        let link = store.latest_household_link(user.user_id()).await.expect("q").expect("the link request");
        let note = format!("note-{}", link.id);
        let form = [("csrf", csrf), ("decision", "xac-nhan"), (note.as_str(), "Đã đối chiếu sổ hộ.")];
        let res = admin
            .post(format!("{url}/quan-tri/don-vi/{village}/ho-gia-dinh/yeu-cau-lien-ket/{}", link.id))
            .form(&form)
            .send()
            .await
            .expect("link decision");
        assert!(res.status().is_success(), "{}", res.text().await.unwrap_or_default());
        voters.push(Voter { client, csrf: voter_csrf, household: link.household_id, acknowledged: AtomicU64::new(0) });
    }
    let today = store.clock().today();
    store.close().await;
    let ends_on = today + chrono::Days::new(365);
    let body = json!({ "matter": 6, "form": "online", "title": "Giờ mở cửa nhà văn hóa thôn (biểu quyết trực tuyến)",
                       "date": today.format("%Y-%m-%d").to_string(), "ends_on": ends_on.format("%Y-%m-%d").to_string() });
    let res = admin
        .post(format!("{url}/api/v1/units/{village}/decisions"))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .expect("online vote");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("decision id");
    (id, voters)
}

impl Writer {
    async fn send(&self, request: reqwest::RequestBuilder) -> Outcome {
        outcome_of(request.header("x-csrf-token", &self.csrf)).await
    }

    fn village(&self, n: u64) -> String {
        self.fixture.villages[n as usize % self.fixture.villages.len()].clone()
    }
}

impl Finder {
    /// Households of `village` whose code starts with `prefix`.
    async fn households(&self, village: &str, prefix: &str) -> i64 {
        let r: Value = self
            .client
            .get(format!("{}/api/v1/units/{village}/households?q={prefix}&limit=1", self.url))
            .send()
            .await
            .expect("households")
            .json()
            .await
            .expect("households json");
        r["total"].as_i64().expect("total")
    }
}

fn attempt(kind: &'static str, n: u64, target: String, outcome: Outcome) -> Option<Attempt> {
    Some(Attempt { kind, n, target, outcome })
}

/// Household codes of import `n` start with `I{n}X`, so that a search finds them all.
fn import_households(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let rows: Vec<(u64, HouseholdData)> =
            coso_demo::households::generate_households(n, "Thôn mẫu", UnitKind::Village, 1, IMPORT_ROWS)
                .into_iter()
                .enumerate()
                .map(|(i, (line, mut h))| {
                    h.code = format!("I{n}X{i:02}");
                    (line, h)
                })
                .collect();
        let request = w
            .client
            .post(format!("{}/api/v1/units/{village}/households/import", w.url))
            .header("content-type", "text/csv")
            .body(coso_demo::households::to_csv(&rows));
        attempt("household import", n, village, w.send(request).await)
    })
}

fn find_import<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        match f.households(&a.target, &format!("i{}x", a.n)).await {
            0 => Found::Nothing,
            n if n == IMPORT_ROWS as i64 => Found::All,
            n => Found::Part(format!("{n} of {IMPORT_ROWS} households")),
        }
    })
}

fn create_household(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let body = json!({
            "code": format!("C{n}X"),
            "address": format!("Số {n}, thôn mẫu"),
            "representative": "Nguyễn Văn Thành",
            "member_count": 4,
        });
        let request = w.client.post(format!("{}/api/v1/units/{village}/households", w.url)).json(&body);
        attempt("household creation", n, village, w.send(request).await)
    })
}

fn find_household<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        match f.households(&a.target, &format!("c{}x", a.n)).await {
            0 => Found::Nothing,
            1 => Found::All,
            n => Found::Part(format!("{n} households with one code")),
        }
    })
}

fn create_user(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let email = format!("nguoixem.{n}@tai.lap");
        let body = json!({
            "email": email,
            "display_name": format!("Người xem {n}"),
            "password": format!("mat-khau-dai-{n}"),
            "role": "viewer",
            "unit_code": PROVINCE,
        });
        let request = w.client.post(format!("{}/api/v1/users", w.url)).json(&body);
        attempt("user creation", n, email, w.send(request).await)
    })
}

/// An account is there with its role, or not at all.
fn find_user<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let Some(user) = f.store.user_by_email(&a.target).await.expect("user") else { return Found::Nothing };
        let grants = f.store.grants_of(coso_domain::UserId(user.id)).await.expect("grants");
        if grants.len() == 1 { Found::All } else { Found::Part(format!("{} roles", grants.len())) }
    })
}

fn follow_up_task(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let (plan, task) = w.fixture.tasks[n as usize % w.fixture.tasks.len()];
        let body = json!({ "progress": n % 100, "note": format!("Đã họp dân, biên bản số {n}-ghi-chu") });
        let request = w.client.patch(format!("{}/api/v1/plans/{plan}/tasks/{task}", w.url)).json(&body);
        attempt("task follow-up", n, task.to_string(), w.send(request).await)
    })
}

fn find_task_note<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let task: i64 = a.target.parse().expect("task id");
        let marker = format!("số {}-ghi-chu", a.n);
        let notes = f.store.task_notes(coso_domain::TaskId(task)).await.expect("notes");
        match notes.iter().filter(|note| note.body.contains(&marker)).count() {
            0 => Found::Nothing,
            1 => Found::All,
            k => Found::Part(format!("{k} notes")),
        }
    })
}

fn submit_report(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let (commune, occurrence) = w.fixture.reports.lock().expect("reports").pop()?;
        let t = &w.fixture.template;
        // Counts fall along the template's order, so that what is resolved (listed after what is
        // received) never exceeds it: the template's declared checks accept every report.
        let count = t.indicators.len() as u64 + n % 7;
        let indicators: BTreeMap<String, Value> =
            t.indicators.iter().enumerate().map(|(i, ind)| (ind.code.clone(), json!(count - i as u64))).collect();
        let narrative: BTreeMap<String, String> =
            t.sections.iter().map(|s| (s.code.clone(), format!("{} (báo cáo {n})", s.title))).collect();
        let assessment: Vec<Value> = t
            .criteria
            .iter()
            .map(|c| json!({ "code": c.code, "points": (c.max_points * 0.8).round(), "evidence": "Biên bản họp" }))
            .collect();
        let body = json!({ "occurrence_id": occurrence, "indicators": indicators, "narrative": narrative, "assessment": assessment });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/submissions", w.url)).json(&body);
        attempt("report submission", n, format!("{commune}/{occurrence}"), w.send(request).await)
    })
}

/// A report is there with its first version, or not at all.
fn find_submission<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (commune, occurrence) = a.target.split_once('/').expect("commune/occurrence");
        let unit = f.store.unit_by_code(commune).await.expect("unit").expect("commune");
        let occurrence: i64 = occurrence.parse().expect("occurrence");
        let Some(sub) =
            f.store.submission_for(coso_domain::OccurrenceId(occurrence), unit.unit_id()).await.expect("submission")
        else {
            return Found::Nothing;
        };
        let versions = f.store.submission_versions(coso_domain::SubmissionId(sub.id)).await.expect("versions");
        let marker = format!("(báo cáo {})", a.n);
        let ours = versions.len() == 1 && serde_json::to_string(&versions[0]).is_ok_and(|v| v.contains(&marker));
        if ours { Found::All } else { Found::Part(format!("{} versions, marker {marker}", versions.len())) }
    })
}

/// A session of the province's reception log; the receiver's name carries the marker.
fn record_reception(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let name = format!("Cán bộ tiếp số {n}");
        let body = json!({ "held_on": "2025-09-04", "receiver": "chairman", "receiver_name": name,
                           "place": "Trụ sở UBND tỉnh", "kind": "regular" });
        let request = w.client.post(format!("{}/api/v1/units/{PROVINCE}/reception/sessions", w.url)).json(&body);
        attempt("reception session", n, name, w.send(request).await)
    })
}

/// The session is in the province's log once, or not at all.
fn find_reception<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        use coso_domain::authz::{Action, Grant, Role, authorize};
        let province = f.store.unit_by_code(PROVINCE).await.expect("q").expect("province");
        let grants = [Grant { role: Role::Admin, unit: province.unit_path() }];
        let permit = authorize(&grants, &province.unit_path(), Action::ManageReception).expect("permit");
        let day = chrono::NaiveDate::from_ymd_opt(2025, 9, 4).expect("date");
        let sessions = f.store.reception_sessions(&permit, &province, day, day).await.expect("sessions");
        match sessions.iter().filter(|s| s.receiver_name == a.target).count() {
            0 => Found::Nothing,
            1 => Found::All,
            more => Found::Part(format!("{more} copies")),
        }
    })
}

/// A consultation of the province opened at once, its title carrying the marker.
fn open_consultation(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let title = format!("Dự thảo kế hoạch số {n}-lay-y-kien");
        let body = json!({ "unit": PROVINCE, "title": title, "kind": "plan", "audience": "unit",
                           "opens_on": "2026-01-05", "closes_on": "2026-02-05",
                           "sections": [{ "heading": "I. MỤC ĐÍCH", "body": "Nội dung." }, { "heading": "II. NỘI DUNG", "body": "" }] });
        let request = w.client.post(format!("{}/api/v1/consultations", w.url)).json(&body);
        attempt("consultation", n, title, w.send(request).await)
    })
}

/// The consultation is there once with both its sections, or not at all.
fn find_consultation<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let province = f.store.unit_by_code(PROVINCE).await.expect("q").expect("province");
        let all = f.store.consultations_of_unit(province.id, true).await.expect("consultations");
        let matching: Vec<_> = all.iter().filter(|c| c.title == a.target).collect();
        match matching.as_slice() {
            [] => Found::Nothing,
            [c] => match f.store.consultation_sections(c.id).await.expect("sections").len() {
                2 => Found::All,
                other => Found::Part(format!("{other} sections")),
            },
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A meeting of a village whose title carries the marker `số {n}-quyet-dinh`.
fn open_decision(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let title = format!("Giờ thu gom rác, số {n}-quyet-dinh");
        // A decision needs households to snapshot: the village may have none yet in this load.
        let household = json!({ "code": format!("Q{n}D"), "address": format!("Số {n}, xóm họp"),
                                "representative": "Trần Văn Họp", "member_count": 3 });
        let first = w.client.post(format!("{}/api/v1/units/{village}/households", w.url)).json(&household);
        match w.send(first).await {
            Outcome::Acknowledged => {}
            other => return attempt("community decision", n, format!("{village}/{title}"), other),
        }
        let body = json!({ "matter": 6, "form": "meeting", "title": title, "date": "2026-03-10" });
        let request = w.client.post(format!("{}/api/v1/units/{village}/decisions", w.url)).json(&body);
        attempt("community decision", n, format!("{village}/{title}"), w.send(request).await)
    })
}

/// The decision is there once with its households, or not at all.
fn find_decision<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (village, title) = a.target.split_once('/').expect("village/title");
        let unit = f.store.unit_by_code(village).await.expect("q").expect("village");
        let all = f.store.decisions_in_subtree(&unit).await.expect("decisions");
        match all.iter().filter(|d| d.decision.title == title).collect::<Vec<_>>().as_slice() {
            [] => Found::Nothing,
            [d] if d.decision.households > 0 => Found::All,
            [_] => Found::Part("a decision without households".into()),
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A disclosure of the first commune whose title carries the marker `số {n}-cong-khai`.
fn record_disclosure(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let title = format!("Dự toán ngân sách, số {n}-cong-khai");
        let body = json!({ "item": 2, "title": title, "content": "Dự toán thu chi ngân sách xã",
                           "forms": ["posting", "portal"], "posted_from": "2026-01-05", "broadcast_days": [] });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/disclosures", w.url)).json(&body);
        attempt("disclosure", n, format!("{commune}/{title}"), w.send(request).await)
    })
}

/// The disclosure is in the commune's register once, with its forms, or not at all.
fn find_disclosure<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, title) = a.target.split_once('/').expect("commune/title");
        let commune = f.store.unit_by_code(code).await.expect("q").expect("commune");
        let filter = coso_store::DisclosureFilter { q: Some(title.to_owned()), limit: 10, ..Default::default() };
        let (rows, _) = f.store.disclosures_of_unit(commune.id, &filter).await.expect("disclosures");
        let rows: Vec<_> = rows.into_iter().filter(|r| r.title == title).collect();
        match rows.as_slice() {
            [] => Found::Nothing,
            [one] if one.forms().len() == 2 => Found::All,
            [_] => Found::Part("forms missing".to_owned()),
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A dialogue of the first commune whose topic carries the marker `số {n}-doi-thoai`.
fn set_up_dialogue(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let topic = format!("Đối thoại về đất đai, số {n}-doi-thoai");
        let body = json!({ "date": "2026-10-15", "topic": topic, "voters": 12000, "place": "Hội trường xã" });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/dialogues", w.url)).json(&body);
        attempt("dialogue", n, format!("{commune}/{topic}"), w.send(request).await)
    })
}

/// The dialogue is the commune's once, with its place, or not at all.
fn find_dialogue<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, topic) = a.target.split_once('/').expect("commune/topic");
        let commune = f.store.unit_by_code(code).await.expect("q").expect("commune");
        let rows = f.store.dialogues_of_unit(commune.id, true).await.expect("dialogues");
        let rows: Vec<_> = rows.into_iter().filter(|d| d.topic.as_deref() == Some(topic)).collect();
        match rows.as_slice() {
            [] => Found::Nothing,
            [one] if one.place.is_some() => Found::All,
            [_] => Found::Part("place missing".to_owned()),
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// An investment supervision board of the first commune, for a project whose name carries the
/// marker `số {n}-ban-giam-sat` (one board per project, GS-1).
fn record_board(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let project = format!("Đường giao thông số {n}-ban-giam-sat");
        let body = json!({ "kind": "investment", "elected_by": "Quyết định của Ban Thường trực UBMTTQ xã",
            "elected_on": "2026-01-05",
            "members": [
                { "name": "Đặng Văn Hùng", "role": "head", "from": "front" },
                { "name": "Võ Thị Hoa", "role": "deputy", "from": "inspection_board" },
                { "name": "Nguyễn Văn An", "role": "member" },
                { "name": "Trần Thị Bình", "role": "member" },
                { "name": "Lê Văn Cường", "role": "member" }
            ],
            "project": { "name": project, "investor": "UBND xã", "budget": "900000000", "contributions": "100000000",
                         "starts_on": "2026-01-10", "ends_on": "2026-06-30" } });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/boards", w.url)).json(&body);
        attempt("supervision board", n, format!("{commune}/{project}"), w.send(request).await)
    })
}

/// The board is there once with its five members, or not at all.
fn find_board<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, project) = a.target.split_once('/').expect("commune/project");
        let commune = f.store.unit_by_code(code).await.expect("q").expect("commune");
        let boards = f.store.boards_of_unit(commune.id).await.expect("boards");
        let matching: Vec<_> = boards.iter().filter(|b| b.project_name.as_deref() == Some(project)).collect();
        match matching.as_slice() {
            [] => Found::Nothing,
            [b] => match f.store.board_members(b.id).await.expect("members").len() {
                5 => Found::All,
                other => Found::Part(format!("{other} members")),
            },
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A self-inspection of the first commune whose subject carries the marker `số {n}-kiem-tra`.
fn plan_inspection(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let subject = format!("Tự kiểm tra số {n}-kiem-tra");
        let body = json!({ "kind": "self", "subject": subject, "starts_on": "2026-05-04",
            "team": [{ "name": "Nguyễn Văn Hùng", "role": "head" }, { "name": "Trần Thị Lan", "role": "member" }] });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/inspections", w.url)).json(&body);
        attempt("inspection", n, format!("{commune}/{subject}"), w.send(request).await)
    })
}

/// The inspection is there once with its team and whole checklist, or not at all.
fn find_inspection<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, subject) = a.target.split_once('/').expect("commune/subject");
        let commune = f.store.unit_by_code(code).await.expect("q").expect("commune");
        let rows = f.store.inspections_of_unit(commune.id).await.expect("inspections");
        let matching: Vec<_> = rows.iter().filter(|i| i.subject == subject).collect();
        match matching.as_slice() {
            [] => Found::Nothing,
            [i] => {
                let team = f.store.inspection_team(i.id).await.expect("team").len();
                let criteria = f.store.inspection_criteria(i.id).await.expect("criteria").len();
                if team == 2 && criteria == 6 {
                    Found::All
                } else {
                    Found::Part(format!("{team} members, {criteria} criteria"))
                }
            }
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A commendation decided by the first commune for a person; its reason carries the marker
/// `số {n}-khen-thuong`.
fn record_commendation(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let reason = format!("Vận động hiến đất làm đường, số {n}-khen-thuong");
        let body = json!({ "form": "certificate", "recipient_person": "Nguyễn Văn An", "year": 2025,
            "reason": reason, "decision_number": "12/QĐ-UBND", "decided_on": "2026-01-15" });
        let request = w.client.post(format!("{}/api/v1/units/{commune}/commendations", w.url)).json(&body);
        attempt("commendation", n, format!("{commune}/{reason}"), w.send(request).await)
    })
}

/// The commendation is in the commune's register once, with its decision, or not at all.
fn find_commendation<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, reason) = a.target.split_once('/').expect("commune/reason");
        let commune = f.store.unit_by_code(code).await.expect("q").expect("commune");
        let rows = f.store.commendations(&commune.path, None).await.expect("commendations");
        let rows: Vec<_> = rows.into_iter().filter(|c| c.reason == reason).collect();
        match rows.as_slice() {
            [] => Found::Nothing,
            [one] if one.decision_number == "12/QĐ-UBND" => Found::All,
            [_] => Found::Part("decision missing".to_owned()),
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A training of the province's log; its topic carries the marker.
fn record_training(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let topic = format!("Tập huấn số {n}");
        let body = json!({ "held_on": "2025-09-04", "topic": topic, "form": "training",
                           "audience": "Cán bộ xã", "attendance": 30 });
        let request = w.client.post(format!("{}/api/v1/units/{PROVINCE}/trainings", w.url)).json(&body);
        attempt("training record", n, topic, w.send(request).await)
    })
}

/// The training is in the province's log once, or not at all.
fn find_training<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let province = f.store.unit_by_code(PROVINCE).await.expect("q").expect("province");
        let day = chrono::NaiveDate::from_ymd_opt(2025, 9, 4).expect("date");
        let events = f.store.trainings(&province, day, day).await.expect("trainings");
        match events.iter().filter(|e| e.topic == a.target).count() {
            0 => Found::Nothing,
            1 => Found::All,
            more => Found::Part(format!("{more} copies")),
        }
    })
}

/// A convention proposed for a village, its title carrying the marker `số {n}-huong-uoc`.
fn propose_convention(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let title = format!("Hương ước số {n}-huong-uoc");
        let body = json!({ "kind": "huong_uoc", "title": title, "text": "Điều 1. Phạm vi\nÁp dụng trong thôn." });
        let request = w.client.post(format!("{}/api/v1/units/{village}/conventions", w.url)).json(&body);
        attempt("convention proposal", n, format!("{village}/{title}"), w.send(request).await)
    })
}

/// The convention is the village's once, with its first version, or not at all.
fn find_convention<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let (code, title) = a.target.split_once('/').expect("village/title");
        let village = f.store.unit_by_code(code).await.expect("q").expect("village");
        let all = f.store.conventions_of_unit(village.id).await.expect("conventions");
        let matching: Vec<_> = all.iter().filter(|c| c.title == title).collect();
        match matching.as_slice() {
            [] => Found::Nothing,
            [c] => match f.store.convention_versions(c.id).await.expect("versions").len() {
                1 => Found::All,
                other => Found::Part(format!("{other} versions")),
            },
            more => Found::Part(format!("{} copies", more.len())),
        }
    })
}

/// A staff conference of an agency of the first commune (made by the first write of the kind;
/// later ones are refused as taken, which the load does not count) whose minutes carry the
/// marker `số {n}-can-bo`.
fn record_staff_conference(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let commune = w.fixture.commune.clone();
        let agency = format!("{commune}-CQ99");
        let unit = json!({ "code": agency, "name": "Trung tâm Phục vụ hành chính công", "kind": "agency" });
        // Whether it was made now or before does not matter: the conference below is the write.
        let _ = w.send(w.client.post(format!("{}/api/v1/units/{commune}/children", w.url)).json(&unit)).await;
        let body = json!({ "work_year": 2025, "staff": 30, "present": 25, "yes": 20,
                           "minutes": format!("Biên bản hội nghị cán bộ số {n}-can-bo") });
        let request = w.client.post(format!("{}/api/v1/units/{agency}/staff-conferences", w.url)).json(&body);
        attempt("staff conference", n, agency, w.send(request).await)
    })
}

/// The staff conference is in its agency's list once, or not at all.
fn find_staff_conference<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let Some(agency) = f.store.unit_by_code(&a.target).await.expect("q") else {
            return Found::Nothing;
        };
        let marker = format!("Biên bản hội nghị cán bộ số {}-can-bo", a.n);
        let held = f.store.staff_conferences_of_unit(agency.id).await.expect("conferences");
        match held.iter().filter(|c| c.minutes.as_deref() == Some(marker.as_str())).count() {
            0 => Found::Nothing,
            1 => Found::All,
            more => Found::Part(format!("{more} copies")),
        }
    })
}

/// A village's annual conference whose minutes carry the marker `số {n}-hoi-nghi`.
fn record_conference(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let body = json!({ "held_on": "2025-12-10", "notice_on": "2025-12-01",
                           "minutes": format!("Biên bản hội nghị số {n}-hoi-nghi") });
        let request = w.client.post(format!("{}/api/v1/units/{village}/conferences", w.url)).json(&body);
        attempt("community conference", n, village, w.send(request).await)
    })
}

/// The conference is in its village's list once, or not at all.
fn find_conference<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let village = f.store.unit_by_code(&a.target).await.expect("village").expect("a village");
        let marker = format!("Biên bản hội nghị số {}-hoi-nghi", a.n);
        let held = f.store.conferences_of_unit(village.id).await.expect("conferences");
        match held.iter().filter(|c| c.minutes.as_deref() == Some(marker.as_str())).count() {
            0 => Found::Nothing,
            1 => Found::All,
            more => Found::Part(format!("{more} copies")),
        }
    })
}

/// A petition to a village whose content carries the marker `số {n}-don-thu`.
fn register_case(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let body = json!({
            "unit": village,
            "kind": "petition",
            "received_on": "2026-01-05",
            "content": format!("Phản ánh đèn đường hỏng, số {n}-don-thu"),
            "sender": { "name": "Nguyễn Thị Hoa", "address": "Thôn mẫu" },
        });
        let request = w.client.post(format!("{}/api/v1/cases", w.url)).json(&body);
        attempt("case intake", n, village, w.send(request).await)
    })
}

/// A case is there with its sender and its first timeline row, or not at all.
fn find_case<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let village = f.store.unit_by_code(&a.target).await.expect("village").expect("a village");
        let marker = format!("số {}-don-thu", a.n);
        let mut matching = Vec::new();
        let mut offset = 0;
        loop {
            let open = coso_store::CaseListFilter { unit_path: village.path.clone(), ..Default::default() };
            let page = f.store.case_list(&open, 200, offset).await.expect("cases");
            let read = page.items.len() as i64;
            matching.extend(page.items.into_iter().filter(|c| c.content.ends_with(&marker)));
            offset += read;
            if read == 0 || offset >= page.total {
                break;
            }
        }
        whole_case(f, &matching).await
    })
}

/// Whether the one case carrying a write's marker is there whole: with its sender and its
/// first timeline row.
async fn whole_case(f: &Finder, matching: &[coso_store::CaseRow]) -> Found {
    match matching {
        [] => Found::Nothing,
        [case] => {
            let sender = f.store.case_sender(case.case_id()).await.expect("sender");
            let actions = f.store.case_actions(case.case_id()).await.expect("actions");
            if sender.is_some() && actions.len() == 1 {
                Found::All
            } else {
                Found::Part(format!("sender {}, {} timeline rows", sender.is_some(), actions.len()))
            }
        }
        more => Found::Part(format!("{} cases with one marker", more.len())),
    }
}

/// A petition sent through Open311 by an application without an account (no cookie, no
/// token): the answer's `service_request_id` is its tracking code.
fn open311_intake(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = &w.fixture.villages[n as usize % w.fixture.villages.len()];
        let description = format!("Phản ánh tải số {n}-open311: đèn đường hỏng.");
        let email = format!("tai.{n}@example.vn");
        let form = [
            ("jurisdiction_id", village.as_str()),
            ("service_code", "ha_tang"),
            ("description", description.as_str()),
            ("address_string", "Đường trục thôn"),
            ("email", email.as_str()),
        ];
        let sent = reqwest::Client::new().post(format!("{}/open311/v2/requests.json", w.url)).form(&form).send().await;
        let (outcome, code) = match sent {
            Ok(r) if r.status().is_success() => match r.json::<Value>().await {
                Ok(v) => (Outcome::Acknowledged, v[0]["service_request_id"].as_str().unwrap_or_default().to_string()),
                Err(_) => (Outcome::Lost, String::new()),
            },
            Ok(r) => (Outcome::Refused(r.status().as_u16(), r.text().await.unwrap_or_default()), String::new()),
            Err(_) => (Outcome::Lost, String::new()),
        };
        attempt("open311 intake", n, code, outcome)
    })
}

/// A complaint sent from the writer's own page (`/cua-toi/gui-don`, a multipart form).
fn send_own_case(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let village = w.village(n);
        let content = format!("Khiếu nại việc thu phí chợ, số {n}-cua-toi");
        let boundary = "coso-load-own-case";
        let fields = [
            ("csrf", w.csrf.as_str()),
            ("kind", "complaint"),
            ("unit", village.as_str()),
            ("category", "khac"),
            ("content", content.as_str()),
            ("address", "Thôn mẫu"),
        ];
        let mut body: String = fields
            .iter()
            .map(|(k, v)| format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"))
            .collect();
        body.push_str(&format!("--{boundary}--\r\n"));
        let request = w
            .client
            .post(format!("{}/cua-toi/gui-don", w.url))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body);
        attempt("resident case", n, village, w.send(request).await)
    })
}

/// The writer's complaint is among its own cases with its sender and first timeline row, or
/// not at all.
fn find_own_case<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        let writer = f.store.user_by_email(WRITER).await.expect("q").expect("the writer");
        let marker = format!("số {}-cua-toi", a.n);
        let mine = f.store.cases_sent_by(writer.user_id(), i64::MAX, 0).await.expect("cases");
        let matching: Vec<_> = mine.items.into_iter().filter(|c| c.content.ends_with(&marker)).collect();
        whole_case(f, &matching).await
    })
}

/// The petition is there with its description, its sender and its first timeline row, or not
/// at all (a lost answer gave no code to look for).
fn find_open311<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        if a.target.is_empty() {
            return Found::Nothing;
        }
        let Some(case) = f.store.case_by_code(&a.target).await.expect("case") else { return Found::Nothing };
        let sender = f.store.case_sender(case.case_id()).await.expect("sender");
        let timeline = f.store.case_actions(case.case_id()).await.expect("timeline").len();
        let marker = format!("số {}-open311", a.n);
        match (case.content.contains(&marker), sender.and_then(|s| s.email), timeline) {
            (true, Some(_), 1) => Found::All,
            (content, email, rows) => Found::Part(format!("content {content}, e-mail {email:?}, {rows} timeline rows")),
        }
    })
}

/// A voter's household votes, yes and no in turn; the target carries the decision, the
/// household and how many of its votes were acknowledged before this one.
fn cast_online_vote(w: &Writer, n: u64) -> Fut<'_, Option<Attempt>> {
    Box::pin(async move {
        let voters = &w.fixture.voters;
        let voter = &voters[n as usize % voters.len()];
        let before = voter.acknowledged.load(Ordering::Relaxed);
        let choice = if n.is_multiple_of(2) { "yes" } else { "no" };
        let id = w.fixture.online_vote;
        let request = voter
            .client
            .post(format!("{}/api/v1/decisions/{id}/online-votes", w.url))
            .header("x-csrf-token", &voter.csrf)
            .json(&json!({ "choice": choice }));
        let outcome = outcome_of(request).await;
        if outcome == Outcome::Acknowledged {
            voter.acknowledged.fetch_add(1, Ordering::Relaxed);
        }
        attempt("online vote", n, format!("{id}/{}/{before}", voter.household), outcome)
    })
}

/// The household's vote is stored, replaced at least as many times as its votes acknowledged
/// before this one (a later vote only replaces it again), or this vote is not there. A vote
/// left without an answer counts as not there: once the household voted again, nothing tells
/// whether the lost one had been written, and what a restart found must stay what it finds.
fn find_online_vote<'a>(f: &'a Finder, a: &'a Attempt) -> Fut<'a, Found> {
    Box::pin(async move {
        if !a.acknowledged() {
            return Found::Nothing;
        }
        let parts: Vec<i64> = a.target.split('/').map(|p| p.parse().expect("a number")).collect();
        let [decision, household, before] = parts[..] else { panic!("decision/household/before: {}", a.target) };
        match f.store.online_vote(decision, household).await.expect("vote") {
            Some(v) if !["yes", "no"].contains(&v.choice.as_str()) => Found::Part(format!("the choice «{}»", v.choice)),
            Some(v) if v.changes >= before => Found::All,
            _ => Found::Nothing,
        }
    })
}
