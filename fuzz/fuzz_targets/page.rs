//! Fuzzes the saved-page stage: any bytes saved as `seeds/*.html` go through
//! `corpus::extract_article` at build time, through the html stage
//! (character sets, html5ever, JSON-LD, the search for the article's box)
//! before the text stages, so it must answer every input with a document or
//! a warning, never a panic. What comes out must hold together as for a
//! text, and no markup may survive into a passage: every `<` of a passage
//! was text in the page, so a page's own tags never reach one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match corpus::extract_article("fuzz.html", data) {
        Ok((doc, warnings)) => {
            for passage in &doc.passages {
                if let Some(id) = passage.speaker() {
                    assert!((id.0 as usize) < doc.speakers.len(), "speaker {} of {}", id.0, doc.speakers.len());
                }
                assert!(!passage.text.contains("<script"), "a script tag survived: {:?}", passage.text);
            }
            if let Some(url) = &doc.url {
                assert!(url.starts_with("http://") || url.starts_with("https://"), "address {url:?}");
            }
            assert!(warnings.iter().all(|w| w.file == "fuzz.html"));
        }
        Err(warning) => assert_eq!(warning.file, "fuzz.html"),
    }
});
