//! What leaves the page: a statement's citation, and the rows of the CSV and
//! JSON exports and of the JavaScript API.

use super::*;

/// "Ghada Waly (ONUDC), 25 octobre 2025, VNA : « … »" followed by the source,
/// in the form a footnote or a press review would want.
pub fn citation(card: &Card, lang: UiLang) -> String {
    let strings = lang.strings();
    let speaker = match (&card.who.speaker, &card.who.country) {
        (Some(speaker), Some(country)) if speaker != country => format!("{speaker} ({country})"),
        (Some(speaker), _) => speaker.clone(),
        (None, Some(country)) => country.clone(),
        (None, None) => card.title.text.clone(),
    };
    // French sets a space before the colon, English does not.
    let (open, close, colon) = match lang {
        UiLang::Fr => ("« ", " »", " : "),
        UiLang::En => ("“", "”", ": "),
    };
    let mut parts = vec![speaker];
    parts.extend(card.date.clone());
    parts.extend(card.outlet.clone());
    let mut citation = format!("{}{colon}{open}{}{close}", parts.join(", "), card.text.trim());
    citation.push_str(&format!(" — {}{colon}{}", strings.source, card.title.text));
    if let Some(url) = &card.url {
        citation.push_str(&format!(", {url}"));
    }
    citation
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
    pub text: String,
    pub permalink: String,
}

impl ExportRow {
    /// The CSV header, in the order of [`ExportRow::cells`].
    pub const COLUMNS: [&'static str; 10] =
        ["speaker", "role", "country", "country_code", "date", "outlet", "title", "url", "text", "permalink"];

    fn cells(&self) -> [&str; 10] {
        [
            &self.speaker,
            &self.role,
            &self.country,
            &self.country_code,
            &self.date,
            &self.outlet,
            &self.title,
            &self.url,
            &self.text,
            &self.permalink,
        ]
    }
}

/// One export row per card, with the permalink made absolute against `page_url`.
pub fn export_rows(cards: &[Card], page_url: &str, lang: UiLang) -> Vec<ExportRow> {
    let base = page_url.split('#').next().unwrap_or(page_url);
    cards
        .iter()
        .map(|card| {
            let permalink = Route { reading: Some(card.reading.clone()), lang, ..Route::default() }.to_hash();
            ExportRow {
                speaker: card.who.speaker.clone().unwrap_or_default(),
                role: card.who.role.clone().unwrap_or_default(),
                country: card.who.country.clone().unwrap_or_default(),
                country_code: card.who.country_code.clone().unwrap_or_default(),
                date: card.iso_date.clone().unwrap_or_default(),
                outlet: card.outlet.clone().unwrap_or_default(),
                title: card.title.text.clone(),
                url: card.url.clone().unwrap_or_default(),
                text: card.text.clone(),
                permalink: format!("{base}{permalink}"),
            }
        })
        .collect()
}

/// RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a
/// formula get a leading apostrophe, so an exported quote cannot execute.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::new();
    let mut line = |cells: [&str; 10]| {
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
