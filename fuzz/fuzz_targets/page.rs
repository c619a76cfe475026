//! Fuzzes the saved-page stage: any bytes saved as `seeds/*.html` go through
//! `corpus::extract_article` at build time, through the html stage
//! (character sets, html5ever, JSON-LD, the search for the article's box)
//! before the text stages, so it must answer every input with a document or
//! a warning, never a panic. What comes out must hold together as for a
//! text, and an address is only ever http(s). (A passage may hold "<script"
//! as text: a page whose `<title>` is never closed shows the rest of it as
//! text, and so does the explorer, as text.)
#![no_main]

use libfuzzer_sys::fuzz_target;

mod article;

fuzz_target!(|data: &[u8]| {
    article::check("fuzz.html", data, |doc| {
        for passage in &doc.passages {
            assert!(!passage.text.trim().is_empty(), "an empty passage");
        }
        if let Some(url) = &doc.url {
            assert!(url.starts_with("http://") || url.starts_with("https://"), "address {url:?}");
        }
    })
});
