//! The reminder job and the outbox on real databases, with a fake SMTP server.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::TimeDelta;
use coso_jobs::{Jobs, JobsConfig, SmtpConfig};
use coso_store::{OutboxStats, Store};
use coso_test_support::smtp::FakeSmtp;
use coso_test_support::{TestDb, on_both};
use support::{date, seed, seed_with, vn};

const FIVE_DAYS: &str = "Còn 5 ngày làm việc: Báo cáo 6 tháng đầu năm 2026 — Kế hoạch 115/KH-UBND, hạn 15/06/2026";
const ONE_DAY: &str = "Còn 1 ngày làm việc: Báo cáo 6 tháng đầu năm 2026 — Kế hoạch 115/KH-UBND, hạn 15/06/2026";
const OVERDUE: &str = "Quá hạn: Báo cáo 6 tháng đầu năm 2026 — Kế hoạch 115/KH-UBND, hạn 15/06/2026";
const A: &str = "an@xa-a.gov.vn";
const B: &str = "binh@xa-b.gov.vn";

fn config(smtp_port: Option<u16>, instance: &str) -> JobsConfig {
    JobsConfig {
        instance: instance.to_string(),
        base_url: Some("https://coso.example.vn".into()),
        smtp: smtp_port.map(|port| SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            from: "Hệ thống coso <khong-tra-loi@coso.example.vn>".into(),
            starttls: false,
            username: None,
            password: None,
        }),
        ..JobsConfig::default()
    }
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

fn once_each(pairs: &[(&str, &str)]) -> BTreeMap<(String, String), usize> {
    pairs.iter().map(|(to, s)| ((to.to_string(), s.to_string()), 1)).collect()
}

// Due Monday 15 June 2026: 5 working days before is Monday 8, 1 before is Friday 12, and
// the first working day after is Tuesday 16.
async fn reminders_come_once_each_and_never_to_a_unit_that_sent(db: &TestDb) {
    let store = &db.store;
    let smtp = FakeSmtp::start(std::time::Duration::ZERO).await;
    let s = seed(store, "2026-06-15").await;
    let jobs = Jobs::new(coso_app::App::new(store.clone()), config(Some(smtp.port), "one")).expect("jobs");

    assert!(jobs.run_once(vn("2026-06-08 06:30")).await.expect("run").is_empty(), "nothing before 07:00");
    let first = jobs.run_once(vn("2026-06-08 08:00")).await.expect("run");
    assert!(first.reminders_ran);
    assert_eq!((first.notifications, first.mails_queued, first.mails_sent, first.mails_failed), (2, 2, 2, 0));
    assert_eq!(tally(&smtp), once_each(&[(A, FIVE_DAYS), (B, FIVE_DAYS)]));
    let mail = smtp.messages().into_iter().find(|m| m.to == [B]).expect("mail to B");
    assert!(mail.data.contains("Content-Type: text/plain; charset=utf-8"), "{}", mail.data);
    assert!(mail.from.contains("khong-tra-loi@coso.example.vn"));
    let body = mail.body();
    assert!(body.starts_with("Kính gửi Đỗ Thị Bình,"), "{body}");
    assert!(body.contains("https://coso.example.vn/quan-tri/hop-thu"), "{body}");

    // The same day again: the run is done; and even without the lease nothing is new.
    assert!(jobs.run_once(vn("2026-06-08 15:00")).await.expect("run").is_empty());
    assert_eq!(jobs.remind(date("2026-06-08"), vn("2026-06-08 15:00")).await.expect("remind"), (0, 0));

    for day in ["2026-06-09", "2026-06-10", "2026-06-11"] {
        let r = jobs.run_once(vn(&format!("{day} 07:30"))).await.expect("run");
        assert_eq!((r.reminders_ran, r.notifications, r.mails_sent), (true, 0, 0), "{day}");
    }
    let friday = jobs.run_once(vn("2026-06-12 07:30")).await.expect("run");
    assert_eq!((friday.notifications, friday.mails_sent), (2, 2));
    assert_eq!(jobs.run_once(vn("2026-06-15 07:30")).await.expect("run").notifications, 0, "nothing on the due date");
    let late = jobs.run_once(vn("2026-06-16 07:30")).await.expect("run");
    assert_eq!((late.notifications, late.mails_sent), (2, 2));
    assert_eq!(jobs.run_once(vn("2026-06-17 07:30")).await.expect("run").notifications, 0);
    assert_eq!(jobs.run_once(vn("2026-06-17 09:30")).await.expect("run").notifications, 0);

    assert_eq!(
        tally(&smtp),
        once_each(&[(A, FIVE_DAYS), (A, ONE_DAY), (A, OVERDUE), (B, FIVE_DAYS), (B, ONE_DAY), (B, OVERDUE)])
    );
    assert_eq!(store.outbox_stats().await.expect("stats"), OutboxStats { pending: 0, sent: 6, failed: 0 });

    // The inbox: each official sees their unit's three notices, newest first.
    let inbox = store.notifications_for_user(s.user_a, true).await.expect("inbox");
    let titles: Vec<&str> = inbox.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, [OVERDUE, ONE_DAY, FIVE_DAYS]);
    assert!(
        inbox
            .iter()
            .all(|n| n.unit_id == s.a.id && n.link == "/quan-tri/hop-thu" && n.occurrence_id == Some(s.occurrence_id))
    );
    assert_eq!(inbox[0].kind, "overdue");
    assert!(
        inbox[0].body.starts_with(&format!("{} chưa gửi báo cáo 6 tháng đầu năm 2026", s.a.name)),
        "{}",
        inbox[0].body
    );
    let b_inbox = store.notifications_for_user(s.user_b, false).await.expect("inbox");
    assert!(
        !store.mark_read(s.user_a, b_inbox[0].id, vn("2026-06-17 10:00")).await.expect("mark"),
        "not A's notification"
    );
    assert!(store.mark_read(s.user_a, inbox[0].id, vn("2026-06-17 10:00")).await.expect("mark"));
    assert!(!store.mark_read(s.user_a, inbox[0].id, vn("2026-06-17 10:01")).await.expect("mark"), "already read");
    assert_eq!(store.notifications_for_user(s.user_a, true).await.expect("inbox").len(), 2);
    assert_eq!(store.notifications_for_user(s.user_a, false).await.expect("inbox").len(), 3);

    // The commune that sent its report hears nothing.
    assert!(store.notifications_for_user(s.user_sent, false).await.expect("inbox").is_empty());
    assert!(store.notifications_of_unit(s.sent.unit_id()).await.expect("unit").is_empty());
    assert!(!tally(&smtp).keys().any(|(to, _)| to == "cuong@xa-c.gov.vn"));
    let open = store.overdue_without_submission(date("2026-06-17")).await.expect("overdue");
    let units: Vec<i64> = open.iter().map(|i| i.unit_id).collect();
    let mut expected = vec![s.a.id, s.b.id];
    expected.sort();
    assert_eq!(units, expected);
    assert_eq!(store.officials_of_unit(s.a.unit_id()).await.expect("officials")[0].email, A);
}

async fn mail_waits_in_the_outbox_until_smtp_is_configured(db: &TestDb) {
    let store = &db.store;
    seed(store, "2026-06-15").await;
    let offline = Jobs::new(coso_app::App::new(store.clone()), config(None, "offline")).expect("jobs");
    let r = offline.run_once(vn("2026-06-08 08:00")).await.expect("run");
    assert_eq!((r.notifications, r.mails_queued, r.mails_sent), (2, 2, 0));
    assert_eq!(store.outbox_stats().await.expect("stats"), OutboxStats { pending: 2, sent: 0, failed: 0 });

    // A server that refuses connections: the mails are kept and retried after a backoff.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let closed_port = closed.local_addr().expect("addr").port();
    drop(closed);
    let down = Jobs::new(coso_app::App::new(store.clone()), config(Some(closed_port), "down")).expect("jobs");
    let r = down.run_once(vn("2026-06-08 08:05")).await.expect("run");
    assert_eq!((r.mails_sent, r.mails_failed), (0, 2));
    assert_eq!(store.outbox_stats().await.expect("stats").pending, 2);

    let smtp = FakeSmtp::start(std::time::Duration::ZERO).await;
    let online = Jobs::new(coso_app::App::new(store.clone()), config(Some(smtp.port), "online")).expect("jobs");
    let too_soon = online.run_once(vn("2026-06-08 08:05") + TimeDelta::seconds(30)).await.expect("run");
    assert_eq!(too_soon.mails_sent, 0, "the retry waits for its backoff");
    let r = online.run_once(vn("2026-06-08 08:07")).await.expect("run");
    assert!(!r.reminders_ran, "the day's run was done by the first instance");
    assert_eq!(r.mails_sent, 2);
    assert_eq!(tally(&smtp), once_each(&[(A, FIVE_DAYS), (B, FIVE_DAYS)]));
    assert_eq!(store.outbox_stats().await.expect("stats"), OutboxStats { pending: 0, sent: 2, failed: 0 });
}

/// Two instances (two stores, two pools) on one database tick together through ten days,
/// each also recomputing the reminders without the lease: every reminder reaches the SMTP
/// server once and every notification is stored once.
async fn two_instances_send_every_reminder_once(db: &TestDb) {
    // 30 more communes: batches of mail large enough for both instances to claim at once.
    let s = seed_with(&db.store, "2026-06-15", 30).await;
    let smtp = FakeSmtp::start(std::time::Duration::ZERO).await;
    let barrier = Arc::new(tokio::sync::Barrier::new(2));
    let mut tasks = Vec::new();
    for name in ["instance-one", "instance-two"] {
        let store = Store::connect(&db.url).await.expect("second pool");
        let jobs = Jobs::new(coso_app::App::new(store), config(Some(smtp.port), name)).expect("jobs");
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            let start = vn("2026-06-07 07:10");
            let mut ran = 0;
            for i in 0..20 {
                // Both instances see the same clock, as two servers do.
                barrier.wait().await;
                let now = start + TimeDelta::hours(12 * i);
                ran += u32::from(jobs.run_once(now).await.expect("run").reminders_ran);
                let today = (now + TimeDelta::hours(7)).date_naive();
                jobs.remind(today, now).await.expect("remind");
                jobs.run_once(now).await.expect("run");
            }
            ran
        }));
    }
    let mut runs = 0;
    for t in tasks {
        runs += t.await.expect("task");
    }
    assert_eq!(runs, 10, "one daily run per day across both instances");
    let mut expected: Vec<(String, &str)> = Vec::new();
    for to in [A.to_string(), B.to_string()].into_iter().chain((0..30).map(|i| format!("official{i}@xa.gov.vn"))) {
        for subject in [FIVE_DAYS, ONE_DAY, OVERDUE] {
            expected.push((to.clone(), subject));
        }
    }
    let expected: Vec<(&str, &str)> = expected.iter().map(|(to, s)| (to.as_str(), *s)).collect();
    assert_eq!(tally(&smtp), once_each(&expected));
    assert_eq!(smtp.messages().len(), 32 * 3);
    for unit in [&s.a, &s.b] {
        let titles: Vec<String> =
            db.store.notifications_of_unit(unit.unit_id()).await.expect("unit").into_iter().map(|n| n.title).collect();
        assert_eq!(titles, [OVERDUE, ONE_DAY, FIVE_DAYS]);
    }
    assert!(db.store.notifications_of_unit(s.sent.unit_id()).await.expect("unit").is_empty());
    assert_eq!(db.store.outbox_stats().await.expect("stats"), OutboxStats { pending: 0, sent: 96, failed: 0 });
}

on_both! {
    db:
    reminders_once_each => reminders_come_once_each_and_never_to_a_unit_that_sent,
    outbox_without_smtp => mail_waits_in_the_outbox_until_smtp_is_configured,
    two_instances => two_instances_send_every_reminder_once,
}
