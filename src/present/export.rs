//! What leaves the page: a statement's citation as a line, as CSL-JSON and
//! as BibTeX (what reference managers such as Zotero import), and the rows
//! of the CSV and JSON exports and of the JavaScript API.
//!
//! A citation puts in quotation marks only the words the article itself
//! quotes, says "selon" of a paraphrase, and points at the article's URL or,
//! when it has none, at the explorer's permalink: never at a sentence.

use super::*;

/// "Ghada Waly (ONUDC), 25 octobre 2025, VNA : « … » — Title. Source : URL",
/// in the form a footnote or a press review would want. A paraphrase reads
/// "Selon Ghada Waly (ONUDC), …, VNA (propos rapportés) : …", unquoted.
pub fn citation(card: &Card, page_url: &str, lang: UiLang) -> String {
    let strings = lang.strings();
    let (open, close, colon) = (strings.open_quote, strings.close_quote, strings.colon);
    let mut head: Vec<String> = author(card).into_iter().collect();
    head.extend(card.date.clone());
    head.extend(card.outlet.clone());
    if head.is_empty() {
        head.push(card.title.text.clone());
    }
    let head = head.join(", ");
    let body = match quotation(card) {
        Quotation::Quoted(words) => format!("{head}{colon}{open}{words}{close}"),
        Quotation::Paraphrase(text) => {
            format!("{} {head} ({}){colon}{text}", strings.according_to, strings.reported_speech)
        }
        Quotation::Narration(text) => format!("{head}{colon}{text}"),
    };
    format!("{body} — {}. {}{colon}{}", card.title.text.trim(), strings.source, source_link(card, page_url, lang))
}

/// What a citation may say a statement's words are.
#[derive(Clone, Debug, PartialEq)]
enum Quotation {
    /// The words between quotation marks, pieces joined by " … ".
    Quoted(String),
    /// The reporter's rendering of what the speaker said.
    Paraphrase(String),
    /// The article's own words: no one speaks.
    Narration(String),
}

fn quotation(card: &Card) -> Quotation {
    let text = card.text.trim().to_owned();
    match card.kind {
        None => Quotation::Narration(text),
        Some(StatementKind::Indirect) => Quotation::Paraphrase(text),
        Some(StatementKind::Direct | StatementKind::Mixed) if card.quoted.is_empty() => Quotation::Paraphrase(text),
        Some(StatementKind::Direct | StatementKind::Mixed) => Quotation::Quoted(card.quoted.join(" … ")),
    }
}

/// Who a citation names: "Ghada Waly (ONUDC)", a country or body speaking
/// for itself, or no one for narration.
fn author(card: &Card) -> Option<String> {
    match (&card.who.speaker_label, &card.who.country) {
        (Some(speaker), Some(country)) if !speaker.contains(country.as_str()) => Some(format!("{speaker} ({country})")),
        (Some(speaker), _) => Some(speaker.clone()),
        (None, country) => country.clone(),
    }
}

/// The explorer's address of the passage, absolute against `page_url`.
pub fn permalink(card: &Card, page_url: &str, lang: UiLang) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    let hash = Route::permalink(card.reading.clone(), lang).to_hash();
    format!("{base}{hash}")
}

/// Where a reader checks the citation: the article online, or the passage
/// in the explorer.
fn source_link(card: &Card, page_url: &str, lang: UiLang) -> String {
    card.url.clone().unwrap_or_else(|| permalink(card, page_url, lang))
}

/// The words an export calls the quotation: the quoted words, or the whole
/// passage when it quotes none.
fn quotation_text(card: &Card) -> String {
    match quotation(card) {
        Quotation::Quoted(words) => words,
        Quotation::Paraphrase(text) | Quotation::Narration(text) => text,
    }
}

/// What a reference manager's note says the quotation is.
fn kind_note(card: &Card, lang: UiLang) -> Option<&'static str> {
    let strings = lang.strings();
    match quotation(card) {
        Quotation::Quoted(_) => Some(strings.direct_quotation),
        Quotation::Paraphrase(_) => Some(strings.reported_speech),
        Quotation::Narration(_) => None,
    }
}

/// The export's name for how much is quoted: "direct", "mixed" (a few
/// quoted words), "paraphrase", or empty for narration.
fn kind_key(kind: Option<StatementKind>) -> &'static str {
    match kind {
        Some(StatementKind::Direct) => "direct",
        Some(StatementKind::Mixed) => "mixed",
        Some(StatementKind::Indirect) => "paraphrase",
        None => "",
    }
}

/// One item of CSL-JSON, the format citeproc and Zotero read; field names
/// are CSL's.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CslItem {
    pub id: String,
    #[serde(rename = "type")]
    pub item_type: &'static str,
    pub title: String,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    #[serde(rename = "URL")]
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<CslDate>,
    #[serde(rename = "abstract")]
    pub quotation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

/// A name CSL keeps as written: officials' names are not split into
/// family and given parts.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CslName {
    pub literal: String,
}

/// `{"date-parts": [[2025, 10, 25]]}`, as precise as the date is.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CslDate {
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<u32>>,
}

impl CslDate {
    fn parse(iso: &str) -> Option<CslDate> {
        let date: Date = iso.parse().ok()?;
        let parts = std::iter::once(u32::try_from(date.year).ok())
            .chain(date.month.map(|month| Some(u32::from(month))))
            .chain(date.day.map(|day| Some(u32::from(day))))
            .collect::<Option<Vec<u32>>>()?;
        Some(CslDate { date_parts: vec![parts] })
    }
}

/// The CSL-JSON item of a card; `accessed` is today, as `YYYY-MM-DD`.
pub fn csl_item(card: &Card, page_url: &str, accessed: &str, lang: UiLang) -> CslItem {
    CslItem {
        id: citation_key(card),
        item_type: "article-newspaper",
        title: card.title.text.trim().to_owned(),
        container_title: card.outlet.clone(),
        author: author(card).map(|literal| CslName { literal }).into_iter().collect(),
        issued: card.iso_date.as_deref().and_then(CslDate::parse),
        url: source_link(card, page_url, lang),
        accessed: CslDate::parse(accessed),
        quotation: quotation_text(card),
        note: kind_note(card, lang),
    }
}

/// A BibTeX entry: `@article` in its outlet, `@misc` when the article names
/// none; names kept whole in braces, special characters escaped.
pub fn bibtex_entry(card: &Card, page_url: &str, accessed: &str, lang: UiLang) -> String {
    let mut fields: Vec<(&str, String)> = vec![("title", bibtex_text(card.title.text.trim()))];
    if let Some(outlet) = &card.outlet {
        fields.push(("journal", bibtex_text(outlet)));
    }
    if let Some(author) = author(card) {
        fields.push(("author", format!("{{{}}}", bibtex_text(&author))));
    }
    if let Some(date) = card.iso_date.as_deref().filter(|date| date.parse::<Date>().is_ok()) {
        fields.push(("date", date.to_owned()));
        fields.push(("year", date.chars().take(4).collect()));
    }
    fields.push(("url", bibtex_url(&source_link(card, page_url, lang))));
    if accessed.parse::<Date>().is_ok() {
        fields.push(("urldate", accessed.to_owned()));
    }
    fields.push(("abstract", bibtex_text(&quotation_text(card))));
    if let Some(note) = kind_note(card, lang) {
        fields.push(("note", bibtex_text(note)));
    }
    let entry_type = if card.outlet.is_some() { "article" } else { "misc" };
    let body: String = fields.iter().map(|(name, value)| format!("  {name} = {{{value}}},\n")).collect();
    format!("@{entry_type}{{{},\n{body}}}\n", citation_key(card))
}

/// A key stable across builds and safe in both formats: the article's file
/// and the passage number, letters and digits only.
fn citation_key(card: &Card) -> String {
    let file = card.reading.file.strip_suffix(".txt").unwrap_or(&card.reading.file);
    let file: String = file.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("hanoi_{file}_{}", card.reading.passage.unwrap_or(0))
}

/// Text safe inside a braced BibTeX field. Braces become commands rather
/// than `\{`, because BibTeX counts braces even after a backslash.
fn bibtex_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL field is read verbatim: only what would break the entry (braces,
/// backslashes, spaces) is percent-encoded.
fn bibtex_url(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\r' | '\n'))
        .map(|c| match c {
            '{' => "%7B".to_owned(),
            '}' => "%7D".to_owned(),
            '\\' => "%5C".to_owned(),
            ' ' => "%20".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// One statement as exports and the JavaScript API hand it out: plain
/// strings, the permalink absolute so it still works outside the page.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ExportRow {
    pub speaker: String,
    pub role: String,
    pub country: String,
    pub country_code: String,
    pub date: String,
    pub outlet: String,
    pub title: String,
    pub url: String,
    /// "direct", "mixed", "paraphrase", or empty for narration.
    pub kind: String,
    /// The quoted words, pieces joined by " … "; empty when none.
    pub quote: String,
    pub text: String,
    pub permalink: String,
}

impl ExportRow {
    /// The CSV header, in the order of [`ExportRow::cells`].
    pub const COLUMNS: [&'static str; 12] = [
        "speaker",
        "role",
        "country",
        "country_code",
        "date",
        "outlet",
        "title",
        "url",
        "kind",
        "quote",
        "text",
        "permalink",
    ];

    fn cells(&self) -> [&str; 12] {
        [
            &self.speaker,
            &self.role,
            &self.country,
            &self.country_code,
            &self.date,
            &self.outlet,
            &self.title,
            &self.url,
            &self.kind,
            &self.quote,
            &self.text,
            &self.permalink,
        ]
    }
}

/// One export row per card, with the permalink made absolute against `page_url`.
pub fn export_rows(cards: &[Card], page_url: &str, lang: UiLang) -> Vec<ExportRow> {
    cards
        .iter()
        .map(|card| ExportRow {
            speaker: card.who.speaker_label.clone().unwrap_or_default(),
            role: card.who.role.clone().unwrap_or_default(),
            country: card.who.country.clone().unwrap_or_default(),
            country_code: card.who.country_code.clone().unwrap_or_default(),
            date: card.iso_date.clone().unwrap_or_default(),
            outlet: card.outlet.clone().unwrap_or_default(),
            title: card.title.text.clone(),
            url: card.url.clone().unwrap_or_default(),
            kind: kind_key(card.kind).to_owned(),
            quote: match quotation(card) {
                Quotation::Quoted(words) => words,
                Quotation::Paraphrase(_) | Quotation::Narration(_) => String::new(),
            },
            text: card.text.clone(),
            permalink: permalink(card, page_url, lang),
        })
        .collect()
}

/// The byte-order mark that tells a spreadsheet the file is UTF-8: without
/// it Excel reads the accents as Latin-1.
pub const UTF8_BOM: char = '\u{feff}';

/// RFC 4180 CSV with a byte-order mark and a header row. Cells that a
/// spreadsheet would run as a formula get a leading apostrophe, so an
/// exported quote cannot execute.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::from(UTF8_BOM);
    let mut line = |cells: [&str; 12]| {
        let escaped: Vec<String> = cells.into_iter().map(csv_cell).collect();
        out.push_str(&escaped.join(","));
        out.push_str("\r\n");
    };
    line(ExportRow::COLUMNS);
    for row in rows {
        line(row.cells());
    }
    out
}

pub(super) fn csv_cell(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
