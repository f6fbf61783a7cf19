//! The forms of the officials' convention pages. Every step's form is on the convention's page,
//! so each field has a name of its own there (`posted_on`, `submitted_on`…); the use cases name
//! their fields as the API does (`date`, `note`), and [`rename`] turns their errors back into the
//! page's names, so that each error sits beside its field and the summary links to it.

use coso_domain::FieldError;
use coso_domain::convention::{AdoptionInput, DatedInput, OpinionInput, ProposalInput, RecognitionInput, VersionInput};
use serde::Deserialize;

/// Every field of every form of the convention pages, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConventionForm {
    #[serde(default)]
    pub csrf: String,
    // The proposal.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    // A new version.
    #[serde(default)]
    pub change_note: String,
    // The posting.
    #[serde(default)]
    pub posted_on: String,
    #[serde(default)]
    pub place: String,
    // Opinions.
    #[serde(default)]
    pub received_on: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub summary: String,
    // The vote typed.
    #[serde(default)]
    pub vote_form: String,
    #[serde(default)]
    pub vote_date: String,
    #[serde(default)]
    pub households: String,
    #[serde(default)]
    pub present: String,
    #[serde(default)]
    pub yes: String,
    // The vote taken from a community decision.
    #[serde(default)]
    pub decision: String,
    // The dossier.
    #[serde(default)]
    pub submitted_on: String,
    #[serde(default)]
    pub submit_note: String,
    // The commune's recognition or return.
    #[serde(default)]
    pub recognised_on: String,
    #[serde(default)]
    pub decision_number: String,
    #[serde(default)]
    pub returned_on: String,
    #[serde(default)]
    pub reason: String,
    // The yearly review.
    #[serde(default)]
    pub reviewed_on: String,
    #[serde(default)]
    pub conclusions: String,
}

impl ConventionForm {
    pub fn proposal(&self) -> ProposalInput {
        ProposalInput { kind: self.kind.clone(), title: self.title.clone(), text: self.text.clone() }
    }

    pub fn version(&self) -> VersionInput {
        VersionInput { text: self.text.clone(), note: self.change_note.clone() }
    }

    pub fn posting(&self) -> DatedInput {
        DatedInput { date: self.posted_on.clone(), note: self.place.clone() }
    }

    pub fn opinions(&self) -> OpinionInput {
        OpinionInput {
            received_on: self.received_on.clone(),
            count: self.count.clone(),
            source: self.source.clone(),
            summary: self.summary.clone(),
        }
    }

    pub fn vote(&self) -> AdoptionInput {
        AdoptionInput {
            form: self.vote_form.clone(),
            date: self.vote_date.clone(),
            households: self.households.clone(),
            present: self.present.clone(),
            yes: self.yes.clone(),
        }
    }

    pub fn dossier(&self) -> DatedInput {
        DatedInput { date: self.submitted_on.clone(), note: self.submit_note.clone() }
    }

    pub fn recognition(&self) -> RecognitionInput {
        RecognitionInput { date: self.recognised_on.clone(), decision_number: self.decision_number.clone() }
    }

    pub fn return_dossier(&self) -> DatedInput {
        DatedInput { date: self.returned_on.clone(), note: self.reason.clone() }
    }

    pub fn review(&self) -> DatedInput {
        DatedInput { date: self.reviewed_on.clone(), note: self.conclusions.clone() }
    }
}

/// Which form of the convention's page was sent: the page's names of the use case's fields,
/// the first one standing for the form when a refusal names none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepForm {
    Version,
    Posting,
    Opinions,
    Vote,
    VoteFromDecision,
    Dossier,
    Recognition,
    Return,
    Review,
}

impl StepForm {
    fn names(self) -> &'static [(&'static str, &'static str)] {
        match self {
            StepForm::Version => &[("text", "text"), ("note", "change_note")],
            StepForm::Posting => &[("date", "posted_on"), ("note", "place")],
            StepForm::Opinions => {
                &[("received_on", "received_on"), ("count", "count"), ("source", "source"), ("summary", "summary")]
            }
            StepForm::Vote => &[
                ("date", "vote_date"),
                ("form", "vote_form"),
                ("households", "households"),
                ("present", "present"),
                ("yes", "yes"),
            ],
            StepForm::VoteFromDecision => &[("decision", "decision")],
            StepForm::Dossier => &[("date", "submitted_on"), ("note", "submit_note")],
            StepForm::Recognition => &[("date", "recognised_on"), ("decision_number", "decision_number")],
            StepForm::Return => &[("date", "returned_on"), ("note", "reason")],
            StepForm::Review => &[("date", "reviewed_on"), ("note", "conclusions")],
        }
    }
}

/// The use case's errors under the page's names of `form`'s fields; an error naming no field
/// of the form (a state that changed meanwhile) goes to its first field.
pub fn rename(form: StepForm, errors: Vec<FieldError>) -> Vec<FieldError> {
    let names = form.names();
    errors
        .into_iter()
        .map(|e| {
            let field = names.iter().find(|(from, _)| *from == e.field).map_or(names[0].1, |(_, to)| *to);
            FieldError { field, message: e.message }
        })
        .collect()
}

/// `?tu=1&den=2`: the versions compared.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DiffParams {
    #[serde(default, rename = "tu")]
    pub from: String,
    #[serde(default, rename = "den")]
    pub to: String,
}

impl DiffParams {
    /// The two version numbers, or an error naming the parameter.
    pub fn versions(&self, current: i64) -> Result<(i64, i64), Vec<FieldError>> {
        let read = |field: &'static str, label: &str, raw: &str, default: i64| {
            let t = raw.trim();
            if t.is_empty() {
                return Ok(default);
            }
            t.parse::<i64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| FieldError::new(field, format!("{label} phải là số thứ tự của một phiên bản.")))
        };
        let to = read("den", "Phiên bản sau", &self.to, current);
        let from = read("tu", "Phiên bản trước", &self.from, (current - 1).max(1));
        match (from, to) {
            (Ok(f), Ok(t)) => Ok((f, t)),
            (f, t) => Err(f.err().into_iter().chain(t.err()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_put_beside_the_page_fields() {
        let errs = rename(
            StepForm::Posting,
            vec![FieldError::new("date", "Nhập ngày niêm yết."), FieldError::new("status", "Đã thay đổi.")],
        );
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["posted_on", "posted_on"]);
        assert_eq!(rename(StepForm::Return, vec![FieldError::new("note", "Nhập lý do.")])[0].field, "reason");
    }

    #[test]
    fn the_versions_compared_default_to_the_last_two() {
        assert_eq!(DiffParams::default().versions(3), Ok((2, 3)));
        assert_eq!(DiffParams::default().versions(1), Ok((1, 1)));
        let bad = DiffParams { from: "x".into(), to: "0".into() }.versions(3).expect_err("bad");
        let fields: Vec<_> = bad.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["tu", "den"]);
    }
}
