//! Official documents (văn bản): the structured model and the reader.
//!
//! Bytes in, structure out. No file system, no network, no database.

pub mod model;

pub use model::*;
