//! Dissemination (*phổ biến, tuyên truyền*): a unit's news posts, its library of legal
//! documents, and the log of its trainings and dissemination events. The inputs as typed, their
//! checked forms with Vietnamese field errors, and the codes with their labels.

mod codes;
pub mod library;
pub mod news;
pub mod training;

pub use codes::{LibraryKind, NewsStatus, TrainingForm};
pub use library::{LibraryData, LibraryInput};
pub use news::{DEFAULT_CATEGORIES, NewsData, NewsInput, paragraphs};
pub use training::{TrainingData, TrainingInput, counts_trainings};
