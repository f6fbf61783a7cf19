//! A visit received at a session: who came (personal data), how many, what about and the outcome.

use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{Outcome, RefusalGround};
use crate::field::{self, Errors, FieldError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitData {
    /// The visitor, or the representatives of a group.
    pub visitor_names: String,
    pub people_count: i64,
    /// A crowded visit (*đông người*): a group on the same matter.
    pub crowded: bool,
    pub address: String,
    pub content: String,
    pub outcome: Outcome,
    /// The Art. 9 ground of a refusal, and only of a refusal.
    pub refusal_ground: Option<RefusalGround>,
    pub note: Option<String>,
}

/// A visit as typed; `crowded` is a checkbox (present when ticked).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct VisitInput {
    #[serde(default)]
    pub visitor_names: String,
    #[serde(default)]
    pub people_count: String,
    #[serde(default)]
    pub crowded: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub refusal_ground: String,
    #[serde(default)]
    pub note: String,
}

fn people_count(raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim();
    match v.parse::<i64>() {
        Ok(n) if (1..=1000).contains(&n) => Ok(n),
        _ if v.is_empty() => Err(FieldError::new("people_count", "Số người không được để trống.")),
        _ => Err(FieldError::new("people_count", format!("Số người phải là số nguyên từ 1 đến 1000 (đang là «{v}»)."))),
    }
}

impl VisitData {
    pub fn parse(input: &VisitInput) -> Result<VisitData, Vec<FieldError>> {
        let mut e = Errors::default();
        let visitor_names =
            e.take(field::required_text("visitor_names", "Họ tên người đến", &input.visitor_names, 300));
        let people_count = e.take(people_count(&input.people_count));
        let crowded = !input.crowded.trim().is_empty();
        let address = e.take(field::required_text("address", "Địa chỉ", &input.address, 300));
        let content = e.take(field::required_text("content", "Nội dung", &input.content, 4000));
        let outcome: Option<Outcome> = e.take(parse_code("outcome", "Kết quả", &input.outcome));
        let refusal_ground = match outcome {
            Some(Outcome::Refused) => {
                e.take(parse_code("refusal_ground", "Lý do từ chối", &input.refusal_ground).map_err(|_| {
                    FieldError::new("refusal_ground", "Từ chối tiếp phải nêu một lý do của Điều 9 Luật Tiếp công dân.")
                }))
            }
            _ => None,
        };
        let note = e.take(field::optional_text("note", "Ghi chú", &input.note, 1000)).flatten();
        if crowded && people_count.is_some_and(|n| n < 2) {
            e.push(FieldError::new("people_count", "Đoàn đông người phải có từ 2 người trở lên."));
        }
        match (visitor_names, people_count, address, content, outcome) {
            (Some(visitor_names), Some(people_count), Some(address), Some(content), Some(outcome)) if e.is_empty() => {
                Ok(VisitData { visitor_names, people_count, crowded, address, content, outcome, refusal_ground, note })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> VisitInput {
        VisitInput {
            visitor_names: "Trần Thị Hoa".into(),
            people_count: "1".into(),
            address: "Thôn Một".into(),
            content: "Hỏi về cấp giấy chứng nhận quyền sử dụng đất".into(),
            outcome: "guided".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_refusal_needs_an_article_9_ground_and_only_a_refusal_keeps_one() {
        let errs = VisitData::parse(&VisitInput { outcome: "refused".into(), ..input() }).expect_err("no ground");
        assert_eq!(errs[0].field, "refusal_ground");
        assert!(errs[0].message.contains("Điều 9"));
        let refused =
            VisitData::parse(&VisitInput { outcome: "refused".into(), refusal_ground: "disruptive".into(), ..input() })
                .expect("valid");
        assert_eq!(refused.refusal_ground, Some(RefusalGround::Disruptive));
        let guided = VisitData::parse(&VisitInput { refusal_ground: "disruptive".into(), ..input() }).expect("valid");
        assert_eq!(guided.refusal_ground, None);
    }

    #[test]
    fn each_bad_field_is_named() {
        let errs =
            VisitData::parse(&VisitInput { people_count: "0".into(), crowded: "on".into(), ..Default::default() })
                .expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["visitor_names", "people_count", "address", "content", "outcome"]);
        let crowded_alone = VisitData::parse(&VisitInput { crowded: "on".into(), ..input() }).expect_err("one person");
        assert_eq!(crowded_alone[0].message, "Đoàn đông người phải có từ 2 người trở lên.");
        let group =
            VisitData::parse(&VisitInput { crowded: "on".into(), people_count: "12".into(), ..input() }).expect("ok");
        assert!(group.crowded);
    }
}
