//! Fuzzes the index builder and reader together: arbitrary records (odd
//! Unicode in every text, out-of-range dates, empty documents, many speakers
//! for one country) go through `IndexBuilder::finish`, the blob is opened
//! with `Index::open` and searched. build.rs feeds the builder whatever the
//! extractor made of the articles, so a panic here is a build that fails on
//! one strange article with no file name in the message.
//!
//! Records only refer to ids that exist, as build.rs guarantees; everything
//! else is the fuzzer's choice.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use search::{
    CountryRecord, Date, DocumentRecord, Evidence, Index, IndexBuilder, Lang, PassageId, PassageRecord, SearchRequest,
    Span, SpeakerRecord, StatementKind, StatementRecord,
};

fn text(u: &mut Unstructured) -> Result<String> {
    u.arbitrary::<String>()
}

fn date(u: &mut Unstructured) -> Result<Option<Date>> {
    Ok(match u.int_in_range(0..=3)? {
        0 => None,
        // Out-of-range parts are allowed: the builder must normalise them.
        _ => Some(Date { year: u.arbitrary()?, month: u.arbitrary()?, day: u.arbitrary()? }),
    })
}

fn build_and_search(u: &mut Unstructured) -> Result<()> {
    let mut b = IndexBuilder::new();
    let countries: Vec<_> = (0..u.int_in_range(0..=3)?)
        .map(|_| Ok(b.add_country(CountryRecord { code: text(u)?, name_fr: text(u)?, name_en: text(u)?, is_country: u.arbitrary()? })))
        .collect::<Result<_>>()?;
    let mut speakers = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let country = if countries.is_empty() || !u.arbitrary()? { None } else { Some(*u.choose(&countries)?) };
        let role = if u.arbitrary()? { Some(text(u)?) } else { None };
        let label_en = if u.arbitrary()? { Some(text(u)?) } else { None };
        let role_en = if u.arbitrary()? { Some(text(u)?) } else { None };
        speakers.push(b.add_speaker(SpeakerRecord { name: text(u)?, role, country, label_en, role_en }));
    }
    let mut documents = Vec::new();
    for i in 0..u.int_in_range(0..=4)? {
        let outlet = if u.arbitrary()? { Some(text(u)?) } else { None };
        let url = if u.arbitrary()? { Some(text(u)?) } else { None };
        let lang = if u.arbitrary()? { Lang::Fr } else { Lang::En };
        documents.push(b.add_document(DocumentRecord { title: text(u)?, outlet, url, lang, date: date(u)?, file: format!("{i}.txt") }));
    }
    let mut passages = 0u32;
    if !documents.is_empty() {
        for _ in 0..u.int_in_range(0..=8)? {
            // Statements with arbitrary spans and continuations, unknown
            // speakers and passages included: the reader must take them all.
            let mut statements = Vec::new();
            while !speakers.is_empty() && statements.len() < 3 && u.arbitrary()? {
                let speaker = if u.arbitrary()? { *u.choose(&speakers)? } else { search::SpeakerId(u.arbitrary()?) };
                let kind = *u.choose(&[StatementKind::Direct, StatementKind::Indirect, StatementKind::Mixed])?;
                let span = |u: &mut Unstructured| -> Result<Span> { Ok(Span::new(u.int_in_range(0..=64)?, u.int_in_range(0..=64)?)) };
                let evidence = match u.int_in_range(0..=2)? {
                    0 => Evidence::Cue { cue: span(u)?, mention: if u.arbitrary()? { Some(span(u)?) } else { None } },
                    1 => Evidence::Continuation(PassageId(u.int_in_range(0..=10)?)),
                    _ => Evidence::Unmarked,
                };
                statements.push(StatementRecord { speaker, kind, evidence });
            }
            let mut mentions = Vec::new();
            while !countries.is_empty() && mentions.len() < 3 && u.arbitrary()? {
                mentions.push(*u.choose(&countries)?);
            }
            mentions.sort();
            mentions.dedup();
            b.add_passage(PassageRecord { section: None, document: *u.choose(&documents)?, text: text(u)?, statements, mentions });
            passages += 1;
        }
    }
    let blob = b.finish();
    let index = match Index::open(&blob) {
        Ok(index) => search::Searcher::new(index),
        Err(error) => panic!("a freshly built blob does not open: {error:?}"),
    };
    assert_eq!(index.index().passage_count(), passages as usize);
    let query = text(u)?;
    let results = index.search(&SearchRequest { query: query.clone(), ..SearchRequest::default() });
    for hit in &results.hits {
        let text = &hit.snippet.text;
        assert!(hit.snippet.highlights.iter().all(|r| r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)));
    }
    for p in 0..passages {
        let _ = index.highlight(&query, PassageId(p));
        let _ = index.index().statements(PassageId(p));
    }
    let _ = index.concordance(&SearchRequest { query, ..SearchRequest::default() }, 20, 10);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    // Running out of bytes part-way is the fuzzer's problem, not a finding.
    let _ = build_and_search(&mut Unstructured::new(data));
});
