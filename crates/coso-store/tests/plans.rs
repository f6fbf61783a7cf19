//! Plans, obligations, submissions, the inbox and the aggregate, on SQLite and PostgreSQL.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::report::SubmissionStatus;
use coso_domain::{EvidenceId, OccurrenceId, SubmissionId, TaskId, TemplateId};
use coso_store::{
    Actor, EvidenceOwner, NewObligation, NewPlan, NewSubmission, NewTask, PlanId, Store, StoreError, UnitRow,
};
use coso_test_support::on_both;
use serde_json::json;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// When the reviews in these tests happen (a fixed time: the store only records it).
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-15T03:00:00Z").expect("time").to_utc()
}

fn actor() -> Actor {
    Actor::system("test")
}

/// Hà Tĩnh and its communes, after loading the official units.
async fn province(store: &Store) -> (UnitRow, Vec<UnitRow>) {
    store.load_official_units(&actor()).await.expect("load");
    let p = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(p.unit_id(), date(2026, 1, 1)).await.expect("communes");
    assert!(communes.len() > 50);
    (p, communes)
}

fn report(receiver: i64, template: Option<i64>) -> NewObligation {
    NewObligation {
        kind: ObligationKind::Report,
        period: Some(ReportPeriod::SixMonth),
        due_date: None,
        due_recurring: Some("06-14".into()),
        receiver_unit_id: receiver,
        template_id: template,
        raw: "Báo cáo kết quả 6 tháng trước ngày 14/6 và cả năm trước ngày 14/12.".into(),
        occurrences: vec![
            (PeriodKey::FirstHalf(2026), Some(date(2026, 6, 14))),
            (PeriodKey::Year(2026), Some(date(2026, 12, 14))),
        ],
    }
}

fn plan_of(unit: &UnitRow, targets: &[UnitRow], template: Option<i64>) -> NewPlan {
    NewPlan {
        unit_id: unit.id,
        parent_plan_id: None,
        issuer: Default::default(),
        agency_template_id: None,
        number: Some("12/KH-UBND".into()),
        issued_on: Some(date(2026, 1, 10)),
        // Decomposed (NFD) on purpose: stored in NFC.
        title: "Ke\u{0302}\u{0301} hoạch thực hiện Luật Dân chủ ở cơ sở năm 2026".into(),
        year: 2026,
        legal_bases: json!([{ "number": "10/2022/QH15" }]),
        sections: json!([{ "heading": "I. MỤC ĐÍCH" }]),
        document: Some(json!({ "kind": "plan" })),
        tasks: vec![
            NewTask {
                text: "Tuyên truyền, phổ biến Luật".into(),
                lead_unit_id: targets.first().map(|u| u.id),
                // The second one twice: stored once.
                partner_unit_ids: targets.iter().skip(1).take(2).chain(targets.get(1)).map(|u| u.id).collect(),
                partner_texts: vec!["Mặt trận Tổ quốc".into()],
                due_date: Some(date(2026, 3, 31)),
                ..Default::default()
            },
            NewTask {
                text: "Sơ kết".into(),
                lead_text: Some("Các phòng chuyên môn".into()),
                due_recurring: Some("12-15".into()),
                ..Default::default()
            },
        ],
        target_unit_ids: targets.iter().map(|u| u.id).collect(),
        obligations: vec![
            NewObligation {
                kind: ObligationKind::ImplementingPlan,
                period: None,
                due_date: Some(date(2026, 2, 15)),
                due_recurring: None,
                receiver_unit_id: unit.id,
                template_id: None,
                raw: "Xây dựng kế hoạch thực hiện trước ngày 15/02/2026.".into(),
                occurrences: vec![(PeriodKey::Once, Some(date(2026, 2, 15)))],
            },
            report(unit.id, template),
        ],
    }
}

fn sending(occurrence_id: i64, unit_id: i64, on: NaiveDate) -> NewSubmission {
    let values = json!({ "hoi_nghi": 4, "y_kien": 12.5 });
    NewSubmission {
        occurrence_id,
        unit_id,
        content: json!({ "values": values, "narrative": "Đã tổ chức hội nghị" }),
        indicator_values: values,
        score: Some(87.5),
        rank: Some("Tốt".into()),
        implementing_plan_id: None,
        submitted_on: on,
        now: now(),
    }
}

async fn audited(store: &Store, entity: &str, action: &str) -> usize {
    let page = store.audit_entries(Some(entity), Some(200)).await.expect("audit");
    page.items.iter().filter(|e| e.action == action).count()
}

fn is_conflict(e: &StoreError, field: &str) -> bool {
    matches!(e, StoreError::Conflict { field: f, .. } if *f == field)
}

async fn templates_seed_once_and_refuse_stale_edits(store: &Store) {
    let def = json!({ "indicators": [{ "code": "hoi_nghi", "label": "Số hội nghị" }] });
    let id =
        store.ensure_report_template("dan-chu-co-so", "Báo cáo dân chủ ở cơ sở", &def, &actor()).await.expect("seed");
    let again =
        store.ensure_report_template("dan-chu-co-so", "Tên khác", &json!({}), &actor()).await.expect("seed again");
    assert_eq!(id, again);
    let t = store.report_template_by_code("dan-chu-co-so").await.expect("q").expect("template");
    assert_eq!((t.version, t.name.as_str(), &t.definition), (1, "Báo cáo dân chủ ở cơ sở", &def));
    let edited = store
        .update_report_template(TemplateId(id), "Báo cáo năm", &json!({ "indicators": [] }), 1, &actor())
        .await
        .expect("edit");
    assert_eq!((edited.version, edited.name.as_str()), (2, "Báo cáo năm"));
    let stale = store.update_report_template(TemplateId(id), "Khác", &json!({}), 1, &actor()).await.expect_err("stale");
    assert!(is_conflict(&stale, "version"), "{stale:?}");
    assert_eq!(store.report_template(TemplateId(id)).await.expect("q").expect("t").name, "Báo cáo năm");
    assert_eq!(store.report_templates().await.expect("all").len(), 1);
    assert_eq!(audited(store, "report_template", "report_template.create").await, 1);
    assert_eq!(audited(store, "report_template", "report_template.update").await, 1);
}

async fn a_plan_is_stored_whole_with_tasks_targets_and_obligations(store: &Store) {
    let (p, communes) = province(store).await;
    let template = store.ensure_report_template("bc", "Báo cáo", &json!({}), &actor()).await.expect("template");
    let PlanId(id) = store.create_plan(&plan_of(&p, &communes, Some(template)), &actor()).await.expect("plan");
    let plan = store.plan(PlanId(id)).await.expect("q").expect("plan");
    assert_eq!(plan.title, "Kế hoạch thực hiện Luật Dân chủ ở cơ sở năm 2026");
    assert_eq!(
        (plan.year, plan.unit_name.as_str(), plan.number.as_deref()),
        (2026, "Tỉnh Hà Tĩnh", Some("12/KH-UBND"))
    );
    assert_eq!(plan.document, Some(json!({ "kind": "plan" })));
    let mut expected: Vec<i64> = communes.iter().map(|u| u.id).collect();
    expected.sort_unstable();
    assert_eq!(store.plan_targets(PlanId(id)).await.expect("targets"), expected);
    let obligations = store.obligations(PlanId(id)).await.expect("obligations");
    assert_eq!(
        obligations.iter().map(|o| (o.kind.as_str(), o.occurrences.len())).collect::<Vec<_>>(),
        [("implementing_plan", 1), ("report", 2)]
    );
    assert_eq!(obligations[1].occurrences[0].period_key, "2026-H1");
    assert_eq!(obligations[1].template_id, Some(template));
    assert_eq!(obligations[1].receiver_unit_name, "Tỉnh Hà Tĩnh");
    let tasks = store.plan_tasks(PlanId(id)).await.expect("tasks");
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].lead_unit_name.as_deref(), Some(communes[0].name.as_str()));
    assert_eq!(tasks[0].partner_unit_ids.len(), 2, "duplicate partners are stored once");
    assert_eq!(tasks[0].partner_texts, ["Mặt trận Tổ quốc"]);
    assert_eq!(
        (tasks[1].lead_text.as_deref(), tasks[1].due_recurring.as_deref()),
        (Some("Các phòng chuyên môn"), Some("12-15"))
    );
    let listed = store.plans_of_unit(p.unit_id(), Some(2026)).await.expect("list");
    assert_eq!((listed.len(), listed[0].target_count), (1, communes.len() as i64));
    assert!(store.plans_of_unit(p.unit_id(), Some(2025)).await.expect("list").is_empty());

    store.update_task(TaskId(tasks[0].id), "in_progress", 40, &actor()).await.expect("progress");
    let bad = store.update_task(TaskId(tasks[0].id), "later", 40, &actor()).await.expect_err("bad status");
    assert!(is_conflict(&bad, "status"));
    store.add_task_note(TaskId(tasks[0].id), "  Đã in tờ rơi  ", &actor()).await.expect("note");
    assert_eq!(store.task_notes(TaskId(tasks[0].id)).await.expect("notes")[0].body, "Đã in tờ rơi");
    let meta = store
        .add_evidence(EvidenceOwner::Task(tasks[0].id), "bien-ban.pdf", "application/pdf", b"abc", &actor())
        .await
        .expect("evidence");
    assert_eq!(meta.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_eq!(store.evidence(EvidenceId(meta.id)).await.expect("q").expect("file").data, b"abc");
    assert_eq!(store.evidence_of_task(TaskId(tasks[0].id)).await.expect("list"), [meta]);
    let huge = vec![0u8; coso_store::MAX_EVIDENCE_BYTES + 1];
    let err = store
        .add_evidence(EvidenceOwner::Task(tasks[0].id), "x.pdf", "application/pdf", &huge, &actor())
        .await
        .expect_err("too big");
    assert!(is_conflict(&err, "file"));
    assert_eq!(store.plan_tasks(PlanId(id)).await.expect("tasks")[0].progress, 40);
    assert_eq!(audited(store, "plan", "plan.create").await, 1);
    assert_eq!(audited(store, "plan_task", "task.update").await, 1);
    assert_eq!(audited(store, "plan_task", "task.note").await, 1);
    assert_eq!(audited(store, "evidence_file", "evidence.add").await, 1);

    // A plan whose target does not exist is not stored at all.
    let mut broken = plan_of(&p, &communes, None);
    broken.target_unit_ids.push(i64::MAX);
    store.create_plan(&broken, &actor()).await.expect_err("unknown target");
    assert_eq!(store.plans_of_unit(p.unit_id(), None).await.expect("list").len(), 1);
}

async fn submissions_follow_submit_return_resubmit_accept(store: &Store) {
    let (p, communes) = province(store).await;
    let PlanId(plan) = store.create_plan(&plan_of(&p, &communes, None), &actor()).await.expect("plan");
    // An undated occurrence of another plan comes last in the inbox.
    let mut other = plan_of(&p, &communes[..1], None);
    other.title = "Ấn định".into();
    other.obligations = vec![NewObligation { occurrences: vec![(PeriodKey::Once, None)], ..report(p.id, None) }];
    store.create_plan(&other, &actor()).await.expect("other plan");
    let (a, b) = (&communes[0], &communes[1]);

    let inbox = store.inbox(a.unit_id(), date(2026, 3, 1)).await.expect("inbox");
    let dues: Vec<Option<NaiveDate>> = inbox.iter().map(|i| i.due_date).collect();
    assert_eq!(dues, [Some(date(2026, 2, 15)), Some(date(2026, 6, 14)), Some(date(2026, 12, 14)), None]);
    assert!(inbox[0].overdue && !inbox[1].overdue);
    assert_eq!(
        (inbox[1].period_key.to_string().as_str(), inbox[1].issuing_unit_name.as_str()),
        ("2026-H1", "Tỉnh Hà Tĩnh")
    );
    assert!(inbox.iter().all(|i| i.status.is_none()));
    let h1 = inbox[1].occurrence_id;
    let whole_year = inbox[2].occurrence_id;
    let implementing = inbox[0].occurrence_id;

    let first = store.submit(&sending(h1, a.id, date(2026, 6, 10)), &actor()).await.expect("submit");
    assert_eq!((first.version, first.status.as_str(), first.first_submitted_on), (1, "submitted", date(2026, 6, 10)));
    assert_eq!(first.indicator_values, json!({ "hoi_nghi": 4, "y_kien": 12.5 }));
    let twice = store.submit(&sending(h1, a.id, date(2026, 6, 11)), &actor()).await.expect_err("still waiting");
    assert!(is_conflict(&twice, "status"), "{twice:?}");
    assert_eq!(store.received(p.unit_id()).await.expect("received").len(), 1);

    let no_reason =
        store.review(SubmissionId(first.id), false, Some("  "), now(), &actor()).await.expect_err("comment needed");
    assert!(is_conflict(&no_reason, "comment"));
    let returned = store
        .review(SubmissionId(first.id), false, Some("Thiếu số liệu hội nghị"), now(), &actor())
        .await
        .expect("return");
    assert_eq!(returned.status, "returned");
    assert!(store.received(p.unit_id()).await.expect("received").is_empty());
    let inbox = store.inbox(a.unit_id(), date(2026, 7, 1)).await.expect("inbox");
    let item = inbox.iter().find(|i| i.occurrence_id == h1).expect("h1");
    assert_eq!(
        (item.status.map(SubmissionStatus::as_str), item.version, item.overdue),
        (Some("returned"), Some(1), true)
    );

    let mut again = sending(h1, a.id, date(2026, 6, 20));
    again.score = Some(91.0);
    let second = store.submit(&again, &actor()).await.expect("resubmit");
    assert_eq!(
        (second.version, second.status.as_str(), second.first_submitted_on),
        (2, "submitted", date(2026, 6, 10))
    );
    let versions = store.submission_versions(SubmissionId(second.id)).await.expect("versions");
    assert_eq!(
        versions.iter().map(|v| (v.version, v.review.map(SubmissionStatus::as_str))).collect::<Vec<_>>(),
        [(1, Some("returned")), (2, None)]
    );
    assert_eq!(versions[0].review_comment.as_deref(), Some("Thiếu số liệu hội nghị"));
    assert_eq!(versions[1].score, Some(91.0));
    let accepted = store.review(SubmissionId(second.id), true, None, now(), &actor()).await.expect("accept");
    assert_eq!(accepted.status, "accepted");
    let late = store.submit(&sending(h1, a.id, date(2026, 6, 21)), &actor()).await.expect_err("accepted is final");
    assert!(is_conflict(&late, "status"));
    let again_review =
        store.review(SubmissionId(second.id), true, None, now(), &actor()).await.expect_err("already reviewed");
    assert!(is_conflict(&again_review, "status"));
    store.submit(&sending(h1, b.id, date(2026, 6, 16)), &actor()).await.expect("b submits");
    store
        .add_evidence(EvidenceOwner::Submission(second.id), "anh.jpg", "image/jpeg", b"jpeg", &actor())
        .await
        .expect("evidence");
    assert_eq!(store.evidence_of_submission(SubmissionId(second.id)).await.expect("list").len(), 1);

    // The implementing plan of a commune is its own plan, pointing to the province's.
    let mut own = plan_of(a, &[], None);
    own.parent_plan_id = Some(plan);
    own.obligations.clear();
    own.tasks.clear();
    let PlanId(own) = store.create_plan(&own, &actor()).await.expect("own plan");
    let children = store.child_plans(PlanId(plan)).await.expect("cascade");
    assert_eq!((children.len(), children[0].unit_name.as_str()), (1, a.name.as_str()));
    let mut sent = sending(implementing, a.id, date(2026, 2, 20));
    sent.implementing_plan_id = Some(own);
    let sent = store.submit(&sent, &actor()).await.expect("implementing plan");
    assert_eq!(sent.implementing_plan_id, Some(own));
    let mut foreign = sending(implementing, b.id, date(2026, 2, 20));
    foreign.implementing_plan_id = Some(own);
    let err = store.submit(&foreign, &actor()).await.expect_err("another unit's plan");
    assert!(is_conflict(&err, "implementing_plan"));

    let rows = store.aggregate(PlanId(plan), OccurrenceId(h1)).await.expect("aggregate");
    assert_eq!(rows.len(), communes.len());
    assert!(rows.windows(2).all(|w| w[0].sort_key <= w[1].sort_key));
    let status_of = |id: i64| rows.iter().find(|r| r.unit_id == id).and_then(|r| r.status);
    assert_eq!(
        (status_of(a.id).map(SubmissionStatus::as_str), status_of(b.id).map(SubmissionStatus::as_str)),
        (Some("accepted"), Some("submitted"))
    );
    assert_eq!(rows.iter().filter(|r| r.status.is_none()).count(), communes.len() - 2);
    let row_a = rows.iter().find(|r| r.unit_id == a.id).expect("a");
    assert_eq!((row_a.version, row_a.first_submitted_on, row_a.score), (Some(2), Some(date(2026, 6, 10)), Some(91.0)));
    let values: serde_json::Value =
        serde_json::from_str(row_a.indicator_values.as_deref().expect("values")).expect("json");
    assert_eq!(values["hoi_nghi"], 4);
    assert!(
        store
            .aggregate(PlanId(plan), OccurrenceId(whole_year))
            .await
            .expect("other period")
            .iter()
            .all(|r| r.status.is_none())
    );
    assert!(
        matches!(store.aggregate(PlanId(own), OccurrenceId(h1)).await, Err(StoreError::NotFound)),
        "occurrence of another plan"
    );

    assert_eq!(audited(store, "submission", "submission.submit").await, 3);
    assert_eq!(audited(store, "submission", "submission.resubmit").await, 1);
    assert_eq!(audited(store, "submission", "submission.return").await, 1);
    assert_eq!(audited(store, "submission", "submission.accept").await, 1);
}

async fn a_unit_outside_the_targets_cannot_submit(store: &Store) {
    let (p, communes) = province(store).await;
    let PlanId(plan) = store.create_plan(&plan_of(&p, &communes[..3], None), &actor()).await.expect("plan");
    let occurrence = store.obligations(PlanId(plan)).await.expect("o")[1].occurrences[0].id;
    let outsider = &communes[3];
    let audit_before = store.audit_entries(None, None).await.expect("audit").total;
    let err =
        store.submit(&sending(occurrence, outsider.id, date(2026, 6, 1)), &actor()).await.expect_err("not a target");
    assert!(is_conflict(&err, "unit"), "{err:?}");
    assert!(store.submission_for(OccurrenceId(occurrence), outsider.unit_id()).await.expect("q").is_none());
    assert_eq!(store.audit_entries(None, None).await.expect("audit").total, audit_before, "nothing written");
    assert!(store.inbox(outsider.unit_id(), date(2026, 1, 1)).await.expect("inbox").is_empty());
    assert!(matches!(
        store.submit(&sending(i64::MAX, communes[0].id, date(2026, 6, 1)), &actor()).await,
        Err(StoreError::NotFound)
    ));
}

on_both! {
    store:
    templates => templates_seed_once_and_refuse_stale_edits,
    plan_stored_whole => a_plan_is_stored_whole_with_tasks_targets_and_obligations,
    submission_lifecycle => submissions_follow_submit_return_resubmit_accept,
    outsider_refused => a_unit_outside_the_targets_cannot_submit,
}
