//! The editor's report: one HTML page on what the rules extracted and what
//! each finding rests on, for whoever curates the corpus.
//!
//! After adding ten articles an editor cannot read the JSON of every
//! passage. The page puts first what needs a look (skipped files, warnings,
//! quotations nobody was found to have said, dates, outlets and addresses
//! guessed or missing) and then shows, for each attribution, the words it
//! rests on, marked in the passage. It holds its own style and no script
//! and names nothing outside itself, so it opens from disk anywhere. Every
//! piece of corpus text is escaped: an article may hold markup, and a
//! saved page's address may be `javascript:`.

use crate::model::{Correction, Document, Entity, EntityKind, Evidence, Extraction, Passage, Precision, Source, Speaker, Statement, Warning, WarningKind};
use search::{Span, StatementKind};
use std::cmp::Reverse;
use std::path::Path;

/// The whole page for `x`.
pub fn render(x: &Extraction) -> String {
    let mut reviews: Vec<Review> = x.corpus.documents.iter().enumerate().map(|(index, doc)| Review::of(x, index, doc)).collect();
    reviews.sort_by_key(|r| (r.level(), Reverse(r.weight()), r.doc.file.as_str()));
    let other_warnings: Vec<&Warning> = x.warnings.iter().filter(|w| !x.corpus.documents.iter().any(|d| is_about(w, d))).collect();

    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>Corpus report: {} documents</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n", x.corpus.documents.len()));
    out.push_str("<header><h1>Corpus report</h1><p class=\"lede\">For editors: what the rules extracted, what each finding rests on, and what needs a look first.</p></header>\n");
    summary(&mut out, x, &reviews, &other_warnings);
    contents(&mut out, &reviews);
    skipped(&mut out, &other_warnings);
    out.push_str("<section id=\"documents\"><h2>Documents, what needs a look first</h2>\n");
    legend(&mut out);
    for review in &reviews {
        document(&mut out, x, review);
    }
    out.push_str("</section>\n");
    speakers(&mut out, x);
    overrides(&mut out, x);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// How much a document needs a look; the order is the page's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Look,
    Check,
    Fine,
}

impl Level {
    fn class(self) -> &'static str {
        match self {
            Level::Look => "look",
            Level::Check => "check",
            Level::Fine => "fine",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Level::Look => "needs a look",
            Level::Check => "to check",
            Level::Fine => "fine",
        }
    }
}

/// One thing about a document worth an editor's time, and how much.
struct Issue {
    level: Level,
    weight: u32,
    text: String,
}

/// A document with what the report says about it.
struct Review<'a> {
    /// Its place in the corpus, for anchors.
    index: usize,
    doc: &'a Document,
    warnings: Vec<&'a Warning>,
    corrections: Vec<&'a Correction>,
    /// Passages holding quotation marks but no statement: the likeliest misses.
    unattributed: Vec<usize>,
    issues: Vec<Issue>,
}

/// Under this share of attributed passages a document is worth checking.
const LOW_SHARE: f64 = 0.5;

impl<'a> Review<'a> {
    fn of(x: &'a Extraction, index: usize, doc: &'a Document) -> Review<'a> {
        let warnings: Vec<&Warning> = x.warnings.iter().filter(|w| is_about(w, doc)).collect();
        let corrections = x.corrections.iter().filter(|c| c.target == doc.file).collect();
        let unattributed: Vec<usize> = doc.passages.iter().enumerate().filter(|(_, p)| p.statements.is_empty() && has_quotation_marks(&p.text)).map(|(at, _)| at).collect();
        let mut issues = Vec::new();
        let mut issue = |level: Level, weight: u32, text: String| issues.push(Issue { level, weight, text });
        if !warnings.is_empty() {
            issue(Level::Look, count(warnings.len()).saturating_mul(4), plural(warnings.len(), "warning", "warnings"));
        }
        if !unattributed.is_empty() {
            issue(Level::Look, count(unattributed.len()).saturating_mul(3), format!("{} with quotation marks but no speaker", plural(unattributed.len(), "passage", "passages")));
        }
        match &doc.date {
            None => issue(Level::Look, 3, String::from("no date")),
            Some(d) => {
                if d.source == Source::Text {
                    issue(Level::Check, 1, String::from("date inferred from the text"));
                }
                if d.precision != Precision::Day {
                    issue(Level::Check, 1, format!("date known only to the {}", precision(d.precision)));
                }
            }
        }
        match (&doc.outlet, doc.sources.outlet) {
            (None, _) => issue(Level::Check, 2, String::from("no outlet")),
            (Some(_), Some(Source::Text)) => issue(Level::Check, 1, String::from("outlet inferred from the text")),
            _ => {}
        }
        match (&doc.url, doc.sources.url) {
            (None, _) => issue(Level::Check, 2, String::from("no URL")),
            (Some(url), _) if web_address(url).is_none() => issue(Level::Look, 2, String::from("URL is not an http(s) address")),
            (Some(_), Some(Source::Text)) => issue(Level::Check, 1, String::from("URL inferred from the text")),
            _ => {}
        }
        let attributed = doc.passages.iter().filter(|p| !p.statements.is_empty()).count();
        if doc.passages.is_empty() {
            issue(Level::Look, 3, String::from("no passages"));
        } else if (attributed as f64) < LOW_SHARE * doc.passages.len() as f64 {
            issue(Level::Check, 2, format!("only {attributed} of {} passages attributed", doc.passages.len()));
        }
        Review { index, doc, warnings, corrections, unattributed, issues }
    }

    fn level(&self) -> Level {
        self.issues.iter().map(|i| i.level).min().unwrap_or(Level::Fine)
    }

    fn weight(&self) -> u32 {
        self.issues.iter().fold(0, |sum, i| sum.saturating_add(i.weight))
    }

    /// The one line saying why the document stands where it does.
    fn reason(&self) -> String {
        if self.issues.is_empty() {
            return String::from("nothing to check");
        }
        let texts: Vec<&str> = self.issues.iter().map(|i| i.text.as_str()).collect();
        texts.join("; ")
    }
}

/// A warning is about a document when it names the document's file (as a
/// path, from `extract_dir`, or bare, from `extract_article`).
fn is_about(w: &Warning, doc: &Document) -> bool {
    Path::new(&w.file).file_name().is_some_and(|name| name.to_string_lossy() == doc.file)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// The quotation marks the report looks for: French guillemets, English
/// curly quotes, and straight double quotes when they come in a pair.
fn has_quotation_marks(text: &str) -> bool {
    text.contains(['«', '»', '“', '”']) || text.matches('"').count() >= 2
}

fn quotation_marks(text: &str) -> Vec<(Span, Mark)> {
    text.char_indices().filter(|(_, c)| matches!(c, '«' | '»' | '“' | '”' | '"')).map(|(at, c)| (Span::new(at, at + c.len_utf8()), Mark::QuoteChar)).collect()
}

/// The speakers a document's ids index: its own while it stands alone (as
/// `extract_article` returns it), the corpus's once merged.
fn speakers_of<'a>(x: &'a Extraction, doc: &'a Document) -> &'a [Speaker] {
    if doc.speakers.is_empty() {
        &x.corpus.speakers
    } else {
        &doc.speakers
    }
}

fn summary(out: &mut String, x: &Extraction, reviews: &[Review], other_warnings: &[&Warning]) {
    let passages: usize = x.corpus.documents.iter().map(|d| d.passages.len()).sum();
    let attributed = x.corpus.documents.iter().flat_map(|d| &d.passages).filter(|p| !p.statements.is_empty()).count();
    let share = attributed.saturating_mul(100).checked_div(passages).unwrap_or(0);
    let at = |level: Level| reviews.iter().filter(|r| r.level() == level).count();
    let unattributed: usize = reviews.iter().map(|r| r.unattributed.len()).sum();
    let merged = x.corpus.speakers.iter().filter(|s| !s.aliases.is_empty()).count();
    let tile = |out: &mut String, level: Level, n: usize, label: &str, href: &str| {
        let class = if n == 0 { "" } else { level.class() };
        out.push_str(&format!("<a class=\"tile {class}\" href=\"#{href}\"><b>{n}</b>{label}</a>"));
    };
    out.push_str("<section id=\"summary\" aria-label=\"Summary\"><div class=\"tiles\">");
    tile(out, Level::Fine, x.corpus.documents.len(), "documents", "documents");
    tile(out, Level::Look, at(Level::Look), "need a look", "documents");
    tile(out, Level::Check, at(Level::Check), "to check", "documents");
    tile(out, Level::Look, other_warnings.len(), "skipped files and other warnings", "skipped");
    tile(out, Level::Look, x.warnings.len().saturating_sub(other_warnings.len()), "warnings on documents", "documents");
    tile(out, Level::Look, unattributed, "quotes with no speaker", "documents");
    tile(out, Level::Fine, passages, &format!("passages, {attributed} attributed ({share}%)"), "documents");
    tile(out, Level::Fine, x.corpus.speakers.len(), &format!("speakers, {merged} with variants"), "speakers");
    tile(out, Level::Fine, x.corrections.len(), "corrections applied", "overrides");
    out.push_str("</div></section>\n");
}

fn contents(out: &mut String, reviews: &[Review]) {
    out.push_str("<nav id=\"contents\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
    out.push_str("<li><a href=\"#skipped\">Skipped files and other warnings</a></li>");
    out.push_str("<li><a href=\"#documents\">Documents</a><ol class=\"docs\">");
    for r in reviews {
        let level = r.level();
        out.push_str(&format!(
            "<li><a href=\"#doc-{}\">{}</a> <span class=\"badge {}\">{}</span> <span class=\"reason\">{}</span></li>",
            r.index,
            esc(&short(&r.doc.title, 80)),
            level.class(),
            level.label(),
            esc(&r.reason())
        ));
    }
    out.push_str("</ol></li><li><a href=\"#speakers\">Speakers and their variants</a></li><li><a href=\"#overrides\">Overrides applied</a></li></ol></nav>\n");
}

fn skipped(out: &mut String, warnings: &[&Warning]) {
    out.push_str("<section id=\"skipped\"><h2>Skipped files and other warnings</h2>\n");
    if warnings.is_empty() {
        out.push_str("<p class=\"none\">No file was skipped, and every warning is about a document.</p></section>\n");
        return;
    }
    out.push_str("<table class=\"wide\"><thead><tr><th>File</th><th>What</th><th>Message</th></tr></thead><tbody>");
    for w in warnings {
        out.push_str(&format!(
            "<tr><td data-label=\"File\"><code>{}</code></td><td data-label=\"What\">{}</td><td data-label=\"Message\">{}</td></tr>",
            esc(&w.file),
            warning_kind(w.kind),
            esc(&w.message)
        ));
    }
    out.push_str("</tbody></table></section>\n");
}

fn warning_kind(kind: WarningKind) -> String {
    let (class, label) = match kind {
        WarningKind::Unreadable => ("look", "unreadable: skipped"),
        WarningKind::NotAnArticle => ("look", "no article: skipped"),
        WarningKind::NotRead => ("look", "not read"),
        WarningKind::Override => ("look", "corpus.toml matched nothing"),
        WarningKind::Decoding => ("check", "decoding repaired"),
        WarningKind::Size => ("check", "size"),
        WarningKind::Header => ("check", "header line not used"),
        WarningKind::Markup => ("check", "broken markup or charset"),
        WarningKind::Metadata => ("check", "page metadata not used"),
    };
    format!("<span class=\"badge {class}\">{label}</span>")
}

fn legend(out: &mut String) {
    out.push_str(concat!(
        "<p class=\"legend\"><b>In passages:</b> ",
        "<mark class=\"cue\">cue</mark> the reporting words an attribution rests on; ",
        "<span class=\"mention\">mention</span> the words naming the speaker; ",
        "<span class=\"quote\">quoted words</span>; ",
        "<span class=\"qmark\">«</span> quotation marks in a passage with no speaker. ",
        "<b>Fields:</b> <span class=\"tag given\">given</span> by the file, ",
        "<span class=\"tag corrected\">corrected</span> in corpus.toml, ",
        "<span class=\"tag inferred\">inferred</span> from the text, ",
        "<span class=\"tag missing\">missing</span>.</p>\n"
    ));
}

fn document(out: &mut String, x: &Extraction, r: &Review) {
    let doc = r.doc;
    let level = r.level();
    let attributed = doc.passages.iter().filter(|p| !p.statements.is_empty()).count();
    out.push_str(&format!(
        "<article class=\"doc {}\" id=\"doc-{}\"><h3 lang=\"{}\">{}</h3><p class=\"status\"><span class=\"badge {}\">{}</span> <span class=\"reason\">{}</span></p><p class=\"file\"><code>{}</code></p>\n",
        level.class(),
        r.index,
        doc.lang.as_str(),
        esc(&doc.title),
        level.class(),
        level.label(),
        esc(&r.reason()),
        esc(&doc.file)
    ));
    metadata(out, doc);
    if !r.warnings.is_empty() {
        out.push_str("<h4>Warnings</h4><ul class=\"warnings\">");
        for w in &r.warnings {
            out.push_str(&format!("<li>{} {}</li>", warning_kind(w.kind), esc(&w.message)));
        }
        out.push_str("</ul>\n");
    }
    if !r.corrections.is_empty() {
        out.push_str("<h4>Corrections applied</h4><ul>");
        for c in &r.corrections {
            out.push_str(&format!("<li>{} <span class=\"muted\">({})</span></li>", esc(&c.change), esc(&c.file)));
        }
        out.push_str("</ul>\n");
    }
    if !r.unattributed.is_empty() {
        out.push_str("<h4>Quotation marks with no speaker</h4><ul class=\"misses\">");
        for &at in &r.unattributed {
            let text = doc.passages.get(at).map_or("", |p| p.text.as_str());
            out.push_str(&format!("<li><a href=\"#doc-{}-p{at}\">¶{}</a> {}</li>", r.index, at + 1, esc(&short(text, 140))));
        }
        out.push_str("</ul>\n");
    }
    let open = if level == Level::Fine { "" } else { " open" };
    out.push_str(&format!("<details{open}><summary>{} passages, {attributed} attributed</summary>\n", doc.passages.len()));
    let speakers = speakers_of(x, doc);
    let mut section: Option<&str> = None;
    for (at, p) in doc.passages.iter().enumerate() {
        if p.section.as_deref() != section {
            section = p.section.as_deref();
            if let Some(title) = section {
                out.push_str(&format!("<p class=\"section-title\">{}</p>", esc(title)));
            }
        }
        passage(out, r.index, doc.lang.as_str(), at, p, speakers);
    }
    out.push_str("</details></article>\n");
}

fn metadata(out: &mut String, doc: &Document) {
    let row = |out: &mut String, field: &str, value: String, source: Option<Source>, evidence: Option<&str>| {
        let evidence = evidence.map_or(String::new(), |e| format!("<div class=\"evidence\">{}</div>", esc(e)));
        out.push_str(&format!("<tr><th>{field}</th><td>{value}{evidence}</td><td class=\"src\">{}</td></tr>", source_tag(source)));
    };
    let missing = || String::from("<span class=\"muted\">none</span>");
    out.push_str("<table class=\"meta\"><tbody>");
    row(out, "Title", esc(&doc.title), Some(doc.sources.title), None);
    row(out, "Outlet", doc.outlet.as_deref().map_or_else(missing, esc), doc.sources.outlet, None);
    let url = doc.url.as_deref().map_or_else(missing, |url| match web_address(url) {
        Some(href) => format!("<a href=\"{}\" rel=\"noreferrer\">{}</a>", esc(href), esc(url)),
        None => format!("<code>{}</code> <span class=\"badge look\">not an http(s) address: not a link</span>", esc(url)),
    });
    row(out, "URL", url, doc.sources.url, None);
    if let Some(author) = &doc.author {
        row(out, "Author", esc(author), doc.sources.author, None);
    }
    row(out, "Language", String::from(doc.lang.as_str()), Some(doc.sources.lang), None);
    match &doc.date {
        Some(d) => row(out, "Date", format!("{} <span class=\"muted\">(to the {})</span>", d.date, precision(d.precision)), Some(d.source), Some(&d.evidence)),
        None => row(out, "Date", missing(), None, None),
    }
    out.push_str("</tbody></table>\n");
}

/// Where a field was read, as a coloured tag and the source's own name.
fn source_tag(source: Option<Source>) -> String {
    match source {
        None => String::from("<span class=\"tag missing\">missing</span>"),
        Some(Source::Text) => String::from("<span class=\"tag inferred\">inferred</span> from the text"),
        Some(Source::Override) => String::from("<span class=\"tag corrected\">corrected</span> in corpus.toml"),
        Some(s) => format!("<span class=\"tag given\">given</span> by {}", esc(s.describe())),
    }
}

/// An address a link may point at: http(s) only, so that a `javascript:`
/// or `data:` address in a page is shown, never followed.
fn web_address(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// Passage `at` of document `doc`, whose language is `lang`.
fn passage(out: &mut String, doc: usize, lang: &str, at: usize, p: &Passage, speakers: &[Speaker]) {
    let unattributed = p.statements.is_empty() && has_quotation_marks(&p.text);
    let mut marks: Vec<(Span, Mark)> = Vec::new();
    for s in &p.statements {
        marks.extend(s.quotes.iter().map(|q| (*q, Mark::Quote)));
        if let Evidence::Cue { cue, mention } = s.evidence {
            marks.push((cue, Mark::Cue));
            marks.extend(mention.map(|m| (m, Mark::Mention)));
        }
    }
    if unattributed {
        marks.extend(quotation_marks(&p.text));
    }
    // Every statement of a passage carries the passage's quotes: mark them once.
    marks.sort_by_key(|(span, mark)| (span.start, span.end, *mark));
    marks.dedup();
    let (text, dropped) = marked(&p.text, &marks);
    let class = if unattributed {
        " unattributed"
    } else if p.statements.is_empty() {
        " quiet"
    } else {
        ""
    };
    out.push_str(&format!("<div class=\"passage{class}\" id=\"doc-{doc}-p{at}\"><a class=\"n\" href=\"#doc-{doc}-p{at}\">¶{}</a><p lang=\"{lang}\">{text}</p>", at + 1));
    if dropped > 0 {
        out.push_str(&format!("<p class=\"note\">{} outside the text or inside a character: not marked</p>", plural(dropped, "span lies", "spans lie")));
    }
    if !p.statements.is_empty() {
        out.push_str("<ul class=\"statements\">");
        for s in &p.statements {
            statement(out, doc, at, p, s, speakers);
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>\n");
}

fn statement(out: &mut String, doc: usize, at: usize, p: &Passage, s: &Statement, speakers: &[Speaker]) {
    let speaker = speakers.get(s.speaker.0 as usize);
    let name = speaker.map_or_else(|| format!("unknown speaker #{}", s.speaker.0), Speaker::display_name);
    let entity = speaker.and_then(|sp| sp.entity.as_ref()).map_or(String::new(), |e| {
        let kind = match e.kind {
            EntityKind::Country => "country",
            EntityKind::Organization => "body",
        };
        format!(" <span class=\"entity\">{} ({kind})</span>", entity_name(e))
    });
    let kind = match s.kind {
        StatementKind::Direct => "direct quote",
        StatementKind::Indirect => "reported speech",
        StatementKind::Mixed => "reported, with quoted words",
    };
    let quoted = |span: Span| p.text.get(span.range()).map_or_else(|| String::from("(bad span)"), |t| format!("“{}”", esc(t)));
    let evidence = match s.evidence {
        Evidence::Cue { cue, mention: Some(m) } => format!("cue {}, mention {}", quoted(cue), quoted(m)),
        Evidence::Cue { cue, mention: None } => format!("cue {}, naming the speaker itself", quoted(cue)),
        Evidence::Continuation { passage: target } => {
            let target = target as usize;
            let how = if target < at { "continues the speech cued in" } else { "summed up by the cue in" };
            match target.checked_add(1) {
                Some(shown) if target != at => format!("no cue of its own: {how} <a href=\"#doc-{doc}-p{target}\">¶{shown}</a>"),
                _ => format!("no cue of its own: points at passage {target}, which is not another passage"),
            }
        }
    };
    out.push_str(&format!(
        "<li class=\"statement\"><span class=\"speaker\">{}</span>{entity} <span class=\"kind\">{kind}</span> <span class=\"how\">{evidence}</span></li>",
        esc(&name)
    ));
}

/// A country or body by its English name, and its code when that differs.
fn entity_name(e: &Entity) -> String {
    if e.name_en == e.code {
        esc(&e.name_en)
    } else {
        format!("{} <span class=\"code\">{}</span>", esc(&e.name_en), esc(&e.code))
    }
}

fn speakers(out: &mut String, x: &Extraction) {
    out.push_str("<section id=\"speakers\"><h2>Speakers and their variants</h2>\n<p class=\"muted\">One row per identity; the variants are the other spellings merged into it. Those with variants come first.</p>\n");
    if x.corpus.speakers.is_empty() {
        out.push_str("<p class=\"none\">No speaker was found.</p></section>\n");
        return;
    }
    let mut order: Vec<usize> = (0..x.corpus.speakers.len()).collect();
    let names: Vec<String> = x.corpus.speakers.iter().map(Speaker::display_name).collect();
    order.sort_by_key(|&i| (Reverse(x.corpus.speakers.get(i).map_or(0, |s| s.aliases.len())), names.get(i).cloned()));
    out.push_str("<table class=\"wide\"><thead><tr><th>Speaker</th><th>Country or body</th><th>Role</th><th>Variants</th><th>Speaks in</th></tr></thead><tbody>");
    for i in order {
        let (Some(s), Some(name)) = (x.corpus.speakers.get(i), names.get(i)) else { continue };
        let entity = s.entity.as_ref().map_or(String::new(), entity_name);
        let variants: Vec<String> = s.aliases.iter().map(|a| esc(a)).collect();
        let mut docs = Vec::new();
        for (index, d) in x.corpus.documents.iter().enumerate().filter(|(_, d)| d.speakers.is_empty()) {
            let n = d.passages.iter().filter(|p| p.speakers().any(|id| id.0 as usize == i)).count();
            if n > 0 {
                docs.push(format!("<a href=\"#doc-{index}\" title=\"{}\">{}</a> ({n}¶)", esc(&d.file), esc(&short(&d.title, 48))));
            }
        }
        out.push_str(&format!(
            "<tr id=\"speaker-{i}\"><td data-label=\"Speaker\"><b>{}</b></td><td data-label=\"Country or body\">{entity}</td><td data-label=\"Role\">{}</td><td data-label=\"Variants\">{}</td><td data-label=\"Speaks in\">{}</td></tr>",
            esc(name),
            esc(s.role.as_deref().unwrap_or("")),
            variants.join("<br>"),
            docs.join("<br>")
        ));
    }
    out.push_str("</tbody></table></section>\n");
}

fn overrides(out: &mut String, x: &Extraction) {
    out.push_str("<section id=\"overrides\"><h2>Overrides applied</h2>\n<h3>Corrections from corpus.toml</h3>\n");
    if x.corrections.is_empty() {
        out.push_str("<p class=\"none\">No correction from corpus.toml took effect.</p>\n");
    } else {
        out.push_str("<table class=\"wide\"><thead><tr><th>Target</th><th>Change</th><th>File</th></tr></thead><tbody>");
        for c in &x.corrections {
            let document = x.corpus.documents.iter().position(|d| d.file == c.target).map(|i| format!("<a href=\"#doc-{i}\"><code>{}</code></a>", esc(&c.target)));
            let speaker = || x.corpus.speakers.iter().position(|s| s.name.as_deref() == Some(c.target.as_str())).map(|i| format!("<a href=\"#speaker-{i}\">{}</a>", esc(&c.target)));
            let target = document.or_else(speaker).unwrap_or_else(|| esc(&c.target));
            out.push_str(&format!(
                "<tr><td data-label=\"Target\">{target}</td><td data-label=\"Change\">{}</td><td data-label=\"File\"><code>{}</code></td></tr>",
                esc(&c.change),
                esc(&c.file)
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("<h3>Fields the files give themselves</h3>\n");
    let mut rows = String::new();
    for (index, d) in x.corpus.documents.iter().enumerate() {
        let fields: Vec<String> = given_fields(d).into_iter().map(|(field, source)| format!("{field} <span class=\"muted\">({})</span>", esc(source.describe()))).collect();
        if !fields.is_empty() {
            rows.push_str(&format!("<tr><td data-label=\"Document\"><a href=\"#doc-{index}\"><code>{}</code></a></td><td data-label=\"Given\">{}</td></tr>", esc(&d.file), fields.join(", ")));
        }
    }
    if rows.is_empty() {
        out.push_str("<p class=\"none\">No file gives its own metadata: every field was inferred from the text.</p>\n");
    } else {
        out.push_str(&format!("<table class=\"wide\"><thead><tr><th>Document</th><th>Given by the file (header or page metadata)</th></tr></thead><tbody>{rows}</tbody></table>\n"));
    }
    out.push_str("</section>\n");
}

/// The fields a file gave itself, by a header or a saved page's metadata
/// (corrections from corpus.toml are listed apart).
fn given_fields(d: &Document) -> Vec<(&'static str, Source)> {
    let fields = [("title", Some(d.sources.title)), ("outlet", d.sources.outlet), ("URL", d.sources.url), ("language", Some(d.sources.lang)), ("date", d.date.as_ref().map(|e| e.source))];
    fields.into_iter().filter_map(|(field, source)| source.filter(|s| s.is_given() && *s != Source::Override).map(|s| (field, s))).collect()
}

/// What a stretch of passage text is marked as; where marks overlap they
/// nest in this order, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Quote,
    Mention,
    Cue,
    QuoteChar,
}

impl Mark {
    const ALL: [Mark; 4] = [Mark::Quote, Mark::Mention, Mark::Cue, Mark::QuoteChar];

    fn open(self) -> &'static str {
        match self {
            Mark::Quote => "<span class=\"quote\">",
            Mark::Mention => "<span class=\"mention\">",
            Mark::Cue => "<mark class=\"cue\">",
            Mark::QuoteChar => "<span class=\"qmark\">",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Mark::Cue => "</mark>",
            _ => "</span>",
        }
    }
}

/// `text` escaped, each mark around its span, and how many spans were left
/// out: empty, past the end, or cutting a character (the spans are byte
/// ranges, and a bad one must not break the page).
fn marked(text: &str, marks: &[(Span, Mark)]) -> (String, usize) {
    let mut edges: Vec<(usize, Mark, bool)> = Vec::with_capacity(marks.len() * 2);
    for (span, mark) in marks {
        if span.start < span.end && text.get(span.range()).is_some() {
            edges.push((span.start as usize, *mark, true));
            edges.push((span.end as usize, *mark, false));
        }
    }
    let dropped = marks.len() - edges.len() / 2;
    edges.sort_by_key(|e| e.0);
    let mut open = [0usize; Mark::ALL.len()];
    let mut out = String::with_capacity(text.len() + 32 * edges.len());
    let (mut at, mut next_edge) = (0, 0);
    while at < text.len() {
        while let Some(&(_, mark, starts)) = edges.get(next_edge).filter(|e| e.0 <= at) {
            if let Some(depth) = open.get_mut(mark as usize) {
                *depth = if starts { *depth + 1 } else { depth.saturating_sub(1) };
            }
            next_edge += 1;
        }
        let until = edges.get(next_edge).map_or(text.len(), |e| e.0);
        let on: Vec<Mark> = Mark::ALL.into_iter().filter(|m| open.get(*m as usize).is_some_and(|d| *d > 0)).collect();
        on.iter().for_each(|m| out.push_str(m.open()));
        out.push_str(&esc(text.get(at..until).unwrap_or("")));
        on.iter().rev().for_each(|m| out.push_str(m.close()));
        at = until;
    }
    (out, dropped)
}

/// Text made safe for HTML, in an element or a quoted attribute.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// At most `n` characters of `s`, an ellipsis marking a cut.
fn short(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s).trim_end()),
    }
}

const STYLE: &str = "
:root{--ink:#1d2433;--muted:#5b6475;--line:#e3e6ec;--paper:#fff;--bg:#f5f6f8;
--look:#b42318;--look-bg:#fdecea;--check:#a15c07;--check-bg:#fff4dc;--fine:#16794c;--fine-bg:#e7f6ee;
--given:#2f4fb5;--given-bg:#e8eefc;--fixed:#6b3fb8;--fixed-bg:#f1ebfb;--cue:#ffe58a;--mention:#2f4fb5;--mention-bg:#e3ebff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.75rem;margin:.25rem 0}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:0 0 .35rem;line-height:1.35}
section>h3{margin:1.5rem 0 .5rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:1rem 0 .35rem}
a{color:var(--given)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.lede,.muted,.none{color:var(--muted)}
.none{font-style:italic}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.6rem;margin-top:1.25rem}
.tile{display:block;background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:.6rem .8rem;color:var(--muted);text-decoration:none;font-size:.85rem;line-height:1.3}
.tile b{display:block;font-size:1.6rem;color:var(--ink);line-height:1.2}
.tile.look{background:var(--look-bg);border-color:#f5c2bc}.tile.look b{color:var(--look)}
.tile.check{background:var(--check-bg);border-color:#f3d9a4}.tile.check b{color:var(--check)}
nav ol{padding-left:1.4rem;margin:.25rem 0}
nav li{margin:.2rem 0}
nav .docs{list-style:decimal}
nav .docs li{line-height:1.4}
.badge{display:inline-block;font-size:.72rem;font-weight:650;padding:.05rem .5rem;border-radius:999px;white-space:nowrap;vertical-align:.1em}
.badge.look{background:var(--look-bg);color:var(--look)}
.badge.check{background:var(--check-bg);color:var(--check)}
.badge.fine{background:var(--fine-bg);color:var(--fine)}
.reason{color:var(--muted);font-size:.9rem}
table{width:100%;border-collapse:collapse;background:var(--paper);font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line);overflow-wrap:break-word}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:var(--bg)}
.doc{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--fine);border-radius:10px;padding:1rem 1.1rem;margin:1.25rem 0}
.doc.look{border-left-color:var(--look)}
.doc.check{border-left-color:var(--check)}
.doc:target{box-shadow:0 0 0 3px var(--mention-bg)}
.status{margin:.2rem 0}
.file{margin:.1rem 0 .6rem;color:var(--muted)}
.meta{table-layout:fixed}
.meta td{overflow-wrap:anywhere}
.meta th{width:6.5rem;color:var(--muted);font-weight:550}
.meta .src{width:15rem;font-size:.82rem;color:var(--muted)}
.evidence{font-size:.82rem;color:var(--muted);font-style:italic}
.tag{display:inline-block;font-size:.72rem;font-weight:650;padding:0 .4rem;border-radius:4px;font-style:normal}
.tag.given{background:var(--given-bg);color:var(--given)}
.tag.corrected{background:var(--fixed-bg);color:var(--fixed)}
.tag.inferred{background:var(--check-bg);color:var(--check)}
.tag.missing{background:var(--look-bg);color:var(--look)}
.warnings,.misses{margin:.2rem 0;padding-left:1.2rem}
.warnings li,.misses li{margin:.25rem 0}
details{margin-top:1rem}
summary{cursor:pointer;font-weight:600;padding:.3rem 0}
.section-title{margin:1rem 0 0;font-size:.8rem;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.passage{position:relative;padding:.55rem .5rem .55rem 2.6rem;border-top:1px solid var(--line)}
.passage p{margin:0}
.passage .n{position:absolute;left:.4rem;top:.6rem;font-size:.78rem;color:var(--muted);text-decoration:none}
.passage.quiet p{color:var(--muted)}
.passage.unattributed{background:var(--check-bg);border-left:3px solid var(--check)}
.passage:target{background:var(--mention-bg)}
.note{font-size:.8rem;color:var(--look)}
mark.cue{background:var(--cue);color:inherit;border-radius:3px;padding:0 .12em;font-weight:600}
.mention{background:var(--mention-bg);box-shadow:inset 0 -2px 0 var(--mention);border-radius:2px}
.quote{font-style:italic;color:#2b3550}
.qmark{background:var(--look-bg);color:var(--look);font-weight:800;border-radius:3px;padding:0 .1em;outline:1px solid #f5c2bc}
.statements{list-style:none;margin:.4rem 0 0;padding:0;font-size:.88rem}
.statement{margin:.15rem 0;padding-left:.9rem;border-left:3px solid var(--line)}
.statement .speaker{font-weight:650}
.statement .entity{color:var(--muted)}
.code{font-size:.75rem;color:var(--muted);letter-spacing:.03em}
.statement .kind{display:inline-block;font-size:.72rem;padding:0 .4rem;border-radius:4px;background:var(--bg);color:var(--muted);border:1px solid var(--line)}
.statement .how{color:var(--muted)}
.legend{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:.6rem .9rem;font-size:.88rem;line-height:1.9}
@media (max-width:40rem){
body{font-size:15px}
main{padding:1rem .75rem 3rem}
h1{font-size:1.45rem}
.doc{padding:.8rem .75rem;border-left-width:4px}
.passage{padding-left:2.1rem}
.tiles{grid-template-columns:repeat(auto-fill,minmax(6.8rem,1fr));gap:.45rem}
.tile{padding:.45rem .6rem;font-size:.78rem}
.tile b{font-size:1.25rem}
.meta tr{display:grid;grid-template-columns:5.8rem 1fr}
.meta th,.meta td{border:0}
.meta tr{border-bottom:1px solid var(--line)}
.meta .src{grid-column:2;width:auto;padding-top:0}
table.wide thead{display:none}
table.wide tr{display:block;border-bottom:1px solid var(--line);padding:.35rem .2rem}
table.wide td{display:block;border:0;padding:.1rem .4rem}
table.wide td::before{content:attr(data-label);display:block;font-size:.7rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table.wide td:empty{display:none}
table.wide td:first-child::before{display:none}
}
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract_article;
    use crate::model::{Corpus, DatedEvidence, Sources, SpeakerId};
    use search::{Date, Lang};

    /// An extraction of articles written here, each merged into the corpus
    /// as `extract_dir` would: its speakers appended, its ids moved along.
    fn extraction(articles: &[(&str, &str)]) -> Extraction {
        let mut corpus = Corpus { documents: Vec::new(), speakers: Vec::new() };
        let mut warnings = Vec::new();
        for (file, text) in articles {
            let (mut doc, ws) = extract_article(file, text.as_bytes()).unwrap();
            let offset = corpus.speakers.len() as u32;
            for p in &mut doc.passages {
                p.remap_speakers(|id| Some(SpeakerId(id.0 + offset)));
            }
            corpus.speakers.append(&mut doc.speakers);
            corpus.documents.push(doc);
            warnings.extend(ws);
        }
        Extraction { corpus, warnings, corrections: Vec::new() }
    }

    const HEADER: &str = "title: Le traité signé\ndate: 2025-10-25\nurl: https://example.org/traite\noutlet: Le Journal\n\n";

    fn signed() -> String {
        format!("{HEADER}« Nous signerons », a déclaré Jean Dupont.\n\n« Il faut agir ensemble. »\n")
    }

    /// A document made by hand, for what the rules would never produce.
    fn by_hand(file: &str, title: &str, url: Option<&str>, passages: Vec<Passage>) -> Document {
        Document {
            file: file.to_string(),
            title: title.to_string(),
            outlet: None,
            url: url.map(String::from),
            author: None,
            lang: Lang::Fr,
            date: Some(DatedEvidence { date: Date::ymd(2025, 10, 25), precision: Precision::Day, source: Source::Text, evidence: String::from("first date") }),
            sources: Sources { title: Source::Text, outlet: None, url: url.map(|_| Source::Text), author: None, lang: Source::Text },
            passages,
            captions: Vec::new(),
            speakers: Vec::new(),
        }
    }

    fn plain(text: &str) -> Passage {
        Passage { text: text.to_string(), section: None, statements: Vec::new(), mentions: Vec::new(), dates: Vec::new() }
    }

    fn alone(doc: Document, speakers: Vec<Speaker>) -> Extraction {
        Extraction { corpus: Corpus { documents: vec![doc], speakers }, warnings: Vec::new(), corrections: Vec::new() }
    }

    #[test]
    fn the_cue_and_the_mention_are_marked_and_the_speaker_named() {
        let page = render(&extraction(&[("x.txt", &signed())]));
        assert!(page.contains("<mark class=\"cue\">a déclaré</mark>"), "{page}");
        assert!(page.contains("<span class=\"mention\">Jean Dupont</span>"), "{page}");
        assert!(page.contains("<span class=\"speaker\">Jean Dupont</span>"), "{page}");
        assert!(page.contains("«<span class=\"quote\"> Nous signerons </span>»"), "{page}");
    }

    #[test]
    fn a_continuation_links_to_the_passage_with_the_cue() {
        let page = render(&extraction(&[("x.txt", &signed())]));
        assert!(page.contains("continues the speech cued in <a href=\"#doc-0-p0\">¶1</a>"), "{page}");
        assert!(page.contains("id=\"doc-0-p0\""));
    }

    #[test]
    fn markup_in_the_corpus_is_text() {
        let article = "<script>alert(1)</script> Le traité\n\n« Nous signerons <img src=x onerror=alert(2)> », a déclaré Jean Dupont.\n";
        let page = render(&extraction(&[("<b>x</b>.txt", article)]));
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>x"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Le traité"), "{page}");
        assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"), "{page}");
    }

    #[test]
    fn only_a_web_address_becomes_a_link() {
        let doc = by_hand("x.txt", "Titre", Some("javascript:alert(3)"), vec![plain("Le texte.")]);
        let page = render(&alone(doc, Vec::new()));
        assert!(!page.to_ascii_lowercase().contains("href=\"javascript"), "{page}");
        assert!(page.contains("<code>javascript:alert(3)</code>"), "{page}");
        assert!(page.contains("URL is not an http(s) address"), "{page}");
        let doc = by_hand("y.txt", "Titre", Some("HTTPS://example.org/a?b=1&c=\"2\""), vec![plain("Le texte.")]);
        assert!(render(&alone(doc, Vec::new())).contains("<a href=\"HTTPS://example.org/a?b=1&amp;c=&quot;2&quot;\""));
    }

    #[test]
    fn a_quote_with_no_speaker_is_listed_with_its_marks() {
        let doc = by_hand("x.txt", "Titre", None, vec![plain("Le texte parle d'une « coopération renforcée » entre les États.")]);
        let page = render(&alone(doc, Vec::new()));
        assert!(page.contains("1 passage with quotation marks but no speaker"), "{page}");
        assert!(page.contains("<li><a href=\"#doc-0-p0\">¶1</a> Le texte parle d&#39;une « coopération renforcée »"), "{page}");
        assert!(page.contains("<span class=\"qmark\">«</span>"), "{page}");
        assert!(page.contains("class=\"passage unattributed\""), "{page}");
    }

    #[test]
    fn a_document_with_a_warning_comes_before_a_clean_one() {
        let mut x = extraction(&[("a.txt", &signed()), ("b.txt", &signed())]);
        x.warnings.push(Warning { file: String::from("corpus/b.txt"), kind: WarningKind::Decoding, message: String::from("read as Windows-1252") });
        let page = render(&x);
        let (clean, warned) = (page.find("id=\"doc-0\""), page.find("id=\"doc-1\""));
        assert!(warned.is_some() && clean.is_some() && warned < clean, "{page}");
        assert!(page.contains("<span class=\"badge fine\">fine</span> <span class=\"reason\">nothing to check</span>"), "{page}");
        assert!(page.contains("read as Windows-1252"));
    }

    #[test]
    fn a_skipped_file_is_listed_apart_from_the_documents() {
        let mut x = extraction(&[("a.txt", &signed())]);
        x.warnings.push(Warning { file: String::from("corpus/notes.md"), kind: WarningKind::NotRead, message: String::from("not read") });
        let page = render(&x);
        let skipped = page.find("<code>corpus/notes.md</code>");
        assert!(skipped.is_some() && skipped < page.find("id=\"doc-0\""), "{page}");
        assert!(page.contains("<b>1</b>skipped files and other warnings"), "{page}");
    }

    #[test]
    fn variants_corrections_and_given_fields_are_listed() {
        let mut x = extraction(&[("a.txt", &signed())]);
        if let Some(s) = x.corpus.speakers.first_mut() {
            s.aliases = vec![String::from("M. Jean Dupont")];
        }
        x.corrections.push(Correction { file: String::from("corpus.toml"), target: String::from("a.txt"), change: String::from("date set to 2025-10-26") });
        x.corrections.push(Correction { file: String::from("corpus.toml"), target: String::from("Jean Dupont"), change: String::from("spellings merged: M. Jean Dupont") });
        let page = render(&x);
        assert!(page.contains("<td data-label=\"Variants\">M. Jean Dupont</td><td data-label=\"Speaks in\"><a href=\"#doc-0\""), "{page}");
        assert!(page.contains("<td data-label=\"Target\"><a href=\"#doc-0\"><code>a.txt</code></a></td><td data-label=\"Change\">date set to 2025-10-26</td>"), "{page}");
        assert!(page.contains("<td data-label=\"Target\"><a href=\"#speaker-0\">Jean Dupont</a></td>"), "{page}");
        assert!(page.contains("<tr id=\"speaker-0\">"), "{page}");
        assert!(page.contains("outlet <span class=\"muted\">(the file&#39;s header)</span>"), "{page}");
        assert!(page.contains("<span class=\"tag given\">given</span> by the file&#39;s header"), "{page}");
    }

    #[test]
    fn a_bad_span_is_left_out_and_the_text_kept() {
        let text = "« Été », a dit Éric.";
        let cue = |start, end| Evidence::Cue { cue: Span { start, end }, mention: Some(Span { start: 1, end: 900 }) };
        let first = Statement { speaker: SpeakerId(7), kind: StatementKind::Direct, evidence: cue(3, 4), quotes: vec![Span { start: 5, end: 2 }] };
        // A second statement on the same spans: they are counted once.
        let statements = vec![first.clone(), Statement { speaker: SpeakerId(8), ..first }];
        let doc = by_hand("x.txt", "Titre", None, vec![Passage { statements, ..plain(text) }]);
        let page = render(&alone(doc, Vec::new()));
        assert!(page.contains("<p lang=\"fr\">« Été », a dit Éric.</p>"), "{page}");
        assert!(page.contains("3 spans lie outside the text or inside a character"), "{page}");
        assert!(page.contains("unknown speaker #7"), "{page}");
    }

    #[test]
    fn overlapping_marks_nest() {
        let marks = [(Span::new(0, 9), Mark::Quote), (Span::new(4, 12), Mark::Cue)];
        assert_eq!(marked("abc <def> gh", &marks).0, "<span class=\"quote\">abc </span><span class=\"quote\"><mark class=\"cue\">&lt;def&gt;</mark></span><mark class=\"cue\"> gh</mark>");
    }
}
