//! Fuzzes the query side of `search`: any string typed into the search box or
//! pasted into the URL hash goes through `Index::search`, `highlight` and
//! `concordance`, so none of them may panic, and the ranges they return must
//! be usable to slice the text (on char boundaries, sorted, disjoint), since
//! the page slices with them.
//!
//! Input layout: the first 4 bytes (when present) pick filters, sort, page and
//! the passage to highlight; the rest is the query, as UTF-8 when it is UTF-8
//! and lossily decoded otherwise, since the page only ever hands over `&str`.
#![no_main]

use std::ops::Range;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use search::{
    CountryId, CountryRecord, Date, DocumentRecord, Filters, Index, IndexBuilder, Lang, PassageId, PassageRecord,
    SearchRequest, Sort, SpeakerId, SpeakerRecord, StatementRecord,
};

/// Passages chosen to reach the analyser's corners: accents and combining
/// marks, elisions and curly apostrophes, hyphens, digits, ligatures,
/// Vietnamese, non-Latin scripts, emoji, and one passage long enough for
/// snippets to be cut on both sides.
const PASSAGES: &[(u32, &str)] = &[
    (0, "La coopération internationale est essentielle pour la sécurité du cyberespace."),
    (0, "L’ONUDC soutiendra les États dans la mise en œuvre de la Convention, jusqu'au 31 décembre 2026."),
    (1, "La Russie a salué l'adoption de la convention socio-économique à Hanoï le 25-26 octobre 2025."),
    (1, "Une lutte contre la cybercriminalité qui respecte les droits humains ; « équilibrée », a-t-il dit."),
    (2, "International cooperation and securite are needed, said the minister. Don't forget e-mail."),
    (2, "Bộ trưởng Công an Việt Nam phát biểu tại lễ mở ký Công ước Hà Nội về chống tội phạm mạng."),
    (3, "Заявление Министерства иностранных дел: 联合国打击网络犯罪公约 🌏🔐 co\u{301}operation ﬁn ǅ İstanbul ß."),
    (3, "1 2 3 4 5 6 7 8 9 10 100 1000 2025 2025-10 24/7 3.14 x86_64 <script>alert(1)</script> &amp; &lt;"),
];

fn blob() -> &'static [u8] {
    static BLOB: OnceLock<Vec<u8>> = OnceLock::new();
    BLOB.get_or_init(|| {
        let mut b = IndexBuilder::new();
        let vn = b.add_country(CountryRecord { code: "VNM".into(), name_fr: "Viêt Nam".into(), name_en: "Viet Nam".into(), is_country: true });
        let ru = b.add_country(CountryRecord { code: "RUS".into(), name_fr: "Russie".into(), name_en: "Russia".into(), is_country: true });
        let un = b.add_country(CountryRecord { code: "ONUDC".into(), name_fr: "ONUDC".into(), name_en: "UNODC".into(), is_country: false });
        let speakers = [
            b.add_speaker(SpeakerRecord { name: "Ghada Waly".into(), role: Some("directrice exécutive de l'ONUDC".into()), country: Some(un), label_en: None, role_en: Some("Executive Director of UNODC".into()) }),
            b.add_speaker(SpeakerRecord { name: "Lương Tam Quang".into(), role: Some("Bộ trưởng".into()), country: Some(vn), label_en: None, role_en: None }),
            b.add_speaker(SpeakerRecord { name: "porte-parole (Russie)".into(), role: None, country: Some(ru), label_en: Some("spokesperson (Russia)".into()), role_en: None }),
        ];
        let dates = [Some(Date::ymd(2025, 10, 25)), Some(Date::ym(2025, 11)), Some(Date::y(2024)), None];
        let docs: Vec<_> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                b.add_document(DocumentRecord {
                    title: format!("Article {i} : coopération"),
                    outlet: (i % 2 == 0).then(|| "VOV".into()),
                    url: (i == 1).then(|| "https://example.org/a".into()),
                    lang: if i == 2 { Lang::En } else { Lang::Fr },
                    date: *date,
                    file: format!("{i:03}.txt"),
                })
            })
            .collect();
        for (i, (doc, text)) in PASSAGES.iter().enumerate() {
            b.add_passage(PassageRecord {
                section: None,
                document: docs[*doc as usize],
                text: (*text).into(),
                statements: (i % 4 != 3).then(|| StatementRecord::plain(speakers[i % speakers.len()])).into_iter().collect(),
                mentions: if i % 2 == 0 { vec![vn, ru] } else { vec![] },
            });
        }
        let long = "La convention renforcera la coopération contre la fraude en ligne. ".repeat(40);
        b.add_passage(PassageRecord { section: None, document: docs[0], text: long, statements: vec![StatementRecord::plain(speakers[0])], mentions: vec![un] });
        b.finish()
    })
}

/// Ranges must slice `text` without panicking, in order and without overlap.
fn check_ranges(text: &str, ranges: &[Range<usize>], what: &str) {
    let mut end = 0;
    for r in ranges {
        assert!(r.start >= end && r.start <= r.end && r.end <= text.len(), "{what}: bad range {r:?} in {} bytes", text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what}: {r:?} splits a char in {text:?}");
        end = r.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(index) = Index::open(blob()).map(search::Searcher::new) else { panic!("the fixed blob must open") };
    let (control, rest) = data.split_at(data.len().min(4));
    let byte = |i: usize| control.get(i).copied().unwrap_or(0);
    let query = String::from_utf8_lossy(rest);

    let date = |b: u8| match b % 4 {
        0 => None,
        1 => Some(Date::y(2020 + i32::from(b >> 4))),
        2 => Some(Date::ym(2025, 1 + (b >> 4) % 12)),
        _ => Some(Date::ymd(2025, 10, 1 + (b >> 3) % 31)),
    };
    let filters = Filters {
        speakers: (0..3).filter(|s| byte(0) & (1 << s) != 0).map(SpeakerId).collect(),
        countries: (0..4).filter(|c| byte(0) & (0x10 << c) != 0).map(CountryId).collect(),
        // "VOV" exists; the other is no outlet at all, as a stale URL may name.
        outlets: [(0x1, "VOV"), (0x2, "<nowhere>")].iter().filter(|(bit, _)| byte(2) & bit != 0).map(|(_, o)| (*o).into()).collect(),
        date_from: date(byte(1)),
        date_to: date(byte(2)),
        unknown: search::PerFacet { speaker: byte(3) & 0x10 != 0, country: byte(3) & 0x20 != 0, outlet: byte(3) & 0x40 != 0 },
    };
    let sort = match byte(3) % 3 {
        0 => Sort::Relevance,
        1 => Sort::DateDesc,
        _ => Sort::DateAsc,
    };
    // Huge pages and offsets (a hand-edited URL) must be as safe as small ones.
    let offset = if byte(3) & 0x60 == 0x60 { usize::MAX } else { usize::from(byte(3) >> 2 & 0x7) };
    let limit = if byte(3) & 0x80 != 0 { usize::MAX } else { 1 + usize::from(byte(3) >> 5) };
    let request = SearchRequest { query: query.to_string(), filters, sort, offset, limit, as_typed: offset % 2 == 1 };

    let results = index.search(&request);
    assert!(results.hits.len() <= results.total, "more hits than the total");
    for hit in &results.hits {
        check_ranges(&hit.snippet.text, &hit.snippet.highlights, "snippet");
        assert!(index.index().passage(hit.passage).is_some(), "hit on a passage that does not exist");
    }
    let _ = index.matches(&request);

    let passage = PassageId(u32::from(byte(0)) % (PASSAGES.len() as u32 + 2));
    let ranges = index.highlight(&request.query, passage);
    match index.index().passage(passage) {
        Some(view) => check_ranges(view.text, &ranges, "highlight"),
        None => assert!(ranges.is_empty(), "highlight ranges for a missing passage"),
    }

    let width = usize::from(byte(1) % 64);
    let limit = usize::from(byte(2) % 16);
    let lines = index.concordance(&request, width, limit);
    assert!(lines.len() <= limit, "{} concordance lines for a limit of {limit}", lines.len());
});
