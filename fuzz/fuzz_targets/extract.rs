//! Fuzzes the article extractor: any bytes saved as `seeds/*.txt` go through
//! `corpus::extract_article` at build time, so it must answer every input
//! with a document or a warning, never a panic (a panic in build.rs is a
//! build failure with no file name in it). The result must also hold
//! together: speaker ids point into the document's speaker list, and the
//! warnings name the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod article;

fuzz_target!(|data: &[u8]| article::check("fuzz.txt", data, |_| ()));
