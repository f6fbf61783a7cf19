//! Dialogues between the commune's government and the people (DLG-1…DLG-4, Law 72/2025
//! Art. 43): the dialogue and its announcement, residents' questions and the answers given on
//! the day, the commitments made there with their progress, and the voters' request that makes
//! a dialogue mandatory.

mod codes;
pub mod commitment;
pub mod question;
pub mod request;
pub mod setup;

pub use codes::{CommitmentStatus, DialogueStatus};
pub use commitment::{CommitmentData, CommitmentInput, ProgressData, ProgressInput};
pub use question::{
    AnswerInput, HideInput, QuestionData, QuestionInput, ResultsInput, answer_text, hide_reason, may_ask, results_text,
};
pub use request::{RequestData, RequestInput, makes_mandatory, required_signatures};
pub use setup::{DialogueData, DialogueInput, NOTICE_RULE, RESULTS_RULE, counts_dialogues, may_announce};

/// The item of the commune's disclosure register (Law 10/2022 Art. 11) under which published
/// results are recorded: 14, «other information the commune deems necessary». The catalogue
/// has no item for a dialogue's results; item 13 is about petitions, not dialogues.
pub const RESULTS_DISCLOSURE_ITEM: u8 = 14;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclosure::{Catalogue, Level};

    #[test]
    fn results_go_under_the_commune_item_of_other_information() {
        let c = Catalogue::current().expect("catalogue reads");
        let item = c.item(Level::Commune, RESULTS_DISCLOSURE_ITEM).expect("item 14");
        assert!(item.title.starts_with("Thông tin khác"), "{}", item.title);
    }
}
