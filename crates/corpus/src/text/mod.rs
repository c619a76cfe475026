//! Text handling that knows no language and no article: the bottom layer
//! with the data model.
//!
//! Every rule above matches on folded text and maps what it found back to
//! the original, reads words with their byte spans, and compiles fixed
//! patterns; none of that depends on what the words mean, so it lives apart
//! from the word lists and rules that do.

pub mod fold;
pub mod patterns;
pub mod tokens;
