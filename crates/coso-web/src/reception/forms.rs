//! The reception forms: the domain's inputs and the CSRF token; and the period of the
//! compliance view.

use coso_domain::reception::{ScheduleInput, SessionInput, VisitInput};
use serde::Deserialize;

/// A line of the schedule, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: ScheduleInput,
}

/// A session of the log, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SessionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: SessionInput,
}

/// A visit of a session, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct VisitForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: VisitInput,
}

/// `?ky=2026` or `?ky=2026-Q1`; empty means the current quarter.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    pub ky: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_visit_keeps_its_text_and_the_checkbox() {
        let form: VisitForm = serde_urlencoded::from_str(
            "csrf=t&visitor_names=Tr%E1%BA%A7n+Th%E1%BB%8B+Hoa&people_count=12&crowded=on&outcome=petition",
        )
        .expect("parses");
        assert_eq!((form.csrf.as_str(), form.input.visitor_names.as_str()), ("t", "Trần Thị Hoa"));
        assert_eq!((form.input.people_count.as_str(), form.input.crowded.as_str()), ("12", "on"));
    }
}
