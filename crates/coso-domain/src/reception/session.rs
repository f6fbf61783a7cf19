//! A reception session of the log: the day, who received, where, regular or ad hoc.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{Receiver, SessionKind};
use crate::field::{self, Errors, FieldError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionData {
    pub held_on: NaiveDate,
    pub receiver: Receiver,
    /// The name of the person who received, as the log records it.
    pub receiver_name: String,
    pub place: String,
    pub kind: SessionKind,
}

/// A session as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SessionInput {
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub receiver: String,
    #[serde(default)]
    pub receiver_name: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub kind: String,
}

impl SessionData {
    /// Parses a session; a day after `today` is refused (the log records what happened).
    pub fn parse(input: &SessionInput, today: NaiveDate) -> Result<SessionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let held_on = e.take(field::date("held_on", "Ngày tiếp", &input.held_on));
        if let Some(d) = held_on
            && d > today
        {
            e.push(FieldError::new("held_on", "Ngày tiếp không được sau hôm nay: sổ chỉ ghi buổi tiếp đã diễn ra."));
        }
        let receiver = e.take(parse_code("receiver", "Người tiếp", &input.receiver));
        let receiver_name =
            e.take(field::required_text("receiver_name", "Họ tên người tiếp", &input.receiver_name, 120));
        let place = e.take(field::required_text("place", "Địa điểm", &input.place, 200));
        let kind = e.take(parse_code("kind", "Loại buổi tiếp", &input.kind));
        match (held_on, receiver, receiver_name, place, kind) {
            (Some(held_on), Some(receiver), Some(receiver_name), Some(place), Some(kind)) if e.is_empty() => {
                Ok(SessionData { held_on, receiver, receiver_name, place, kind })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 5).expect("date")
    }

    #[test]
    fn a_session_in_the_future_is_refused_and_every_field_is_named() {
        let input = SessionInput {
            held_on: "06/12/2026".into(),
            receiver: "mayor".into(),
            receiver_name: " ".into(),
            place: "Trụ sở".into(),
            kind: String::new(),
        };
        let errs = SessionData::parse(&input, today()).expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["held_on", "receiver", "receiver_name", "kind"]);
        assert!(errs[0].message.starts_with("Ngày tiếp không được sau hôm nay"));
        assert_eq!(errs[1].message, "Người tiếp «mayor» không có trong danh sách.");
        let bad_date =
            SessionData::parse(&SessionInput { held_on: "31/02/2026".into(), ..input }, today()).expect_err("x");
        assert!(bad_date[0].message.starts_with("Ngày tiếp không phải ngày hợp lệ"));
    }

    #[test]
    fn a_session_of_today_is_kept() {
        let input = SessionInput {
            held_on: "05/12/2026".into(),
            receiver: "chairman".into(),
            receiver_name: "Nguyễn Văn  Bình".into(),
            place: "Trụ sở UBND xã".into(),
            kind: "regular".into(),
        };
        let s = SessionData::parse(&input, today()).expect("valid");
        assert_eq!(
            (s.receiver, s.receiver_name.as_str(), s.kind),
            (Receiver::Chairman, "Nguyễn Văn Bình", SessionKind::Regular)
        );
    }
}
