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
