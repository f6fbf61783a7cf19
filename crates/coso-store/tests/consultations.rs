//! Consultations' storage on SQLite and PostgreSQL: the first comments of each section, one
//! support per account, no comment once closed, answers only to visible unanswered comments of
//! a closed consultation, and a permit of another commune refused.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::consultation::{
    AnswerData, AnswerKind, Audience, ConsultationData, ConsultationStatus, DraftKind, DraftSection,
};
use coso_store::{Actor, NewComment, NewUser, Store, StoreError, UnitRow};
use coso_test_support::on_both;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn actor() -> Actor {
    Actor::system("test")
}

/// Two communes of Hà Tĩnh and a resident account of the first.
async fn fixture(store: &Store) -> (UnitRow, UnitRow, i64, i64) {
    store.load_official_units(&actor()).await.expect("load");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes");
    let mut users = Vec::new();
    for email in ["an@coso.test", "binh@coso.test"] {
        let u = NewUser {
            email: email.into(),
            display_name: "Nguyễn Văn An".into(),
            password_hash: "x".into(),
            grants: vec![(Role::Resident, communes[0].unit_id())],
        };
        users.push(store.create_user(&u, &actor()).await.expect("user").0);
    }
    (communes[0].clone(), communes[1].clone(), users[0], users[1])
}

fn data() -> ConsultationData {
    ConsultationData {
        title: "Dự thảo kế hoạch".into(),
        kind: DraftKind::Plan,
        audience: Audience::Unit,
        villages: vec![],
        opens_on: date(2026, 3, 1),
        closes_on: date(2026, 3, 31),
    }
}

fn comment(section: Option<i64>, author: i64, body: &str) -> NewComment {
    NewComment {
        section_id: section,
        author_id: author,
        author_label: "N.V.A.".into(),
        village_id: None,
        body: body.into(),
    }
}

async fn comments_supports_close_and_answers(store: &Store) {
    let (commune, other, an, binh) = fixture(store).await;
    let permit = authorize(
        &[Grant { role: Role::Official, unit: commune.unit_path() }],
        &commune.unit_path(),
        Action::ManageConsultations,
    )
    .expect("permit");
    let sections = [
        DraftSection { heading: "1. Một".into(), body: "Nội dung một.".into() },
        DraftSection { heading: "2. Hai".into(), body: "Nội dung hai.".into() },
    ];
    let elsewhere = authorize(
        &[Grant { role: Role::Official, unit: other.unit_path() }],
        &other.unit_path(),
        Action::ManageConsultations,
    )
    .expect("permit");
    let refused = store
        .create_consultation(&elsewhere, &commune, &data(), &[], &sections, None, ConsultationStatus::Open, &actor())
        .await;
    assert!(matches!(refused, Err(StoreError::Forbidden)), "another commune's permit");
    let id = store
        .create_consultation(&permit, &commune, &data(), &[], &sections, None, ConsultationStatus::Open, &actor())
        .await
        .expect("created");
    let c = store.consultation(id).await.expect("q").expect("there");
    let rows = store.consultation_sections(id).await.expect("sections");
    assert_eq!(
        rows.iter().map(|r| (r.position, r.heading.as_str())).collect::<Vec<_>>(),
        [(1, "1. Một"), (2, "2. Hai")]
    );

    // 25 comments on section 1, 2 on section 2, 1 on the whole: the head is 20 + 2 + 1.
    let mut ids = Vec::new();
    for n in 0..25 {
        ids.push(
            store
                .add_consultation_comment(
                    &c,
                    &commune,
                    &comment(Some(rows[0].id), an, &format!("Ý kiến {n}")),
                    &actor(),
                )
                .await
                .expect("add")
                .expect("open"),
        );
    }
    for n in 0..2 {
        store
            .add_consultation_comment(&c, &commune, &comment(Some(rows[1].id), binh, &format!("Mục hai {n}")), &actor())
            .await
            .expect("add");
    }
    let whole = store
        .add_consultation_comment(&c, &commune, &comment(None, binh, "Chung"), &actor())
        .await
        .expect("add")
        .expect("open");
    let head = store.consultation_comments_head(id, 20).await.expect("head");
    assert_eq!(head.iter().filter(|r| r.section_id == Some(rows[0].id)).count(), 20);
    assert_eq!(head.iter().filter(|r| r.section_id == Some(rows[1].id)).count(), 2);
    assert_eq!(head.iter().filter(|r| r.section_id.is_none()).count(), 1);
    assert_eq!(
        head.iter().find(|r| r.section_id == Some(rows[0].id)).map(|r| r.id),
        Some(ids[0]),
        "in the order given"
    );
    let counts = store.consultation_comment_counts(id).await.expect("counts");
    assert_eq!(counts.iter().find(|r| r.section_id == Some(rows[0].id)).map(|r| r.comments), Some(25));
    assert_eq!(store.consultation_section_comments(id, None).await.expect("whole").len(), 1);

    // One support per account.
    assert!(store.support_consultation_comment(ids[0], binh).await.expect("support"));
    assert!(!store.support_consultation_comment(ids[0], binh).await.expect("again"));
    assert_eq!(store.consultation_comment(ids[0]).await.expect("q").expect("comment").supports, 1);
    assert_eq!(store.supported_by(id, binh).await.expect("supported"), vec![ids[0]]);

    // Answers wait for the close; a closed consultation takes no comment.
    let answer = AnswerData { comments: vec![whole], kind: AnswerKind::Accepted, reason: None };
    let early = store.answer_consultation_comments(&permit, &commune, id, &answer, &actor()).await;
    assert!(matches!(early, Err(StoreError::Conflict { .. })), "not closed yet");
    let hidden = store.consultation_comment(ids[1]).await.expect("q").expect("comment");
    store.hide_consultation_comment(&permit, &commune, &hidden, "Lặp lại", &actor()).await.expect("hide");
    store
        .move_consultation(&permit, &commune, id, ConsultationStatus::Open, ConsultationStatus::Closed, &actor())
        .await
        .expect("close");
    let late = store.add_consultation_comment(&c, &commune, &comment(None, an, "Muộn"), &actor()).await.expect("late");
    assert_eq!(late, None, "no comment once closed");
    // One audit row a comment kept, naming it, and none for the refused one.
    let audit = store.audit_entries(Some("consultation_comment"), Some(100)).await.expect("audit");
    let mut audited: Vec<i64> = audit
        .items
        .iter()
        .filter(|e| e.action == "consultation.comment")
        .map(|e| e.entity_id.parse().expect("a comment's id"))
        .collect();
    assert_eq!(audited.len(), 28, "25 + 2 + 1 comments kept, and nothing for the refused one");
    audited.sort_unstable();
    audited.dedup();
    assert_eq!(audited.len(), 28, "each comment audited once");
    for comment in audited {
        let row = store.consultation_comment(comment).await.expect("q").expect("the audited comment");
        assert_eq!(row.consultation_id, id);
    }
    let twice = store
        .move_consultation(&permit, &commune, id, ConsultationStatus::Open, ConsultationStatus::Closed, &actor())
        .await;
    assert!(matches!(twice, Err(StoreError::Conflict { .. })));
    let on_hidden = AnswerData { comments: vec![ids[1]], kind: AnswerKind::Accepted, reason: None };
    let refused = store.answer_consultation_comments(&permit, &commune, id, &on_hidden, &actor()).await;
    assert!(matches!(refused, Err(StoreError::Conflict { .. })), "a hidden comment is not answered");
    let visible: Vec<i64> = store
        .consultation_comments(id)
        .await
        .expect("all")
        .into_iter()
        .filter(|r| r.hidden_reason.is_none())
        .map(|r| r.id)
        .collect();
    let (last, rest) = visible.split_last().expect("some");
    let (_, done) = store
        .answer_consultation_comments(
            &permit,
            &commune,
            id,
            &AnswerData { comments: rest.to_vec(), kind: AnswerKind::Accepted, reason: None },
            &actor(),
        )
        .await
        .expect("group answer");
    assert!(!done, "one comment left");
    let (_, done) = store
        .answer_consultation_comments(
            &permit,
            &commune,
            id,
            &AnswerData {
                comments: vec![*last], kind: AnswerKind::NotAccepted, reason: Some("Không phù hợp.".into())
            },
            &actor(),
        )
        .await
        .expect("last answer");
    assert!(done, "every visible comment answered");
    assert_eq!(store.consultation(id).await.expect("q").expect("there").status, ConsultationStatus::Answered);
    assert_eq!(store.consultation_answers(id).await.expect("answers").len(), 2);
}

on_both! {
    store:
    lifecycle => comments_supports_close_and_answers,
}
