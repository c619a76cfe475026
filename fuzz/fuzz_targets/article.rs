//! What an extraction must hold whatever bytes it was given, shared by the
//! `extract` (a `.txt`) and `page` (a saved `.html`) targets: a document or
//! a warning, never a panic; speaker ids that point into the document's
//! list; warnings that name the file. `also` adds a target's own checks.

pub fn check(file: &str, data: &[u8], also: impl Fn(&corpus::Document)) {
    match corpus::extract_article(file, data) {
        Ok((doc, warnings)) => {
            for passage in &doc.passages {
                if let Some(id) = passage.speaker() {
                    assert!((id.0 as usize) < doc.speakers.len(), "speaker {} of {}", id.0, doc.speakers.len());
                }
            }
            also(&doc);
            assert!(warnings.iter().all(|w| w.file == file));
        }
        Err(warning) => assert_eq!(warning.file, file),
    }
}
