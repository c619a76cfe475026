//! The stages an article goes through before anyone is attributed speech:
//! bytes to text, page furniture out, dates read, metadata found.
//!
//! Each reads the text (and the lexicon) and hands the next a plainer
//! thing; none knows about speakers. In order of use by one another:
//! `decode` < `clean` < `calendar` < `tense` < `timeline` < `dates` <
//! `metadata` < `html` (the header's `date:` is read with the dates
//! stage's ISO reader; a saved page's metadata fills the metadata stage's
//! [`metadata::Given`]).

pub mod calendar;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod html;
pub mod metadata;
pub mod tense;
pub mod timeline;
