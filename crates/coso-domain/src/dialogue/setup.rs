//! A dialogue as the commune sets it up (DLG-2, DLG-3): its topic or the villages it is held
//! for, its date, and its place or that it is held online.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::request::count;
use crate::field::{self, Errors, FieldError};

/// The rule id of the announcement, at least 7 days before (DLG-3).
pub const NOTICE_RULE: &str = "dialogue.notice";
/// The rule id of the results, published within 10 days after (DLG-4).
pub const RESULTS_RULE: &str = "dialogue.results";

/// A dialogue as typed. `villages` are unit codes, when it is held for an area of the commune;
/// `online` is `"on"`/`"true"` when ticked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DialogueInput {
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub villages: Vec<String>,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub online: String,
    /// The commune's number of voters, when known.
    #[serde(default)]
    pub voters: String,
}

/// A checked dialogue: a topic, or villages, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DialogueData {
    pub topic: Option<String>,
    /// Village codes, sorted, without repeats.
    pub villages: Vec<String>,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub online: bool,
    pub voters: Option<u32>,
}

impl DialogueData {
    pub fn parse(input: &DialogueInput) -> Result<DialogueData, Vec<FieldError>> {
        let mut e = Errors::default();
        let topic = e.take(field::optional_text("topic", "Chủ đề đối thoại", &input.topic, 300)).flatten();
        let held_on = e.take(field::date("held_on", "Ngày đối thoại", &input.held_on));
        let place = e.take(field::optional_text("place", "Địa điểm", &input.place, 300)).flatten();
        let online = matches!(input.online.trim(), "on" | "true" | "1");
        let voters = if input.voters.trim().is_empty() {
            None
        } else {
            e.take(count("voters", "Số cử tri của xã", &input.voters))
        };
        let mut villages: Vec<String> =
            input.villages.iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
        villages.sort();
        villages.dedup();
        if topic.is_none() && villages.is_empty() && e.0.iter().all(|x| x.field != "topic") {
            e.push(FieldError::new("topic", "Nhập chủ đề đối thoại hoặc chọn thôn, tổ dân phố được đối thoại."));
        }
        match held_on {
            Some(held_on) if e.is_empty() => Ok(DialogueData { topic, villages, held_on, place, online, voters }),
            _ => Err(e.0),
        }
    }
}

/// Whether the dialogue may be announced: the notice must say where it is held, or that it is
/// held online (DLG-3: time, place, content and how to attend).
pub fn may_announce(place: Option<&str>, online: bool) -> Result<(), FieldError> {
    if place.is_some_and(|p| !p.trim().is_empty()) || online {
        Ok(())
    } else {
        Err(FieldError::new("place", "Chưa có địa điểm: thông báo phải nêu địa điểm hoặc hình thức trực tuyến."))
    }
}

/// Whether a report's indicator is filled from the dialogues held: its `source` says
/// `dialogues`, or — in templates stored without a source — it is the indicator `dialogues`.
pub fn counts_dialogues(indicator: &crate::report::Indicator) -> bool {
    match indicator.source.as_deref() {
        Some(source) => source == "dialogues",
        None => indicator.code == "dialogues",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_counts_dialogues_held() {
        let t = crate::report::Template::default_grassroots();
        let codes: Vec<&str> = t.indicators.iter().filter(|i| counts_dialogues(i)).map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["dialogues"]);
    }

    fn input(topic: &str, villages: &[&str], held_on: &str) -> DialogueInput {
        DialogueInput {
            topic: topic.into(),
            villages: villages.iter().map(|v| v.to_string()).collect(),
            held_on: held_on.into(),
            ..DialogueInput::default()
        }
    }

    #[test]
    fn a_dialogue_has_a_topic_or_an_area() {
        let d = DialogueData::parse(&input("Giải phóng  mặt bằng", &[], "15/10/2025")).expect("topic");
        assert_eq!(d.topic.as_deref(), Some("Giải phóng mặt bằng"));
        assert_eq!(d.held_on, NaiveDate::from_ymd_opt(2025, 10, 15).expect("date"));
        let d = DialogueData::parse(&input("", &["T2", "T1", "T2"], "2025-10-15")).expect("area");
        assert_eq!(d.villages, ["T1", "T2"]);
        let e = DialogueData::parse(&input(" ", &[], "31/02/2025")).expect_err("neither");
        let fields: Vec<_> = e.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["held_on", "topic"]);
    }

    #[test]
    fn the_notice_names_a_place_or_online() {
        assert!(may_announce(Some("Hội trường UBND xã"), false).is_ok());
        assert!(may_announce(None, true).is_ok());
        assert_eq!(may_announce(Some(" "), false).expect_err("no place").field, "place");
    }

    #[test]
    fn voters_are_a_whole_number() {
        let mut i = input("Đất đai", &[], "15/10/2025");
        i.voters = "20.000".into();
        assert_eq!(DialogueData::parse(&i).expect("voters").voters, Some(20_000));
        i.voters = "nhiều".into();
        assert_eq!(DialogueData::parse(&i).expect_err("bad")[0].field, "voters");
    }
}
