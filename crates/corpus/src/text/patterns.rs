//! The one place fixed regular expressions are compiled.
//!
//! Every rule module keeps its patterns in a lazily built table; the patterns
//! are literals of this crate, compiled by every test run, so a failure here
//! is a bug in the crate, never a consequence of input.

use regex::Regex;

#[allow(clippy::expect_used, reason = "fixed patterns: every test run compiles them, no input reaches them")]
pub(crate) fn fixed(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a fixed pattern of the corpus crate")
}
