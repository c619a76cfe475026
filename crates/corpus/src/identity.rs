//! Corpus-wide speaker identity (placeholder).
use crate::{Corpus, Document};

pub fn merge(mut documents: Vec<Document>) -> Corpus {
    let mut speakers = Vec::new();
    for doc in &mut documents {
        let base = u32::try_from(speakers.len()).unwrap_or(u32::MAX);
        speakers.append(&mut doc.speakers);
        for p in &mut doc.passages {
            if let Some(id) = &mut p.speaker {
                id.0 += base;
            }
        }
    }
    Corpus { documents, speakers }
}
