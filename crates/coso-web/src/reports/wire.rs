//! The API's view of a unit's inbox, of submissions and of notifications: separate from the
//! use cases' types and the storage rows.

use chrono::{DateTime, NaiveDate, Utc};
use coso_app::reports::InboxEntry;
use coso_store::{NotificationRow, SubmissionRow, VersionRow};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};

/// A report or an implementing plan the unit must send, with the time left.
#[derive(Serialize, ToSchema)]
pub struct DueReport {
    pub occurrence_id: i64,
    pub plan_id: i64,
    pub plan_label: String,
    /// The issuing unit's name.
    pub issuer: String,
    /// `report` or `implementing_plan`.
    pub kind: String,
    /// The report's period; null for an implementing plan.
    pub period: Option<String>,
    /// `2026`, `2026-H1`, `2026-9M`, `2026-Q1` or `2026-05`.
    pub period_key: String,
    /// «Báo cáo 6 tháng đầu năm 2026», «Kế hoạch thực hiện».
    pub what: String,
    pub due: Option<NaiveDate>,
    /// Working days from today to the due date; negative once past it.
    pub working_days_left: Option<i64>,
    /// Calendar days past the due date.
    pub days_late: Option<i64>,
    pub overdue: bool,
    /// «Còn 5 ngày làm việc», «Quá hạn 3 ngày», «Hạn hôm nay», «Không ghi hạn».
    pub days_text: String,
    /// How the count was made: the days not counted and why.
    pub explanation: String,
    /// The name of the unit the report goes to.
    pub receiver: String,
    pub submission_id: Option<i64>,
    /// Null when not sent yet.
    pub submission_status: Option<String>,
    pub submission_version: Option<i64>,
}

impl From<InboxEntry> for DueReport {
    fn from(e: InboxEntry) -> Self {
        DueReport {
            occurrence_id: e.occurrence_id,
            plan_id: e.plan_id,
            plan_label: e.plan_label,
            issuer: e.issuer,
            kind: e.kind.as_str().to_string(),
            period: e.period.map(|p| p.as_str().to_string()),
            period_key: e.period_key.to_string(),
            what: e.what,
            due: e.due,
            working_days_left: e.working_days_left,
            days_late: e.days_late,
            overdue: e.overdue,
            days_text: e.days_text,
            explanation: e.explanation,
            receiver: e.receiver,
            submission_id: e.submission_id,
            submission_status: e.submission_status.map(|s| s.as_str().to_string()),
            submission_version: e.submission_version,
        }
    }
}

/// A submission as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct Submission {
    pub id: i64,
    pub occurrence_id: i64,
    pub unit_code: String,
    /// `submitted`, `accepted` or `returned`.
    pub status: String,
    pub version: i64,
    pub first_submitted_on: String,
    pub score: Option<f64>,
    pub rank: Option<String>,
}

pub fn submission_wire(row: SubmissionRow, unit_code: &str) -> Submission {
    Submission {
        id: row.id,
        occurrence_id: row.occurrence_id,
        unit_code: unit_code.to_string(),
        status: row.status.to_string(),
        version: row.version,
        first_submitted_on: row.first_submitted_on.to_string(),
        score: row.score,
        rank: row.rank,
    }
}

/// A submission with every kept version, first first.
#[derive(Serialize, ToSchema)]
pub struct SubmissionDetail {
    pub submission: Submission,
    pub plan_id: i64,
    /// The period of the occurrence it answers.
    pub period_key: String,
    pub versions: Vec<SubmissionVersion>,
}

/// One version of a submission, with its review once there is one.
#[derive(Serialize, ToSchema)]
pub struct SubmissionVersion {
    pub id: i64,
    pub submission_id: i64,
    pub version: i64,
    #[schema(schema_with = version_content)]
    pub content: serde_json::Value,
    pub score: Option<f64>,
    pub rank: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: String,
    /// `accepted` or `returned`; null while waiting.
    pub review: Option<String>,
    pub review_comment: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub reviewed_by: Option<String>,
}

impl From<VersionRow> for SubmissionVersion {
    fn from(v: VersionRow) -> Self {
        SubmissionVersion {
            id: v.id,
            submission_id: v.submission_id,
            version: v.version,
            content: v.content,
            score: v.score,
            rank: v.rank,
            submitted_at: v.submitted_at,
            submitted_by: v.submitted_by,
            review: v.review.map(|r| r.as_str().to_string()),
            review_comment: v.review_comment,
            reviewed_at: v.reviewed_at,
            reviewed_by: v.reviewed_by,
        }
    }
}

/// What a version says: a report, or the unit's implementing plan.
fn version_content() -> Object {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let score = ObjectBuilder::new()
        .property("code", text())
        .property("points", ObjectBuilder::new().schema_type(Type::Number))
        .property("evidence", text())
        .required("code")
        .required("points");
    ObjectBuilder::new()
        .description(Some(
            "A report: `indicators` (indicator code → number), `narrative` (section code → text) and \
             `assessment` (one score per criterion). An implementing plan: `implementing_plan_id`, \
             `title` and `number`.",
        ))
        .property(
            "indicators",
            ObjectBuilder::new().additional_properties(Some(ObjectBuilder::new().schema_type(Type::Number))),
        )
        .property("narrative", ObjectBuilder::new().additional_properties(Some(text())))
        .property("assessment", ArrayBuilder::new().items(score))
        .property("implementing_plan_id", ObjectBuilder::new().schema_type(Type::Integer))
        .property("title", text())
        .property(
            "number",
            ObjectBuilder::new().schema_type([Type::String, Type::Null].into_iter().collect::<SchemaType>()),
        )
        .build()
}

/// A notification: a reminder, an overdue notice, a household link decided.
#[derive(Serialize, ToSchema)]
pub struct Notification {
    pub id: i64,
    pub unit_id: i64,
    /// The account it is addressed to; null for one addressed to the unit's officials.
    pub user_id: Option<i64>,
    /// `reminder`, `overdue` or `household_link`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// The page it is about.
    pub link: String,
    pub occurrence_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    /// The key that keeps it from being sent twice.
    pub dedupe_key: String,
}

impl From<NotificationRow> for Notification {
    fn from(n: NotificationRow) -> Self {
        Notification {
            id: n.id,
            unit_id: n.unit_id,
            user_id: n.user_id,
            kind: n.kind.as_str().to_string(),
            title: n.title,
            body: n.body,
            link: n.link,
            occurrence_id: n.occurrence_id,
            created_at: n.created_at,
            read_at: n.read_at,
            dedupe_key: n.dedupe_key,
        }
    }
}
