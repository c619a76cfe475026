//! From the JSON-lines corpus to the search blob, through the public
//! `search::IndexBuilder` exactly as the app's build script feeds it.

use search::{CountryRecord, Date, DocumentRecord, IndexBuilder, Lang, PassageRecord, SpeakerRecord, StatementRecord};

use crate::corpus::Corpus;

/// Builds the blob. Ids are assigned in file order, so the builder's ids
/// equal the line numbers the JavaScript side uses for the same records.
pub fn build(corpus: &Corpus) -> Vec<u8> {
    let mut b = IndexBuilder::new();
    let countries: Vec<_> = corpus
        .countries
        .iter()
        .map(|c| {
            b.add_country(CountryRecord {
                code: c.code.clone(),
                name_fr: c.name_fr.clone(),
                name_en: c.name_en.clone(),
                is_country: c.is_country,
            })
        })
        .collect();
    let speakers: Vec<_> = corpus
        .speakers
        .iter()
        .map(|s| {
            b.add_speaker(SpeakerRecord {
                name: s.name.clone(),
                role: s.role.clone(),
                country: s.country.map(|c| countries[c as usize]),
                label_en: None,
                role_en: None,
            })
        })
        .collect();
    let documents: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| {
            b.add_document(DocumentRecord {
                title: d.title.clone(),
                outlet: d.outlet.clone(),
                url: None,
                lang: Lang::Fr,
                date: d.date.as_deref().map(|s| s.parse::<Date>().expect("generator writes valid dates")),
                file: d.file.clone(),
            })
        })
        .collect();
    for p in &corpus.passages {
        b.add_passage(PassageRecord {
            section: None,
            document: documents[p.doc as usize],
            text: p.text.clone(),
            statements: p.speaker.map(|s| StatementRecord::plain(speakers[s as usize])).into_iter().collect(),
            mentions: p.mentions.iter().map(|&c| countries[c as usize]).collect(),
        });
    }
    b.finish()
}
