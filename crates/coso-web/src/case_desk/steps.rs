//! The forms of a case's steps: which fields each step asks for, the step's command built
//! from a posted form, and the use case's errors put back on the step's fields.

use coso_app::cases::CaseCommand;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, RefusalGround};
use coso_store::CaseHandler;

use super::views::Choice;
use crate::views::{ErrorLink, vn_date};

/// How a field of a step is entered.
#[derive(Debug, Clone)]
pub enum FieldKind {
    Date,
    Text,
    Number,
    Textarea,
    Select(Vec<Choice>),
    /// The unit search picker (its hits are the page's).
    UnitPicker,
}

/// One field of a step's form; `id` is also its name (`forward-to_unit`).
#[derive(Debug, Clone)]
pub struct StepField {
    pub id: String,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: String,
    pub kind: FieldKind,
}

/// The form of one step.
#[derive(Debug, Clone)]
pub struct StepForm {
    /// The step's code (`accept`), the form's anchor.
    pub step: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub button: &'static str,
    pub fields: Vec<StepField>,
    /// An error of the step that no field shows (the case's state, …).
    pub error: String,
}

/// The fields a step asks for: (name, label, hint, kind).
fn fields_of(
    step: CaseActionKind,
    handlers: &[CaseHandler],
) -> Vec<(&'static str, &'static str, &'static str, FieldKind)> {
    use CaseActionKind as A;
    let on = ("on", "Ngày thực hiện", "", FieldKind::Date);
    let note = |label| ("note", label, "", FieldKind::Textarea);
    match step {
        A::Accept => vec![on],
        A::Refuse => {
            let grounds = RefusalGround::ALL.into_iter().map(|g| Choice::new(g.as_str(), g.label(), "")).collect();
            vec![
                on,
                ("ground", "Lý do không thụ lý (Điều 9 Luật Tiếp công dân)", "", FieldKind::Select(grounds)),
                note("Ghi chú (không bắt buộc)"),
            ]
        }
        A::Forward => vec![
            on,
            ("to_unit", "Đơn vị có thẩm quyền nhận đơn", "", FieldKind::UnitPicker),
            note("Ghi chú (không bắt buộc)"),
        ],
        A::Assign => {
            let people = handlers
                .iter()
                .map(|h| Choice::new(h.id.to_string(), format!("{} ({})", h.display_name, h.email), ""))
                .collect();
            vec![("handler", "Cán bộ xử lý", "", FieldKind::Select(people))]
        }
        A::RequestVerification => vec![on, note("Nội dung cần xác minh")],
        A::Extend => vec![
            on,
            ("days", "Số ngày gia hạn (tối đa 30)", "", FieldKind::Number),
            (
                "note",
                "Quyết định gia hạn",
                "Số, ngày của quyết định gia hạn giải quyết tố cáo, ví dụ «15/QĐ-UBND ngày 02/12/2026».",
                FieldKind::Text,
            ),
        ],
        A::Answer => vec![
            on,
            (
                "public_answer",
                "Nội dung trả lời, giải quyết",
                "Gửi người gửi đơn và hiện ở trang theo dõi; không ghi thông tin cá nhân.",
                FieldKind::Textarea,
            ),
            note("Ghi chú nội bộ (không công khai)"),
        ],
        A::Close => {
            vec![("on", "Ngày kết thúc", "Để trống: hôm nay.", FieldKind::Date), note("Ghi chú (không bắt buộc)")]
        }
        A::Withdraw => vec![on, note("Ghi chú (không bắt buộc)")],
        A::Reopen => vec![
            ("on", "Ngày nhận đơn khiếu nại lần hai", "", FieldKind::Date),
            (
                "to_unit",
                "Mã đơn vị giải quyết lần hai",
                "Để trống: đơn vị cấp trên của đơn vị đã giải quyết lần đầu.",
                FieldKind::Text,
            ),
        ],
        _ => vec![],
    }
}

fn words(step: CaseActionKind) -> (&'static str, &'static str, &'static str) {
    use CaseActionKind as A;
    match step {
        A::Accept => ("Thụ lý", "Thụ lý đơn để giải quyết; hạn giải quyết được tính từ ngày thụ lý.", "Thụ lý"),
        A::Refuse => ("Không thụ lý", "Không thụ lý đơn, nêu lý do theo quy định.", "Không thụ lý"),
        A::Forward => (
            "Chuyển đơn",
            "Chuyển đơn đến đơn vị có thẩm quyền; người gửi đơn được thông báo (nếu có thư điện tử).",
            "Chuyển đơn",
        ),
        A::Assign => ("Giao người xử lý", "Giao đơn cho một cán bộ của đơn vị.", "Giao"),
        A::RequestVerification => ("Yêu cầu xác minh", "Ghi nhận việc yêu cầu xác minh nội dung đơn.", "Ghi nhận"),
        A::Extend => (
            "Gia hạn giải quyết tố cáo",
            "Mỗi lần gia hạn là một quyết định bằng văn bản (Điều 30 Luật Tố cáo).",
            "Gia hạn",
        ),
        A::Answer => ("Trả lời, giải quyết", "Trả lời người gửi đơn hoặc ban hành quyết định giải quyết.", "Trả lời"),
        A::Close => ("Kết thúc", "Kết thúc đơn đã trả lời hoặc không thụ lý.", "Kết thúc"),
        A::Withdraw => ("Rút đơn", "Ghi nhận người khiếu nại rút đơn (Điều 10 Luật Khiếu nại).", "Ghi nhận rút đơn"),
        A::Reopen => (
            "Khiếu nại lần hai",
            "Tiếp nhận đơn khiếu nại lần hai đối với quyết định giải quyết lần đầu, trong thời hạn luật định.",
            "Tiếp nhận khiếu nại lần hai",
        ),
        _ => ("", "", ""),
    }
}

/// The id of a step's field.
fn field_id(step: CaseActionKind, name: &str) -> String {
    format!("{}-{name}", step.as_str())
}

/// The forms of `steps`, with `typed` values (a refused form) and `errors` (already on the
/// fields' ids); empty forms carry today's date.
pub fn forms(
    steps: &[CaseActionKind],
    handlers: &[CaseHandler],
    typed: &[(String, String)],
    errors: &[ErrorLink],
    today: chrono::NaiveDate,
) -> Vec<StepForm> {
    let posted_step = value(typed, "step");
    steps
        .iter()
        .map(|step| {
            let this = posted_step == step.as_str();
            let (title, intro, button) = words(*step);
            let fields = fields_of(*step, handlers)
                .into_iter()
                .map(|(name, label, hint, kind)| {
                    let id = field_id(*step, name);
                    let value = if this {
                        value(typed, &id).to_string()
                    } else if name == "on" && *step != CaseActionKind::Close {
                        vn_date(today)
                    } else {
                        String::new()
                    };
                    let kind = match kind {
                        FieldKind::Select(choices) => FieldKind::Select(
                            choices.into_iter().map(|c| Choice { selected: c.value == value, ..c }).collect(),
                        ),
                        other => other,
                    };
                    let error = errors.iter().find(|e| e.field == id).map(|e| e.message.clone()).unwrap_or_default();
                    StepField { id, label, hint, value, error, kind }
                })
                .collect();
            let error = errors.iter().find(|e| e.field == step.as_str()).map(|e| e.message.clone()).unwrap_or_default();
            StepForm { step: step.as_str(), title, intro, button, fields, error }
        })
        .collect()
}

fn value<'a>(typed: &'a [(String, String)], name: &str) -> &'a str {
    typed.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn optional(typed: &[(String, String)], id: &str) -> Option<String> {
    Some(value(typed, id).to_string()).filter(|v| !v.trim().is_empty())
}

/// The step a posted form asks for, with its command; `None` for an unknown step.
pub fn command(typed: &[(String, String)]) -> Option<(CaseActionKind, CaseCommand)> {
    let step = value(typed, "step").parse::<CaseActionKind>().ok()?;
    let get = |name: &str| value(typed, &field_id(step, name)).to_string();
    let opt = |name: &str| optional(typed, &field_id(step, name));
    let command = match step {
        CaseActionKind::Accept => CaseCommand::Accept { on: get("on") },
        CaseActionKind::Refuse => CaseCommand::Refuse { on: get("on"), ground: get("ground"), note: opt("note") },
        CaseActionKind::Forward => CaseCommand::Forward { on: get("on"), to_unit: get("to_unit"), note: opt("note") },
        CaseActionKind::Assign => CaseCommand::Assign { handler: get("handler") },
        CaseActionKind::RequestVerification => CaseCommand::RequestVerification { on: get("on"), note: opt("note") },
        CaseActionKind::Extend => {
            // A number that is not one is refused by the use case's range check.
            let days = get("days").trim().parse::<i64>().unwrap_or(0);
            CaseCommand::Extend { on: get("on"), days, note: opt("note") }
        }
        CaseActionKind::Answer => {
            CaseCommand::Answer { on: get("on"), public_answer: opt("public_answer"), note: opt("note") }
        }
        CaseActionKind::Close => CaseCommand::Close { on: opt("on"), note: opt("note") },
        CaseActionKind::Withdraw => CaseCommand::Withdraw { on: get("on"), note: opt("note") },
        CaseActionKind::Reopen => CaseCommand::Reopen { on: get("on"), to_unit: opt("to_unit") },
        _ => return None,
    };
    Some((step, command))
}

/// The use case's errors on the step's fields: a field the step has gets its id, any other
/// (the case's state) goes to the step itself.
pub fn on_fields(step: CaseActionKind, errors: Vec<FieldError>) -> Vec<ErrorLink> {
    let names: Vec<&str> = fields_of(step, &[]).into_iter().map(|(n, ..)| n).collect();
    errors
        .into_iter()
        .map(|e| {
            let field = if names.contains(&e.field) { field_id(step, e.field) } else { step.as_str().into() };
            ErrorLink::new(field, e.message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_posted_refusal_reads_its_own_fields() {
        let posted = typed(&[("step", "refuse"), ("refuse-on", "05/12/2026"), ("refuse-ground", "not_competent")]);
        let Some((step, CaseCommand::Refuse { on, ground, note })) = command(&posted) else { panic!("a refusal") };
        assert_eq!(
            (step, on.as_str(), ground.as_str(), note),
            (CaseActionKind::Refuse, "05/12/2026", "not_competent", None)
        );
        assert!(command(&typed(&[("step", "rate")])).is_none(), "not a desk step");
    }

    #[test]
    fn errors_land_on_the_steps_fields_or_the_step() {
        let errors = vec![FieldError::new("ground", "x"), FieldError::new("status", "y")];
        let fields: Vec<String> = on_fields(CaseActionKind::Refuse, errors).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["refuse-ground", "refuse"]);
    }
}
