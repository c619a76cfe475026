//! Fuzzes the article extractor: any bytes saved as `seeds/*.txt` go through
//! `corpus::extract_article` at build time, so it must answer every input
//! with a document or a warning, never a panic (a panic in build.rs is a
//! build failure with no file name in it). The result must also hold
//! together: speaker ids point into the document's speaker list, and the
//! warnings name the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match corpus::extract_article("fuzz.txt", data) {
        Ok((doc, warnings)) => {
            for passage in &doc.passages {
                if let Some(id) = passage.speaker() {
                    assert!((id.0 as usize) < doc.speakers.len(), "speaker {} of {}", id.0, doc.speakers.len());
                }
            }
            assert!(warnings.iter().all(|w| w.file == "fuzz.txt"));
        }
        Err(warning) => assert_eq!(warning.file, "fuzz.txt"),
    }
});
