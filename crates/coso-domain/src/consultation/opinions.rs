//! The opinions of a consultation: residents' comments and when they may be given, the counts
//! a village head brings from paper or a meeting, the hiding of a comment, and the answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{AnswerKind, CollectionMethod, ConsultationStatus};
use crate::field::{self, Errors, FieldError};

/// The longest comment, in characters.
pub const COMMENT_MAX_CHARS: usize = 5_000;

/// Whether a comment may be given today: only while the consultation is open and between its
/// dates, both included. The refusal names the `body` field of the comment form.
pub fn may_comment(
    status: ConsultationStatus,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), FieldError> {
    let refuse = |m: String| Err(FieldError::new("body", m));
    match status {
        ConsultationStatus::Draft => refuse("Dự thảo chưa được đưa ra lấy ý kiến.".into()),
        ConsultationStatus::Closed | ConsultationStatus::Answered => {
            refuse("Đã kết thúc lấy ý kiến về dự thảo này: không nhận thêm ý kiến.".into())
        }
        ConsultationStatus::Open if today < opens_on => {
            refuse(format!("Chưa đến thời gian lấy ý kiến: bắt đầu từ ngày {}.", opens_on.format("%d/%m/%Y")))
        }
        ConsultationStatus::Open if today > closes_on => refuse(format!(
            "Đã hết thời gian lấy ý kiến (kết thúc ngày {}): không nhận thêm ý kiến.",
            closes_on.format("%d/%m/%Y")
        )),
        ConsultationStatus::Open => Ok(()),
    }
}

/// A comment as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CommentInput {
    #[serde(default)]
    pub body: String,
}

/// The text of a comment: cleaned, paragraphs kept, required, at most [`COMMENT_MAX_CHARS`].
pub fn comment_body(input: &CommentInput) -> Result<String, FieldError> {
    let body = super::draft::clean_body(&input.body);
    if body.is_empty() {
        return Err(FieldError::new("body", "Nội dung ý kiến không được để trống."));
    }
    if body.chars().count() > COMMENT_MAX_CHARS {
        return Err(FieldError::new("body", format!("Nội dung ý kiến dài quá {COMMENT_MAX_CHARS} ký tự.")));
    }
    Ok(body)
}

/// How a comment's author is shown: the initials of their name ("Nguyễn Văn An" → "N.V.A."),
/// never their e-mail or phone.
pub fn initials(name: &str) -> String {
    let letters: String = coso_text::clean(name)
        .split(' ')
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect();
    if letters.is_empty() { "Người dân".to_string() } else { letters }
}

/// The reason a comment is hidden, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HideInput {
    #[serde(default)]
    pub reason: String,
}

pub fn hide_reason(input: &HideInput) -> Result<String, FieldError> {
    field::required_text("reason", "Lý do ẩn ý kiến", &input.reason, 500)
}

/// Opinions a village head collected outside coso, as typed: `section` is a section's id, empty
/// for the whole draft.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PaperInput {
    #[serde(default)]
    pub village: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub agree: String,
    #[serde(default)]
    pub disagree: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub collected_on: String,
    #[serde(default)]
    pub note: String,
}

/// Checked counts of households that agree and disagree, for a section or the whole draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperData {
    pub village: String,
    pub section: Option<i64>,
    pub agree: i64,
    pub disagree: i64,
    pub method: CollectionMethod,
    pub collected_on: NaiveDate,
    /// Other opinions in a few words.
    pub note: Option<String>,
}

fn count(field: &'static str, label: &str, raw: &str) -> Result<i64, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, format!("{label} không được để trống (ghi 0 nếu không có).")));
    }
    match v.parse::<i64>() {
        Ok(n) if n < 0 => Err(FieldError::new(field, format!("{label} không được âm."))),
        Ok(n) if n > 1_000_000 => Err(FieldError::new(field, format!("{label} quá lớn."))),
        Ok(n) => Ok(n),
        Err(_) => {
            let shown: String = v.chars().take(20).collect();
            Err(FieldError::new(field, format!("{label} phải là một số nguyên: «{shown}».")))
        }
    }
}

impl PaperData {
    /// Parses the counts; a collection after `today` is refused.
    pub fn parse(input: &PaperInput, today: NaiveDate) -> Result<PaperData, Vec<FieldError>> {
        let mut e = Errors::default();
        let village = input.village.trim().to_string();
        if village.is_empty() {
            e.push(FieldError::new("village", "Chưa chọn thôn, tổ dân phố."));
        }
        let section = match input.section.trim() {
            "" => None,
            s => e.take(s.parse::<i64>().map_err(|_| FieldError::new("section", "Mục của dự thảo không hợp lệ."))),
        };
        let agree = e.take(count("agree", "Số hộ đồng ý", &input.agree));
        let disagree = e.take(count("disagree", "Số hộ không đồng ý", &input.disagree));
        let method = e.take(parse_code("method", "Hình thức lấy ý kiến", &input.method));
        let collected_on = e.take(field::date("collected_on", "Ngày lấy ý kiến", &input.collected_on));
        if collected_on.is_some_and(|d| d > today) {
            e.push(FieldError::new("collected_on", "Ngày lấy ý kiến không được sau hôm nay."));
        }
        let note = e.take(field::optional_text("note", "Ý kiến khác", &input.note, 2_000));
        match (agree, disagree, method, collected_on, note) {
            (Some(agree), Some(disagree), Some(method), Some(collected_on), Some(note)) if e.is_empty() => {
                Ok(PaperData { village, section, agree, disagree, method, collected_on, note })
            }
            _ => Err(e.0),
        }
    }
}

/// An answer as typed: the comments it answers (their ids), the kind and the reason.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AnswerInput {
    #[serde(default)]
    pub comments: Vec<i64>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub reason: String,
}

/// A checked answer to one comment or a group of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerData {
    pub comments: Vec<i64>,
    pub kind: AnswerKind,
    /// What was changed (accepted), the explanation, or why not: required unless accepted.
    pub reason: Option<String>,
}

impl AnswerData {
    pub fn parse(input: &AnswerInput) -> Result<AnswerData, Vec<FieldError>> {
        let mut e = Errors::default();
        let mut comments = input.comments.clone();
        comments.sort_unstable();
        comments.dedup();
        if comments.is_empty() {
            e.push(FieldError::new("comments", "Chọn ít nhất một ý kiến để trả lời."));
        }
        let kind: Option<AnswerKind> = e.take(parse_code("kind", "Cách tiếp thu", &input.kind));
        let reason = e.take(field::optional_text("reason", "Nội dung trả lời", &input.reason, 5_000));
        match (kind, &reason) {
            (Some(AnswerKind::NotAccepted), Some(None)) => {
                e.push(FieldError::new("reason", "Phải nêu lý do khi không tiếp thu ý kiến."));
            }
            (Some(AnswerKind::Explained), Some(None)) => {
                e.push(FieldError::new("reason", "Phải ghi nội dung giải trình."));
            }
            _ => {}
        }
        match (kind, reason) {
            (Some(kind), Some(reason)) if e.is_empty() => Ok(AnswerData { comments, kind, reason }),
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn comments_are_taken_only_while_open_and_between_the_dates() {
        let (from, to) = (d("2026-03-01"), d("2026-03-30"));
        assert!(may_comment(ConsultationStatus::Open, from, to, from).is_ok());
        assert!(may_comment(ConsultationStatus::Open, from, to, to).is_ok());
        let before = may_comment(ConsultationStatus::Open, from, to, d("2026-02-28")).expect_err("before");
        assert_eq!(before.message, "Chưa đến thời gian lấy ý kiến: bắt đầu từ ngày 01/03/2026.");
        let after = may_comment(ConsultationStatus::Open, from, to, d("2026-03-31")).expect_err("after");
        assert!(after.message.starts_with("Đã hết thời gian lấy ý kiến (kết thúc ngày 30/03/2026)"));
        let closed = may_comment(ConsultationStatus::Closed, from, to, from).expect_err("closed");
        assert_eq!(closed.field, "body");
        assert!(may_comment(ConsultationStatus::Draft, from, to, from).is_err());
    }

    #[test]
    fn an_author_is_shown_by_initials() {
        assert_eq!(initials("Nguyễn Văn  An"), "N.V.A.");
        assert_eq!(initials("đặng thị ánh"), "Đ.T.Á.");
        assert_eq!(initials("  "), "Người dân");
    }

    #[test]
    fn a_comment_keeps_its_paragraphs_and_is_bounded() {
        let body = comment_body(&CommentInput { body: "Đề nghị  sửa.\r\n\r\nCảm ơn.".into() }).expect("ok");
        assert_eq!(body, "Đề nghị sửa.\n\nCảm ơn.");
        assert!(comment_body(&CommentInput { body: " \n ".into() }).is_err());
        assert!(comment_body(&CommentInput { body: "a".repeat(COMMENT_MAX_CHARS + 1) }).is_err());
    }

    #[test]
    fn negative_or_missing_counts_are_refused() {
        let input = PaperInput {
            village: "V1".into(),
            section: "7".into(),
            agree: "-1".into(),
            disagree: "bốn".into(),
            method: "meeting".into(),
            collected_on: "2026-03-05".into(),
            note: String::new(),
        };
        let errs = PaperData::parse(&input, d("2026-03-10")).expect_err("invalid");
        assert_eq!(
            errs.iter().map(|e| (e.field, e.message.as_str())).collect::<Vec<_>>(),
            [
                ("agree", "Số hộ đồng ý không được âm."),
                ("disagree", "Số hộ không đồng ý phải là một số nguyên: «bốn».")
            ]
        );
        let ok = PaperData::parse(&PaperInput { agree: "35".into(), disagree: "4".into(), ..input }, d("2026-03-10"))
            .expect("valid");
        assert_eq!((ok.section, ok.agree, ok.disagree, ok.method), (Some(7), 35, 4, CollectionMethod::Meeting));
    }

    #[test]
    fn not_accepting_needs_a_reason() {
        let input = AnswerInput { comments: vec![3, 1, 3], kind: "not_accepted".into(), reason: " ".into() };
        let errs = AnswerData::parse(&input).expect_err("no reason");
        assert_eq!((errs[0].field, errs[0].message.as_str()), ("reason", "Phải nêu lý do khi không tiếp thu ý kiến."));
        let ok = AnswerData::parse(&AnswerInput { kind: "accepted".into(), ..input }).expect("accepted");
        assert_eq!((ok.comments, ok.reason), (vec![1, 3], None));
        let none = AnswerData::parse(&AnswerInput { comments: vec![], kind: "accepted".into(), reason: String::new() });
        assert_eq!(none.expect_err("no comment")[0].field, "comments");
    }
}
