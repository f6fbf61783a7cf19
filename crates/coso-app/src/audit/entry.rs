//! One audit entry as a reader sees it: local time, the person, the act and its object in
//! words, and the fields it changed.

use coso_store::AuditListed;
use serde_json::Value;

use super::labels::{action_label, entity_label, field_label, kind_of};

/// One field of an entry's details: its value before (for a change) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// An entry of the log, in words.
#[derive(Debug, Clone)]
pub struct AuditLine {
    pub id: i64,
    /// `dd/mm/yyyy HH:MM` in Vietnam.
    pub when: String,
    /// The name and e-mail of the person, or the system's label.
    pub person: String,
    pub action: String,
    pub kind: &'static str,
    /// «Hộ gia đình 18406-T99 (Thôn Đông)».
    pub object: String,
    pub changes: Vec<FieldChange>,
}

impl AuditLine {
    pub fn of(e: &AuditListed) -> AuditLine {
        let at = e.at.with_timezone(&coso_domain::clock::VIETNAM);
        AuditLine {
            id: e.id,
            when: at.format("%d/%m/%Y %H:%M").to_string(),
            person: person(e),
            action: action_label(&e.action),
            kind: kind_of(&e.action).label(),
            object: object(e),
            changes: changes(e.before_json.as_deref(), e.after_json.as_deref()),
        }
    }

    /// The details on one line, for the CSV file: «Trạng thái: Chờ duyệt → Đã tiếp nhận; …».
    pub fn changes_text(&self) -> String {
        self.changes.iter().map(FieldChange::text).collect::<Vec<_>>().join("; ")
    }
}

impl FieldChange {
    pub fn text(&self) -> String {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => format!("{}: {b} → {a}", self.field),
            (Some(b), None) => format!("{}: {b} → (bỏ trống)", self.field),
            (None, Some(a)) => format!("{}: {a}", self.field),
            (None, None) => self.field.clone(),
        }
    }
}

fn person(e: &AuditListed) -> String {
    if let Some(rest) = e.actor.strip_prefix("system:") {
        return format!("Hệ thống ({rest})");
    }
    match &e.actor_name {
        Some(name) if !name.is_empty() => format!("{name} ({})", e.actor),
        _ => e.actor.clone(),
    }
}

fn object(e: &AuditListed) -> String {
    let mut text = format!("{} {}", entity_label(&e.entity), e.entity_id);
    if let Some(name) = &e.unit_name {
        text.push_str(&format!(" ({name})"));
    }
    text
}

/// The fields of the state before and after: those that changed, with both values, and
/// those only recorded after (a creation, the query of a read). Unchanged fields are left out.
fn changes(before: Option<&str>, after: Option<&str>) -> Vec<FieldChange> {
    let parse = |s: Option<&str>| s.and_then(|s| serde_json::from_str::<Value>(s).ok());
    let (before, after) = (parse(before), parse(after));
    let mut out = Vec::new();
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            for (k, av) in &a {
                let bv = b.get(k);
                if bv != Some(av) {
                    out.push(FieldChange {
                        field: field_label(k),
                        before: bv.map(|v| shown_field(k, v)),
                        after: Some(shown_field(k, av)),
                    });
                }
            }
            for (k, bv) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                out.push(FieldChange { field: field_label(k), before: Some(shown_field(k, bv)), after: None });
            }
        }
        (None, Some(Value::Object(a))) => {
            out.extend(a.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| FieldChange {
                field: field_label(k),
                before: None,
                after: Some(shown_field(k, v)),
            }));
        }
        (before, after) => {
            if let Some(v) = after.as_ref().filter(|v| !v.is_null()) {
                out.push(FieldChange {
                    field: "Sau thay đổi".into(),
                    before: before.as_ref().map(shown),
                    after: Some(shown(v)),
                });
            } else if let Some(b) = before.filter(|v| !v.is_null()) {
                out.push(FieldChange { field: "Trước thay đổi".into(), before: Some(shown(&b)), after: None });
            }
        }
    }
    out
}

/// A field's value in words: a stored code (a status, a role, a unit's or a case's kind, a
/// case's channel or refusal ground) by its Vietnamese name, anything else as [`shown`] says.
fn shown_field(key: &str, v: &Value) -> String {
    use coso_domain::authz::Role;
    use coso_domain::plan::TaskStatus;
    use coso_domain::reception;
    use coso_domain::report::SubmissionStatus;
    use coso_domain::unit::UnitKind;
    let Value::String(code) = v else { return shown(v) };
    use coso_domain::case::{CaseKind, CaseStatus, Channel, RefusalGround};
    let label = match key {
        "status" => SubmissionStatus::parse(code)
            .map(SubmissionStatus::label)
            .or(TaskStatus::parse(code).map(TaskStatus::label))
            .or(code.parse::<CaseStatus>().ok().map(CaseStatus::label)),
        "role" => Role::parse(code).map(Role::label),
        "kind" => UnitKind::parse(code)
            .map(UnitKind::label)
            .or(code.parse().ok().map(reception::ScheduleKind::label))
            .or(code.parse().ok().map(reception::SessionKind::label))
            .or(code.parse::<CaseKind>().ok().map(CaseKind::label)),
        "part" => code.parse().ok().map(reception::PartOfDay::label),
        "receiver" => code.parse().ok().map(reception::Receiver::label),
        "outcome" => code.parse().ok().map(reception::Outcome::label),
        "refusal_ground" => code.parse().ok().map(reception::RefusalGround::label),
        "channel" => code.parse::<Channel>().ok().map(Channel::label),
        "ground" => code.parse::<RefusalGround>().ok().map(RefusalGround::label),
        _ => None,
    };
    label.map_or_else(|| shown(v), str::to_string)
}

/// A value in words: text as is, nothing as «(trống)», a list or an object by its size.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "(trống)".into(),
        Value::Bool(true) => "có".into(),
        Value::Bool(false) => "không".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => date_text(s).unwrap_or_else(|| clipped(s)),
        Value::Array(items) => format!("{} mục", items.len()),
        Value::Object(fields) => format!("{} trường", fields.len()),
    }
}

/// An ISO date as `dd/mm/yyyy`, the way pages show dates.
fn date_text(s: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|d| d.format("%d/%m/%Y").to_string())
}

/// Long texts (a note, a template) are cut: the log says that they changed, not all of them.
fn clipped(s: &str) -> String {
    const MAX: usize = 120;
    if s.chars().count() > MAX { format!("{}…", s.chars().take(MAX).collect::<String>()) } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_lists_the_changed_fields_before_and_after() {
        let c = changes(
            Some(r#"{"status":"submitted","version":2}"#),
            Some(r#"{"status":"accepted","version":2,"comment":null}"#),
        );
        let texts: Vec<String> = c.iter().map(FieldChange::text).collect();
        assert_eq!(texts.len(), 2, "the unchanged version is left out: {texts:?}");
        assert!(
            texts.contains(&"Trạng thái: Chờ xem xét → Đã chấp nhận".to_string()),
            "a status by its name: {texts:?}"
        );
        assert!(texts.contains(&"Ý kiến: (trống)".to_string()), "{texts:?}");
    }

    #[test]
    fn a_creation_lists_its_fields_with_dates_day_first() {
        let c = changes(None, Some(r#"{"name":"Thôn Đông","valid_from":"2026-07-01","valid_to":null}"#));
        let texts: Vec<String> = c.iter().map(FieldChange::text).collect();
        assert_eq!(texts.len(), 2, "empty fields are left out: {texts:?}");
        assert!(
            texts.contains(&"Tên: Thôn Đông".to_string()) && texts.contains(&"Hiệu lực từ: 01/07/2026".to_string()),
            "{texts:?}"
        );
    }

    #[test]
    fn a_reception_entry_shows_its_codes_by_name() {
        let c = changes(
            None,
            Some(
                r#"{"kind":"regular","receiver":"vice_chairman","held_on":"2026-07-09","outcome":"refused","refusal_ground":"repeated","part":"morning"}"#,
            ),
        );
        let texts: Vec<String> = c.iter().map(FieldChange::text).collect();
        for want in [
            "Loại: Định kỳ",
            "Người tiếp: Phó Chủ tịch",
            "Ngày tiếp: 09/07/2026",
            "Kết quả: Từ chối tiếp (Điều 9)",
            "Buổi: Buổi sáng",
        ] {
            assert!(texts.contains(&want.to_string()), "{want}: {texts:?}");
        }
    }
}
