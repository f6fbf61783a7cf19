//! What an official types to register a case, and its checks. Every refusal names its field
//! in Vietnamese; nothing is saved while one remains.

use chrono::NaiveDate;
use coso_domain::FieldError;
use coso_domain::case::{CaseKind, Channel, Complexity};
use coso_domain::field;
use coso_store::CaseSender;
use serde::Deserialize;

/// The longest content a case may have, in characters.
pub const MAX_CONTENT_CHARS: usize = 20_000;
/// The category of a case registered without one.
pub const DEFAULT_CATEGORY: &str = "khac";

/// Who sent a case, as typed; every field may be empty.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SenderInput {
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

/// A case as an official registers it, fields as typed.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    /// The code of the unit that must handle it.
    pub unit: String,
    /// `petition`, `complaint` or `denunciation`.
    pub kind: String,
    pub received_on: String,
    pub content: String,
    /// Default `khac`.
    pub category: Option<String>,
    /// Default `desk`.
    pub channel: Option<String>,
    pub sender: SenderInput,
    /// The sender does not give their identity (a denunciation becomes information).
    pub anonymous: bool,
    /// Default: the unit's own flag.
    pub remote: Option<bool>,
    pub complex: bool,
    /// `normal`, `complex` or `especially_complex`; overrides `complex` when given.
    pub complexity: Option<String>,
    /// When the complainant received the contested decision (KN-1).
    pub decision_received_on: Option<String>,
    pub crowded: bool,
    pub over_level: bool,
    /// The sender agrees that the petition and its answer are published.
    pub publish: bool,
}

/// A case that passed the checks that need nothing stored.
#[derive(Debug, Clone)]
pub(crate) struct CheckedCase {
    pub kind: CaseKind,
    pub received_on: NaiveDate,
    pub content: String,
    pub category: String,
    pub channel: Channel,
    pub sender: CaseSender,
    pub complexity: Complexity,
    pub decision_received_on: Option<NaiveDate>,
    pub crowded: bool,
    pub over_level: bool,
    /// Only a petition is published, with the sender's agreement.
    pub publish: bool,
}

fn cleaned(raw: &Option<String>) -> Option<String> {
    raw.as_deref().map(coso_text::clean).filter(|s| !s.is_empty())
}

impl SenderInput {
    pub(crate) fn cleaned(&self) -> CaseSender {
        CaseSender {
            name: cleaned(&self.name),
            address: cleaned(&self.address),
            phone: cleaned(&self.phone),
            email: cleaned(&self.email).map(|e| e.to_lowercase()),
            id_number: cleaned(&self.id_number),
        }
    }
}

/// The content, cleaned, or why not.
pub(crate) fn content(raw: &str) -> Result<String, FieldError> {
    let content = coso_text::clean(raw);
    let length = content.chars().count();
    if content.is_empty() {
        Err(FieldError::new("content", "Hãy nhập nội dung đơn."))
    } else if length > MAX_CONTENT_CHARS {
        Err(FieldError::new(
            "content",
            format!("Nội dung đơn dài {length} ký tự, quá giới hạn {MAX_CONTENT_CHARS} ký tự."),
        ))
    } else {
        Ok(content)
    }
}

/// A date an action happened on: a valid date, not after today, not before `not_before`.
pub(crate) fn action_date(
    raw: &str,
    today: NaiveDate,
    not_before: NaiveDate,
    field_name: &'static str,
) -> Result<NaiveDate, FieldError> {
    let on = field::date(field_name, "Ngày thực hiện", raw)?;
    if on > today {
        Err(FieldError::new(field_name, "Ngày thực hiện không được sau ngày hôm nay."))
    } else if on < not_before {
        Err(FieldError::new(
            field_name,
            format!("Ngày thực hiện không được trước ngày {}.", coso_calendar::format_vn(not_before)),
        ))
    } else {
        Ok(on)
    }
}

impl NewCase {
    /// Checks what needs nothing stored; `today` bounds the receipt date.
    pub(crate) fn check(&self, today: NaiveDate) -> Result<CheckedCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = match self.kind.trim().parse::<CaseKind>() {
            Ok(CaseKind::Information) | Err(_) => {
                errors.push(FieldError::new(
                    "kind",
                    format!(
                        "«{}» không phải là loại đơn hợp lệ: hãy chọn phản ánh, kiến nghị (petition), khiếu nại (complaint) hoặc tố cáo (denunciation).",
                        self.kind.trim()
                    ),
                ));
                None
            }
            Ok(kind) => Some(kind),
        };
        let received_on = match field::date("received_on", "Ngày tiếp nhận", &self.received_on) {
            Ok(d) if d > today => {
                errors.push(FieldError::new(
                    "received_on",
                    format!(
                        "Ngày tiếp nhận {} ở sau ngày hôm nay ({}).",
                        coso_calendar::format_vn(d),
                        coso_calendar::format_vn(today)
                    ),
                ));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let content = content(&self.content).map_err(|e| errors.push(e)).ok();
        let channel = match self.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => Some(Channel::Desk),
            Some(c) => c
                .parse::<Channel>()
                .map_err(|e| errors.push(FieldError::new("channel", format!("Kênh tiếp nhận: {e}"))))
                .ok(),
        };
        let complexity = match self.complexity.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None if self.complex => Some(Complexity::Complex),
            None => Some(Complexity::Normal),
            Some(c) => c
                .parse::<Complexity>()
                .map_err(|e| errors.push(FieldError::new("complexity", format!("Mức độ phức tạp: {e}"))))
                .ok(),
        };
        let decision_received_on = self
            .decision_received_on
            .as_deref()
            .map(|raw| field::optional_date("decision_received_on", "Ngày nhận quyết định bị khiếu nại", raw))
            .transpose()
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .flatten();
        if let (Some(decided), Some(received)) = (decision_received_on, received_on)
            && decided > received
        {
            errors.push(FieldError::new(
                "decision_received_on",
                "Ngày nhận quyết định bị khiếu nại không được sau ngày tiếp nhận đơn.",
            ));
        }
        let sender = if self.anonymous { CaseSender::default() } else { self.sender.cleaned() };
        // A denunciation without the denouncer's name and address is information (TC-2).
        let kind = kind.map(|k| match k {
            CaseKind::Denunciation if self.anonymous || (sender.name.is_none() && sender.address.is_none()) => {
                CaseKind::Information
            }
            other => other,
        });
        if kind == Some(CaseKind::Complaint) || kind == Some(CaseKind::Denunciation) {
            if self.anonymous {
                errors.push(FieldError::new("anonymous", "Đơn khiếu nại phải ghi rõ họ tên, địa chỉ người khiếu nại."));
            } else {
                if sender.name.is_none() {
                    errors.push(FieldError::new("sender.name", "Hãy nhập họ và tên người gửi đơn."));
                }
                if sender.address.is_none() {
                    errors.push(FieldError::new("sender.address", "Hãy nhập địa chỉ người gửi đơn."));
                }
            }
        }
        if let Some(email) = &sender.email
            && !email.contains('@')
        {
            errors.push(FieldError::new("sender.email", format!("«{email}» không phải là địa chỉ thư điện tử.")));
        }
        let category = cleaned(&self.category).unwrap_or_else(|| DEFAULT_CATEGORY.to_string());
        match (kind, received_on, content, channel, complexity) {
            (Some(kind), Some(received_on), Some(content), Some(channel), Some(complexity)) if errors.is_empty() => {
                Ok(CheckedCase {
                    kind,
                    received_on,
                    content,
                    category,
                    channel,
                    sender,
                    complexity,
                    decision_received_on,
                    crowded: self.crowded,
                    over_level: self.over_level,
                    publish: self.publish && kind == CaseKind::Petition,
                })
            }
            _ => Err(errors),
        }
    }
}
