//! The API's bodies for cases: what clients send and what they get, apart from the rows.

use chrono::NaiveDate;
use coso_app::cases::{CaseView, DeadlineView, InboxPage, InboxRow, NewCase, SenderInput, TimelineEntry};
use coso_store::{CaseFileMeta, CaseSender};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

/// The sender of a case, as sent; every field may be left out.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct SenderBody {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub id_number: Option<String>,
}

/// A case to register.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CaseCreate {
    /// The code of the unit that must handle it.
    #[serde(default)]
    pub unit: String,
    /// `petition`, `complaint` or `denunciation`.
    #[serde(default)]
    pub kind: String,
    /// `yyyy-mm-dd` or `dd/mm/yyyy`.
    #[serde(default)]
    pub received_on: String,
    #[serde(default)]
    pub content: String,
    /// Default `khac`.
    #[serde(default)]
    pub category: Option<String>,
    /// `web`, `app`, `desk` (default), `letter` or `village_head`.
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub sender: Option<SenderBody>,
    /// A denunciation marked anonymous is recorded as information (TC-2).
    #[serde(default)]
    pub anonymous: bool,
    /// Default: the unit's flag.
    #[serde(default)]
    pub remote: Option<bool>,
    #[serde(default)]
    pub complex: bool,
    /// `normal`, `complex` or `especially_complex`; overrides `complex`.
    #[serde(default)]
    pub complexity: Option<String>,
    /// When the complainant received the contested decision (KN-1).
    #[serde(default)]
    pub decision_received_on: Option<String>,
    #[serde(default)]
    pub crowded: bool,
    #[serde(default)]
    pub over_level: bool,
    /// The sender agrees to publish a petition and its answer.
    #[serde(default)]
    pub publish: bool,
}

impl From<CaseCreate> for NewCase {
    fn from(b: CaseCreate) -> NewCase {
        let s = b.sender.unwrap_or_default();
        NewCase {
            unit: b.unit,
            kind: b.kind,
            received_on: b.received_on,
            content: b.content,
            category: b.category,
            channel: b.channel,
            sender: SenderInput {
                name: s.name,
                address: s.address,
                phone: s.phone,
                email: s.email,
                id_number: s.id_number,
            },
            anonymous: b.anonymous,
            remote: b.remote,
            complex: b.complex,
            complexity: b.complexity,
            decision_received_on: b.decision_received_on,
            crowded: b.crowded,
            over_level: b.over_level,
            publish: b.publish,
        }
    }
}

/// A deadline of a case, counted by the legal calendar.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CaseDeadline)]
pub struct DeadlineBody {
    /// The calendar's rule (`complaint.first`).
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// How it was counted, with the article of law.
    pub explanation: String,
    pub citation: String,
    /// When the step was done.
    pub met_on: Option<NaiveDate>,
}

impl From<DeadlineView> for DeadlineBody {
    fn from(d: DeadlineView) -> Self {
        DeadlineBody {
            rule: d.rule,
            title: d.title,
            due: d.due,
            explanation: d.explanation,
            citation: d.citation,
            met_on: d.met_on,
        }
    }
}

/// One step of a case's timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineBody {
    pub action: String,
    pub label: String,
    pub on: NaiveDate,
    pub note: Option<String>,
    pub actor: String,
    #[schema(schema_with = step_detail)]
    pub detail: serde_json::Value,
}

/// A step's details: their keys depend on the action, so the schema names them without
/// requiring any.
fn step_detail() -> Object {
    let unit = || {
        ObjectBuilder::new()
            .property("code", ObjectBuilder::new().schema_type(Type::String))
            .property("name", ObjectBuilder::new().schema_type(Type::String))
    };
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let number = || ObjectBuilder::new().schema_type(Type::Integer);
    ObjectBuilder::new()
        .schema_type([Type::Object, Type::Null].into_iter().collect::<SchemaType>())
        .description(Some(
            "The details of the step, by its action: the channel and photos of a receipt, the ground \
             of a refusal, the units of a forward, the days of an extension, the rating of an answer…",
        ))
        .property("channel", text())
        .property("photos", number())
        .property("first_case_id", number())
        .property("ground", text())
        .property("ground_label", text())
        .property("from", unit())
        .property("to", unit())
        .property("handler_user_id", number())
        .property("days", number())
        .property("extension", number())
        .property("category", text())
        .property("complexity", text())
        .property("remote", ObjectBuilder::new().schema_type(Type::Boolean))
        .property("rating", number())
        .build()
}

impl From<TimelineEntry> for TimelineBody {
    fn from(t: TimelineEntry) -> Self {
        TimelineBody {
            action: t.action.as_str().to_string(),
            label: t.label.to_string(),
            on: t.on,
            note: t.note,
            actor: t.actor,
            detail: t.detail,
        }
    }
}

/// A case as its handlers read it. `sender` is present only for those entitled to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseBody {
    pub id: i64,
    /// The tracking code, `XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
    /// `petition`, `complaint`, `denunciation` or `information`.
    pub kind: String,
    pub kind_label: String,
    pub status: String,
    pub status_label: String,
    /// The code of the unit that handles it now.
    pub unit: String,
    pub unit_name: String,
    pub channel: String,
    pub category: String,
    pub received_on: NaiveDate,
    pub content: String,
    pub remote: bool,
    pub complexity: String,
    pub crowded: bool,
    pub over_level: bool,
    pub publish: bool,
    /// The e-mail of the official handling it.
    pub handler: Option<String>,
    pub accepted_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub decision_received_on: Option<NaiveDate>,
    /// The first complaint, for a second one.
    pub parent_id: Option<i64>,
    pub instance: i64,
    pub extensions: i64,
    pub public_answer: Option<String>,
    pub rating: Option<i64>,
    pub deadlines: Vec<DeadlineBody>,
    pub timeline: Vec<TimelineBody>,
    /// The files the reader may see.
    pub files: Vec<FileBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<SenderBody>,
}

/// A file of a case, without its bytes.
#[derive(Debug, Serialize, ToSchema)]
pub struct FileBody {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// A scan showing the sender (a denouncer's handwriting).
    pub identity: bool,
    pub public: bool,
}

impl From<CaseFileMeta> for FileBody {
    fn from(f: CaseFileMeta) -> Self {
        FileBody {
            id: f.id,
            file_name: f.file_name,
            content_type: f.content_type,
            size: f.size,
            sha256: f.sha256,
            identity: f.identity,
            public: f.public,
        }
    }
}

fn sender_body(s: CaseSender) -> SenderBody {
    SenderBody { name: s.name, address: s.address, phone: s.phone, email: s.email, id_number: s.id_number }
}

impl From<CaseView> for CaseBody {
    fn from(v: CaseView) -> Self {
        let c = v.case;
        CaseBody {
            id: c.id,
            code: c.code,
            kind: c.kind.as_str().to_string(),
            kind_label: c.kind.label().to_string(),
            status: c.status.as_str().to_string(),
            status_label: c.status.label().to_string(),
            unit: c.unit_code,
            unit_name: c.unit_name,
            channel: c.channel.as_str().to_string(),
            category: c.category,
            received_on: c.received_on,
            content: c.content,
            remote: c.remote,
            complexity: c.complexity.as_str().to_string(),
            crowded: c.crowded,
            over_level: c.over_level,
            publish: c.publish,
            handler: c.handler_email,
            accepted_on: c.accepted_on,
            answered_on: c.answered_on,
            closed_on: c.closed_on,
            decision_received_on: c.decision_received_on,
            parent_id: c.parent_id,
            instance: c.instance,
            extensions: c.extensions,
            public_answer: c.public_answer,
            rating: c.rating,
            deadlines: v.deadlines.into_iter().map(Into::into).collect(),
            timeline: v.timeline.into_iter().map(Into::into).collect(),
            files: v.files.into_iter().map(Into::into).collect(),
            sender: v.sender.map(sender_body),
        }
    }
}

/// One page of a unit's inbox of cases and the number of all its cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseInbox {
    pub items: Vec<CaseInboxRow>,
    pub total: i64,
    /// From 1.
    pub page: i64,
    pub page_size: i64,
}

impl From<InboxPage> for CaseInbox {
    fn from(p: InboxPage) -> Self {
        CaseInbox {
            items: p.items.into_iter().map(CaseInboxRow::from).collect(),
            total: p.total,
            page: p.page,
            page_size: p.page_size,
        }
    }
}

/// One case in the inbox, with the time left or the lateness.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseInboxRow {
    pub id: i64,
    /// The tracking code.
    pub code: String,
    pub kind: String,
    pub kind_label: String,
    pub status: String,
    pub status_label: String,
    pub unit_code: String,
    pub unit_name: String,
    pub category: String,
    pub received_on: NaiveDate,
    /// The due date of the step the case waits for.
    pub due_on: Option<NaiveDate>,
    /// The e-mail of the official handling it.
    pub handler: Option<String>,
    /// Working days from today to the due date.
    pub working_days_left: Option<i64>,
    /// Calendar days past the due date.
    pub days_late: Option<i64>,
    pub overdue: bool,
    /// «Còn 5 ngày làm việc», «Quá hạn 3 ngày», «Hạn là hôm nay», «Không có hạn».
    pub days_text: String,
    /// How the days were counted.
    pub explanation: String,
}

impl From<InboxRow> for CaseInboxRow {
    fn from(r: InboxRow) -> Self {
        CaseInboxRow {
            id: r.id,
            code: r.code,
            kind: r.kind.as_str().to_string(),
            kind_label: r.kind_label.to_string(),
            status: r.status.as_str().to_string(),
            status_label: r.status_label.to_string(),
            unit_code: r.unit_code,
            unit_name: r.unit_name,
            category: r.category,
            received_on: r.received_on,
            due_on: r.due_on,
            handler: r.handler,
            working_days_left: r.working_days_left,
            days_late: r.days_late,
            overdue: r.overdue,
            days_text: r.days_text,
            explanation: r.explanation,
        }
    }
}

/// `{"on": "2024-03-13"}`: the date of the step.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OnBody {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RefuseBody {
    #[serde(default)]
    pub on: String,
    /// `incapacitated`, `disorderly`, `repeated`, `other_legal`, `not_competent`, `not_eligible`.
    #[serde(default)]
    pub ground: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ForwardBody {
    #[serde(default)]
    pub on: String,
    /// The code of the competent unit.
    #[serde(default)]
    pub to_unit: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignBody {
    /// An e-mail or an account id.
    #[serde(default)]
    pub handler: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ExtendBody {
    #[serde(default)]
    pub on: String,
    /// At most 30.
    #[serde(default)]
    pub days: i64,
    /// The number and date of the written decision.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerBody {
    #[serde(default)]
    pub on: String,
    /// What the public tracking page shows.
    #[serde(default)]
    pub public_answer: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CloseBody {
    /// Default: today.
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ReopenBody {
    /// The day the second complaint was received.
    #[serde(default)]
    pub on: String,
    /// Default: the unit above the one that decided.
    #[serde(default)]
    pub to_unit: Option<String>,
}

/// The name and flags of a file sent as the body.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct FileQuery {
    /// The file's name, e.g. `don-to-cao.pdf`; its extension must match the content.
    pub file_name: String,
    /// A scan showing who the sender is (a denouncer's handwriting).
    #[serde(default)]
    pub identity: bool,
    /// Shown with the public answer.
    #[serde(default)]
    pub public: bool,
}
