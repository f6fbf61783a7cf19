//! Two `coso serve` processes on one PostgreSQL database with the background jobs ticking
//! every second: the daily reminder run happens once, every notification is stored once and
//! every reminder mail reaches the SMTP server once, although both processes drain the outbox.

use crate::support;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, TimeDelta};
use coso_domain::authz::Role;
use coso_store::{Actor, NewUser, OutboxStats, Store, UnitRow};
use coso_test_support::smtp::FakeSmtp;
use support::{Env, Server, client, wait_healthy};

/// Target communes of the plan, and officials on each: 40 mails, two claims of 20.
const TARGETS: usize = 20;
const OFFICIALS_PER_UNIT: usize = 2;
/// Slow enough that one batch takes seconds, so the other process claims while it sends.
const SMTP_DELAY: Duration = Duration::from_millis(150);

/// What one tick of the job loop reported in a server's log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Tick {
    reminders_ran: bool,
    notifications: u64,
    mails_queued: u64,
    mails_sent: u64,
    mails_failed: u64,
}

/// The `background jobs ran report=RunReport { … }` lines of a log, in order.
fn ticks(log: &str) -> Vec<Tick> {
    log.lines()
        .filter_map(|line| line.split_once("RunReport {").map(|(_, rest)| rest))
        .map(|fields| {
            let field = |name: &str| -> String {
                let at = fields.find(&format!("{name}: ")).unwrap_or_else(|| panic!("{name} in {fields}"));
                fields[at + name.len() + 2..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect()
            };
            let number = |name: &str| field(name).parse::<u64>().unwrap_or_else(|_| panic!("{name} in {fields}"));
            Tick {
                reminders_ran: field("reminders_ran") == "true",
                notifications: number("notifications"),
                mails_queued: number("mails_queued"),
                mails_sent: number("mails_sent"),
                mails_failed: number("mails_failed"),
            }
        })
        .collect()
}

/// A small plan of Hà Tĩnh asking its communes for one 6-month report due on `due`.
fn plan_document(issued: NaiveDate, due: NaiveDate) -> String {
    format!(
        "Số: 21/KH-UBND\n\n\
         Hà Tĩnh, ngày {} tháng {:02} năm {}\n\n\
         **KẾ HOẠCH**  \n**Kiểm tra việc thực hiện dân chủ ở cơ sở năm {}**\n\n\
         **I. TỔ CHỨC THỰC HIỆN**\n\n\
         1. Ủy ban nhân dân các xã báo cáo 06 tháng kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày {}.\n\n\
         **TM. ỦY BAN NHÂN DÂN**  \n**CHỦ TỊCH**\n\n**Nguyễn Văn Minh**\n",
        issued.format("%d"),
        issued.month(),
        issued.year(),
        due.year(),
        due.format("%d/%m/%Y"),
    )
}

async fn wait_until<F: AsyncFn() -> bool>(what: &str, limit: Duration, done: F) {
    let started = Instant::now();
    while !done().await {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn all_ticks(servers: &[&Server]) -> Vec<Vec<Tick>> {
    servers.iter().map(|s| ticks(&s.log_text())).collect()
}

/// Every message the server got, as (recipient, subject) → how many times.
fn tally(smtp: &FakeSmtp) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for m in smtp.messages() {
        for to in &m.to {
            *out.entry((to.clone(), m.subject())).or_insert(0) += 1;
        }
    }
    out
}

async fn official(store: &Store, email: &str, unit: &UnitRow) {
    let user = NewUser {
        email: email.into(),
        display_name: "Cán bộ xã".into(),
        password_hash: "$argon2id$stub-not-used-for-login".into(),
        grants: vec![(Role::Official, unit.unit_id())],
    };
    store.create_user(&user, &Actor::system("test")).await.expect("official");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgresql_send_each_reminder_once() {
    let Some(env) = Env::postgres().await else { return };
    let started = Instant::now();

    // A report due 15 days ago: the overdue notice is due today whatever today is (the first
    // working day after the due date has passed, and it is within the 30-day catch-up).
    let today = coso_domain::Clock::system().today();
    let due = today - TimeDelta::days(15);
    tokio::task::block_in_place(|| env.run(&["units", "load-official"]).ok());
    let store = env.store().await;
    let province = store.unit_by_code("42").await.expect("query").expect("Hà Tĩnh");
    let communes: Vec<UnitRow> = store
        .children(province.unit_id(), today)
        .await
        .expect("children")
        .into_iter()
        .filter(|u| u.kind == "commune")
        .collect();
    assert!(communes.len() > TARGETS, "{} communes", communes.len());
    let (targets, others) = communes.split_at(TARGETS);
    let mut recipients: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (i, unit) in targets.iter().enumerate() {
        for j in 0..OFFICIALS_PER_UNIT {
            let email = format!("can-bo-{i}-{j}@xa.example.vn");
            official(&store, &email, unit).await;
            recipients.entry(unit.id).or_default().push(email);
        }
    }
    // An official of a commune outside the plan hears nothing.
    official(&store, "ngoai-ke-hoach@xa.example.vn", &others[0]).await;

    let doc = env.file("ke-hoach.md", &plan_document(due - TimeDelta::days(30), due));
    let codes: Vec<&str> = targets.iter().map(|u| u.code.as_str()).collect();
    let out = tokio::task::block_in_place(|| {
        env.run(&[
            "plan",
            "import",
            &doc.display().to_string(),
            "--unit",
            "42",
            "--targets",
            &codes.join(","),
            "--year",
            &due.year().to_string(),
            "--json",
        ])
        .ok()
    });
    let plan: serde_json::Value = serde_json::from_str(&out).expect("plan JSON");
    let occurrences: Vec<i64> = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .flat_map(|o| o["occurrences"].as_array().cloned().unwrap_or_default())
        .filter(|oc| oc["due"] == due.to_string())
        .map(|oc| oc["id"].as_i64().expect("occurrence id"))
        .collect();
    let [occurrence] = occurrences[..] else { panic!("one occurrence due on {due}: {plan}") };

    let smtp = FakeSmtp::start(SMTP_DELAY).await;
    env.file(
        "coso.toml",
        &format!(
            "[mail]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {}\nfrom = \"Hệ thống coso <khong-tra-loi@coso.example.vn>\"\n\n\
             [jobs]\ntick_seconds = 1\ndaily_at = \"00:00\"\n",
            smtp.port
        ),
    );
    // Started together, as a deployment restarts its instances.
    let (mut one, mut two) = tokio::task::block_in_place(|| {
        std::thread::scope(|s| {
            let a = s.spawn(|| Server::start(&env, &[]));
            let b = s.spawn(|| Server::start(&env, &[]));
            (a.join().expect("server one"), b.join().expect("server two"))
        })
    });
    let c = client();
    for server in [&one, &two] {
        wait_healthy(&c, &server.url, Duration::from_secs(20)).await;
        let health: serde_json::Value =
            c.get(format!("{}/healthz", server.url)).send().await.expect("healthz").json().await.expect("JSON");
        assert_eq!(health["backend"], "postgres", "{health}");
    }

    let expected_mails = TARGETS * OFFICIALS_PER_UNIT;
    let sent = async || {
        let stats = store.outbox_stats().await.expect("stats");
        stats.pending == 0 && stats.sent >= expected_mails as i64 && smtp.count() >= expected_mails
    };
    wait_until("the outbox drained", Duration::from_secs(60), sent).await;
    // A few more ticks of both: a second run or a second sending would show now.
    tokio::time::sleep(Duration::from_millis(2500)).await;

    // Each target unit has one notification, the overdue notice keyed by occurrence and unit.
    let mut expected = BTreeSet::new();
    for unit in targets {
        let rows = store.notifications_of_unit(unit.unit_id()).await.expect("notifications");
        let keys: Vec<&str> = rows.iter().map(|n| n.dedupe_key.as_str()).collect();
        assert_eq!(keys, [format!("overdue:{occurrence}:{}", unit.id)], "{}", unit.name);
        let title = &rows[0].title;
        assert!(
            title.starts_with("Quá hạn: ") && title.ends_with(&format!("hạn {}", due.format("%d/%m/%Y"))),
            "{title}"
        );
        for to in &recipients[&unit.id] {
            expected.insert((to.clone(), title.clone()));
        }
    }
    assert!(store.notifications_of_unit(others[0].unit_id()).await.expect("notifications").is_empty());
    assert_eq!(expected.len(), expected_mails);

    // Each official got the notice of their unit once; nobody else got anything.
    let got = tally(&smtp);
    let twice: Vec<_> = got.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent more than once: {twice:?}");
    assert_eq!(got.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert_eq!(smtp.count(), expected_mails);
    assert_eq!(
        store.outbox_stats().await.expect("stats"),
        OutboxStats { pending: 0, sent: expected_mails as i64, failed: 0 }
    );

    // One process ran the day's reminders; both sent mail, so their claims did overlap.
    let by_server = all_ticks(&[&one, &two]);
    let runs: Vec<&Tick> = by_server.iter().flatten().filter(|t| t.reminders_ran).collect();
    assert_eq!(runs.len(), 1, "one daily run in all: {by_server:?}");
    assert_eq!((runs[0].notifications, runs[0].mails_queued), (TARGETS as u64, expected_mails as u64));
    for (name, ticks) in ["one", "two"].iter().zip(&by_server) {
        let sent: u64 = ticks.iter().map(|t| t.mails_sent).sum();
        assert!(sent > 0, "server {name} sent no mail, so nothing was sent concurrently: {by_server:?}");
        assert!(ticks.iter().all(|t| t.mails_failed == 0), "{by_server:?}");
    }
    assert_eq!(by_server.iter().flatten().map(|t| t.mails_sent).sum::<u64>(), expected_mails as u64);

    // The lease only saves work: when a run is done again the same day (an instance stopped
    // between writing and recording its run, and the lease expired), the dedupe keys add nothing.
    store
        .execute_admin("UPDATE job_lease SET last_run_on = NULL WHERE name = 'reminders'")
        .await
        .expect("forget the day's run");
    wait_until("a second daily run", Duration::from_secs(20), async || {
        all_ticks(&[&one, &two]).iter().flatten().filter(|t| t.reminders_ran).count() >= 2
    })
    .await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let by_server = all_ticks(&[&one, &two]);
    let mut runs: Vec<(u64, u64)> =
        by_server.iter().flatten().filter(|t| t.reminders_ran).map(|t| (t.notifications, t.mails_queued)).collect();
    runs.sort();
    assert_eq!(runs, [(0, 0), (TARGETS as u64, expected_mails as u64)], "the second run wrote nothing: {by_server:?}");
    assert_eq!(smtp.count(), expected_mails);
    assert_eq!(
        store.outbox_stats().await.expect("stats"),
        OutboxStats { pending: 0, sent: expected_mails as i64, failed: 0 }
    );
    for unit in targets {
        assert_eq!(store.notifications_of_unit(unit.unit_id()).await.expect("notifications").len(), 1, "{}", unit.name);
    }

    for server in [&one, &two] {
        let r = c.get(format!("{}/healthz", server.url)).send().await.expect("healthz");
        assert_eq!(r.status(), 200);
        server.terminate();
    }
    for server in [&mut one, &mut two] {
        let status = tokio::task::block_in_place(|| server.wait(Duration::from_secs(15)));
        assert_eq!(status.and_then(|s| s.code()), Some(0), "{}", server.log_text());
    }
    store.close().await;
    eprintln!("two servers, {expected_mails} mails, once each, in {:?}", started.elapsed());
}
