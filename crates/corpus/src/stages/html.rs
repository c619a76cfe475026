//! Saved web pages to article text: the first stage for `.html` files.
//!
//! People who collect articles save pages ("Save page as…"), and a saved
//! page says of itself what a pasted text leaves to guesswork: its title,
//! date, outlet, address and language. This stage reads those from where
//! pages really carry them (JSON-LD, Open Graph and `article:` tags, other
//! `<meta>` tags, `<time>`, the canonical link, the browser's "saved from"
//! note, `<html lang>`, `<title>`), and turns the article's body into the
//! plain text a `.txt` seed holds: the title line, then one paragraph per
//! block, blank lines between. Everything after it (cleaning, dates,
//! speakers) is the same for both kinds of file.
//!
//! The page is parsed with html5ever (through `scraper`), as a browser
//! would, so broken markup is repaired the way readers saw it. Nothing of
//! the markup survives: only text leaves this stage, so a page's scripts or
//! attributes can never reach the explorer's DOM.
//!
//! The body is found in three steps, each a kind of page rather than a
//! site: the element marked as the article (`itemprop=articleBody`, the
//! `<article>` holding most text, `<main>`), else the deepest element
//! holding most of the page's text (old layout tables, bare `<div>`s);
//! inside it, furniture is dropped by tag (`nav`, `aside`, `footer`,
//! `form`…), by ARIA role and by class or id words
//! (`lexicon/data/page-furniture.txt`); blocks that are mostly links
//! (related-article lists) or a consent notice are dropped too.

use crate::lexicon::page::{is_consent_notice, names_furniture};
use crate::model::{DatedEvidence, Precision, Source};
use crate::stages::dates::parse_iso_date;
use crate::stages::decode;
use crate::stages::metadata::{is_web_address, language, outlet_by_domain, outlet_by_name, Given, Sourced};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::bytes::Regex as BytesRegex;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A saved page, read: its article as plain text, what it says of itself,
/// and what had to be repaired.
#[derive(Debug)]
pub struct Page {
    /// The title line (when the page has a title), a blank line, then the
    /// body's paragraphs separated by blank lines: what a `.txt` holds.
    pub text: String,
    /// Whether `text` opens with the page's title, which is then not a
    /// paragraph of the body.
    pub starts_with_title: bool,
    pub given: Given,
    /// `<figcaption>` texts: page furniture that still names people.
    pub captions: Vec<String>,
    /// Repairs to the bytes (character set): kept.
    pub decoding: Vec<String>,
    /// Problems with the markup (broken, wrongly declared): kept.
    pub markup: Vec<String>,
}

/// Whether a file name is a saved web page's.
pub fn is_page(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Reads a saved page. Errors, with the reason, only when there is no
/// article in it: binary bytes, no body text, or only a consent notice.
pub fn read(bytes: &[u8]) -> Result<Page, String> {
    let (source, decoding, mut markup) = decode_page(bytes)?;
    let html = Html::parse_document(&source);
    let skipped = skipped_nodes(&html);
    let mut given = read_metadata(&html, &skipped);
    let body = Body::of(&html, &skipped);
    if body.paragraphs.is_empty() {
        return Err(if body.consent_notices > 0 || consent_furniture(&html, &skipped) {
            String::from("the page holds only a cookie or consent notice, no article: save it again once the notice is accepted, or paste the article into a .txt file")
        } else {
            String::from("no article body in the page (no paragraph of text outside navigation, headers, footers and asides)")
        });
    }
    if given.title.is_none() {
        given.title = first_heading(&html, &skipped).map(|value| Sourced { value, source: Source::Heading });
    }
    cut_site_name(&mut given, &body.paragraphs);
    let title = given.title.as_ref().map(|t| t.value.as_str());
    let paragraphs: Vec<&str> = body.paragraphs.iter().map(String::as_str).filter(|p| Some(*p) != title).collect();
    // Without a doctype the parser reports one error; many saved pages
    // have none, and nothing is broken for it.
    let mut errors = html.errors.iter().skip(usize::from(!declares_doctype(&source)));
    if let Some(first) = errors.next() {
        markup.push(format!(
            "broken markup ({} parse errors, the first: {first}); read as a browser would, {} paragraphs kept",
            1 + errors.count(),
            paragraphs.len()
        ));
    }
    let text = title.into_iter().chain(paragraphs).collect::<Vec<_>>().join("\n\n");
    Ok(Page { text, starts_with_title: title.is_some(), captions: body.captions, given, decoding, markup })
}

fn declares_doctype(source: &str) -> bool {
    let head: String = source.chars().take(1024).collect();
    head.to_ascii_lowercase().contains("<!doctype")
}

/// Whether furniture the page names by class or id (a consent manager's
/// box) holds a consent notice: with nothing else on the page, it is a
/// cookie wall.
fn consent_furniture(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> bool {
    skipped.iter().any(|(id, why)| {
        *why == Furniture::Named
            && html.tree.get(*id).and_then(ElementRef::wrap).is_some_and(|e| is_consent_notice(&collapse(&e.text().collect::<String>())))
    })
}

// ---------------------------------------------------------------------------
// Bytes to text, as the page declares them

/// The page's text, then notes on the bytes and on a wrong declaration.
/// A byte order mark wins over a declaration, as in browsers; a declared
/// character set the bytes contradict is named and the bytes' own used.
fn decode_page(bytes: &[u8]) -> Result<(String, Vec<String>, Vec<String>), String> {
    let mut markup = Vec::new();
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let declared = if has_bom { None } else { declared_charset(bytes) };
    let utf8 = std::str::from_utf8(bytes);
    let mut wrongly_utf8 = false;
    // A single-byte character set the bytes do not contradict is read as
    // declared; anything else as a text file is (UTF-8, else Windows-1252).
    match declared.as_deref().map(|label| (label, encoding_rs::Encoding::for_label(label.as_bytes()))) {
        None => {}
        Some((label, None)) => markup.push(format!("declares an unknown character set \"{label}\"; read as UTF-8, or Windows-1252 where it is not")),
        Some((_, Some(encoding))) if encoding == encoding_rs::UTF_8 => {
            if let Err(e) = utf8 {
                wrongly_utf8 = true;
                markup.push(format!("declares UTF-8 but is not (first bad byte at offset {}); read as Windows-1252", e.valid_up_to()));
            }
        }
        Some((_, Some(encoding))) if utf8.is_ok_and(|s| !s.is_ascii()) => {
            markup.push(format!("declares {} but its bytes are UTF-8; read as UTF-8", encoding.name()));
        }
        Some((_, Some(encoding))) => {
            if decode::looks_binary(bytes) {
                return Err(String::from("binary file (NUL or control bytes), not an article"));
            }
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let notes = if had_errors { vec![format!("bytes that are not {} were replaced with �", encoding.name())] } else { Vec::new() };
            let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
            text.retain(|c| c != '\0');
            return Ok((text, notes, markup));
        }
    }
    let mut d = decode::decode(bytes)?;
    if wrongly_utf8 {
        // Said once, as the page's mistake rather than the bytes'.
        d.notes.retain(|n| !n.starts_with(decode::NOT_UTF8));
    }
    Ok((d.text, d.notes, markup))
}

/// The character set a page declares in its first bytes (`<meta charset>`
/// or the `http-equiv` form), as browsers look for it.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    static RE: OnceLock<Option<BytesRegex>> = OnceLock::new();
    let re = RE.get_or_init(|| BytesRegex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).ok()).as_ref()?;
    let head = &bytes[..bytes.len().min(4096)];
    let label = re.captures(head)?.get(1)?;
    Some(String::from_utf8_lossy(label.as_bytes()).into_owned())
}

// ---------------------------------------------------------------------------
// Furniture

/// Elements whose content is never article text.
const FURNITURE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select",
    "input", "textarea", "object", "embed", "canvas", "video", "audio", "dialog", "menu", "head",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"];

/// Why an element is furniture, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// By tag, role or hidden attribute: never text.
    Frame,
    /// By a class or id word of `lexicon/data/page-furniture.txt`.
    Named,
}

fn furniture(element: &scraper::node::Element) -> Option<Furniture> {
    if FURNITURE_TAGS.contains(&element.name())
        || element.attr("role").is_some_and(|r| FURNITURE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return Some(Furniture::Frame);
    }
    element.classes().chain(element.id()).any(names_furniture).then_some(Furniture::Named)
}

/// The furniture elements of the page, outermost only, each with why.
/// `html`, `body` and `main` are never furniture: a site that names its
/// whole page "has-sidebar" still has an article in it.
fn skipped_nodes(html: &Html) -> HashMap<NodeId, Furniture> {
    let mut skipped = HashMap::new();
    let mut inside: Option<NodeId> = None;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) if inside.is_none() => {
                if let Node::Element(e) = node.value() {
                    if matches!(e.name(), "html" | "body" | "main" | "article") {
                        continue;
                    }
                    if let Some(why) = furniture(e) {
                        skipped.insert(node.id(), why);
                        inside = Some(node.id());
                    }
                }
            }
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            _ => {}
        }
    }
    skipped
}

// ---------------------------------------------------------------------------
// The body

struct Body {
    paragraphs: Vec<String>,
    captions: Vec<String>,
    /// Blocks dropped as consent notices.
    consent_notices: usize,
}

/// Elements that end a paragraph of text.
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "figure", "figcaption", "pre", "address", "hr", "center", "body",
];

impl Body {
    fn of(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> Body {
        let weights = text_weights(html, skipped);
        match article_container(html, skipped, &weights) {
            Some(container) => Body::read(container, skipped),
            None => Body { paragraphs: Vec::new(), captions: Vec::new(), consent_notices: 0 },
        }
    }

    /// The blocks of text under `container`, furniture left out.
    fn read(container: NodeRef<Node>, skipped: &HashMap<NodeId, Furniture>) -> Body {
        let mut body = Body { paragraphs: Vec::new(), captions: Vec::new(), consent_notices: 0 };
        let mut current = Current::default();
        let mut in_link = 0usize;
        let mut in_caption = 0usize;
        let mut in_pre = 0usize;
        for edge in outside_furniture(container, skipped) {
            match edge {
                Edge::Open(node) => {
                    match node.value() {
                        Node::Element(e) => match e.name() {
                            "br" => current.line_break(),
                            "a" => in_link += 1,
                            "img" => current.space(),
                            name if BLOCK_TAGS.contains(&name) => {
                                body.flush(&mut current, in_caption > 0);
                                in_caption += usize::from(name == "figcaption");
                                in_pre += usize::from(name == "pre");
                            }
                            _ => {}
                        },
                        Node::Text(t) => current.push(t, in_link > 0, in_pre > 0),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        match e.name() {
                            "a" => in_link = in_link.saturating_sub(1),
                            name if BLOCK_TAGS.contains(&name) => {
                                body.flush(&mut current, in_caption > 0);
                                in_caption = in_caption.saturating_sub(usize::from(name == "figcaption"));
                                in_pre = in_pre.saturating_sub(usize::from(name == "pre"));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        body.flush(&mut current, in_caption > 0);
        body
    }

    /// Ends the paragraph being read: kept, set aside as a caption, or
    /// dropped as links or a consent notice.
    fn flush(&mut self, current: &mut Current, caption: bool) {
        let block = std::mem::take(current);
        let links = block.mostly_links();
        for text in block.finish() {
            self.keep(text, caption, links);
        }
    }

    fn keep(&mut self, text: String, caption: bool, links: bool) {
        if caption {
            // Kept in place too: a caption often gives the full name the
            // body then shortens, and the pipeline marks it a caption.
            self.captions.push(text.clone());
            self.paragraphs.push(text);
        } else if is_consent_notice(&text) {
            self.consent_notices += 1;
        } else if !links {
            self.paragraphs.push(text);
        }
    }
}

/// The paragraph being read.
#[derive(Default)]
struct Current {
    lines: Vec<String>,
    line: String,
    chars: usize,
    link_chars: usize,
}

impl Current {
    fn push(&mut self, text: &str, in_link: bool, preformatted: bool) {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += n;
        if in_link {
            self.link_chars += n;
        }
        if preformatted {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.line_break();
                }
                self.push_words(part);
            }
        } else {
            self.push_words(text);
        }
    }

    fn push_words(&mut self, text: &str) {
        if text.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
        // HTML collapses ASCII whitespace only: a French no-break space
        // before « or : is typography, kept.
        let mut words = text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).peekable();
        while let Some(w) = words.next() {
            self.line.push_str(w);
            if words.peek().is_some() {
                self.line.push(' ');
            }
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) && !text.trim_ascii().is_empty() {
            self.space();
        }
    }

    fn space(&mut self) {
        if !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
    }

    /// A `<br>`: a new line of the paragraph; two in a row end it (the text
    /// stage reads an empty line as a paragraph break).
    fn line_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line.trim().to_string());
    }

    /// A related-article list or a "read also" line: nearly all its words
    /// are links. A short link inside a sentence is not.
    fn mostly_links(&self) -> bool {
        self.link_chars * 10 >= self.chars * 7 && self.chars > 0
    }

    /// The block's paragraphs: its lines joined, a `<br><br>` (an empty
    /// line) ending one, as old layouts write paragraphs.
    fn finish(mut self) -> Vec<String> {
        self.line_break();
        let mut paragraphs = Vec::new();
        for group in self.lines.split(|line| line.is_empty()) {
            let lines: Vec<&str> = group.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
            if !lines.is_empty() {
                paragraphs.push(lines.join("\n"));
            }
        }
        paragraphs
    }
}

/// A walk of `root`'s subtree that steps over furniture (`root` itself is
/// walked whatever it is): what the body and the weights read.
fn outside_furniture<'a>(root: NodeRef<'a, Node>, skipped: &'a HashMap<NodeId, Furniture>) -> impl Iterator<Item = Edge<'a, Node>> + 'a {
    let mut skipping: Option<NodeId> = None;
    root.traverse().filter(move |edge| match edge {
        Edge::Open(node) if skipping.is_none() && node.id() != root.id() && skipped.contains_key(&node.id()) => {
            skipping = Some(node.id());
            false
        }
        Edge::Close(node) if skipping == Some(node.id()) => {
            skipping = None;
            false
        }
        _ => skipping.is_none(),
    })
}

/// How much text each element holds outside links and furniture: a
/// paragraph of prose weighs, a menu of links does not.
fn text_weights(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> HashMap<NodeId, usize> {
    let mut weights = HashMap::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut in_link = 0usize;
    for edge in outside_furniture(html.tree.root(), skipped) {
        match edge {
            Edge::Open(node) => {
                match node.value() {
                    Node::Element(e) => {
                        in_link += usize::from(e.name() == "a");
                        stack.push(0);
                    }
                    Node::Text(t) if in_link == 0 => {
                        if let Some(top) = stack.last_mut() {
                            *top += t.trim().chars().count();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    in_link = in_link.saturating_sub(usize::from(e.name() == "a"));
                    let own = stack.pop().unwrap_or(0);
                    weights.insert(node.id(), own);
                    if let Some(top) = stack.last_mut() {
                        *top += own;
                    }
                }
            }
        }
    }
    weights
}

/// The element holding the article: the one marked as such, else the
/// deepest holding two thirds of the text of the page's `<body>`.
fn article_container<'a>(html: &'a Html, skipped: &HashMap<NodeId, Furniture>, weights: &HashMap<NodeId, usize>) -> Option<NodeRef<'a, Node>> {
    let weight = |n: &NodeRef<Node>| weights.get(&n.id()).copied().unwrap_or(0);
    // Only elements outside furniture were weighed.
    let elements: Vec<ElementRef<'a>> = html.root_element().descendent_elements().filter(|e| weights.contains_key(&e.id())).collect();
    let heaviest = |pick: &dyn Fn(&ElementRef) -> bool| elements.iter().filter(|e| pick(e)).max_by_key(|e| weight(e)).filter(|e| weight(e) > 0).map(|e| **e);
    let marked = heaviest(&|e| e.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody")))
        .or_else(|| heaviest(&|e| e.value().name() == "article"))
        .or_else(|| heaviest(&|e| e.value().name() == "main" || e.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main"))));
    if marked.is_some() {
        return marked;
    }
    let mut at = heaviest(&|e| e.value().name() == "body").or_else(|| Some(*html.root_element()))?;
    loop {
        let total = weight(&at);
        let child = at
            .children()
            .filter(|c| c.value().is_element() && !skipped.contains_key(&c.id()))
            .max_by_key(|c| weight(c));
        match child {
            Some(c) if weight(&c) * 3 >= total * 2 && total > 0 && is_layout(&c) && !prose_beside(&c, skipped) => at = c,
            _ => return Some(at),
        }
    }
}

/// Whether an element's siblings hold a sentence of prose: then they are
/// part of the article too (a last paragraph the parser moved out of its
/// box), not a frame around it.
fn prose_beside(node: &NodeRef<Node>, skipped: &HashMap<NodeId, Furniture>) -> bool {
    let is_sentence = |text: &String| text.split_whitespace().count() >= 6 && text.trim_end().ends_with(['.', '!', '?', '»', '"', '”']);
    let siblings = node.prev_siblings().chain(node.next_siblings());
    siblings
        .filter(|s| s.value().is_element() && !skipped.contains_key(&s.id()))
        .any(|s| Body::read(s, skipped).paragraphs.iter().any(is_sentence))
}

/// Elements that lay out parts of a page: the search for the article goes
/// down through them, never into a paragraph or a run of inline text,
/// where it would keep one part of the article and lose the rest.
fn is_layout(node: &NodeRef<Node>) -> bool {
    matches!(node.value(), Node::Element(e) if matches!(e.name(), "div" | "section" | "table" | "tbody" | "thead" | "tr" | "td" | "th" | "center" | "body" | "main" | "article"))
}

/// The page's first `<h1>` outside furniture, for a page without metadata.
fn first_heading(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> Option<String> {
    html.root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "h1")
        .find(|e| !in_furniture(e, skipped))
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

// ---------------------------------------------------------------------------
// Metadata

/// Article types of schema.org that news pages use in their JSON-LD.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
    "ReviewNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
];

/// What the page's head and markup say, field by field in the order of
/// trust: JSON-LD, then Open Graph, then other tags, then the markup.
fn read_metadata(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> Given {
    let mut given = Given::default();
    let mut problems = Vec::new();
    let article = json_ld_article(html, &mut problems);
    let metas = MetaTags::of(html);

    // Title
    let site_name = json_field(article.as_ref(), "publisher").and_then(name_of).or_else(|| metas.get("og:site_name"));
    given.title = json_field(article.as_ref(), "headline")
        .and_then(|v| v.as_str().map(clean_value))
        .filter(|t| !t.is_empty())
        .map(|value| Sourced { value, source: Source::JsonLd })
        .or_else(|| metas.get("og:title").map(|value| Sourced { value, source: Source::OpenGraph }))
        .or_else(|| title_element(html, site_name.as_deref()).map(|value| Sourced { value, source: Source::TitleElement }));

    // Date
    let json_date = json_field(article.as_ref(), "datePublished").or_else(|| json_field(article.as_ref(), "dateCreated")).and_then(Value::as_str).map(String::from);
    let candidates: Vec<(Source, String, String)> = [
        json_date.map(|d| (Source::JsonLd, String::from("datePublished"), d)),
        metas.first(&["article:published_time", "og:published_time"]).map(|(k, d)| (Source::OpenGraph, k, d)),
        metas
            .first(&["datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued", "parsely-pub-date", "sailthru.date", "citation_publication_date", "article.published"])
            .map(|(k, d)| (Source::MetaTag, k, d)),
        time_element(html, skipped).map(|d| (Source::TimeElement, String::from("datetime"), d)),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (source, key, value) in candidates {
        match page_date(&value) {
            Some(date) => {
                given.date = Some(DatedEvidence { date, precision: Precision::of(date), source, evidence: format!("{}: {key} « {value} »", source.describe()) });
                break;
            }
            None => problems.push(format!("{}: {key} \"{value}\" is not a date, so it was passed over", source.describe())),
        }
    }

    // Address
    let saved_from = saved_from(html);
    let json_url = json_field(article.as_ref(), "url")
        .or_else(|| json_field(article.as_ref(), "mainEntityOfPage"))
        .and_then(|v| v.as_str().map(String::from).or_else(|| v.get("@id").and_then(Value::as_str).map(String::from)));
    let (canonical_link, og_url) = (canonical(html), metas.get("og:url"));
    let base = page_base(html, saved_from.as_deref(), [&canonical_link, &og_url, &json_url]);
    let urls = [(Source::Canonical, canonical_link), (Source::OpenGraph, og_url), (Source::JsonLd, json_url), (Source::SavedFrom, saved_from)];
    for (source, url) in urls {
        let Some(url) = url.map(|url| resolved(&url, base.as_ref())) else { continue };
        if is_web_address(&url) {
            given.url = Some(Sourced { value: url, source });
            break;
        }
        problems.push(format!("{}: the address \"{url}\" is not an http(s) address, so it was passed over", source.describe()));
    }

    // Outlet: the page's own name for its publisher, known outlets under
    // their usual name; else the outlet whose domain the address is on.
    given.outlet = json_field(article.as_ref(), "publisher")
        .and_then(name_of)
        .map(|name| Sourced { value: outlet_by_name(&name).unwrap_or(name), source: Source::JsonLd })
        .or_else(|| metas.get("og:site_name").map(|name| Sourced { value: outlet_by_name(&name).unwrap_or(name), source: Source::OpenGraph }))
        .or_else(|| given.url.as_ref().and_then(|u| outlet_by_domain(&u.value).map(|value| Sourced { value, source: u.source })));

    // Author: JSON-LD's, all of them; else a <meta name=author> that is a
    // name (some sites put a profile address there).
    given.author = json_field(article.as_ref(), "author")
        .and_then(names_of)
        .map(|value| Sourced { value, source: Source::JsonLd })
        .or_else(|| metas.get("author").filter(|a| !a.contains("://")).map(|value| Sourced { value, source: Source::MetaTag }));

    // Language
    let langs = [
        (Source::JsonLd, json_field(article.as_ref(), "inLanguage").and_then(|v| v.as_str().map(String::from).or_else(|| name_of(v)))),
        (Source::HtmlLang, html.root_element().attr("lang").map(String::from)),
        (Source::OpenGraph, metas.get("og:locale")),
        (Source::MetaTag, metas.first(&["content-language", "language", "dc.language"]).map(|(_, v)| v)),
    ];
    for (source, tag) in langs {
        let Some(tag) = tag.filter(|t| !t.trim().is_empty()) else { continue };
        match language(&tag) {
            Some(value) => {
                given.lang = Some(Sourced { value, source });
                break;
            }
            None => problems.push(format!("{}: the language \"{tag}\" is neither French nor English, so it was passed over", source.describe())),
        }
    }

    given.problems = problems;
    given
}

/// The first JSON-LD object of an article type, looking into arrays and
/// `@graph`s; blocks that are not JSON are reported and skipped.
fn json_ld_article(html: &Html, problems: &mut Vec<String>) -> Option<Value> {
    let mut found = None;
    let scripts = html.root_element().descendent_elements().filter(|e| {
        e.value().name() == "script" && e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    });
    for (i, script) in scripts.enumerate() {
        // Sites leave raw line breaks inside strings, which JSON forbids.
        let source: String = script.text().collect::<String>().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        match serde_json::from_str::<Value>(&source) {
            Ok(value) => {
                if found.is_none() {
                    found = find_article(value, 0);
                }
            }
            Err(e) => problems.push(format!("JSON-LD block {} is not valid JSON ({e}); skipped", i + 1)),
        }
    }
    found
}

fn find_article(value: Value, depth: usize) -> Option<Value> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.into_iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(mut map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                return Some(Value::Object(map));
            }
            map.remove("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn json_field<'a>(article: Option<&'a Value>, key: &str) -> Option<&'a Value> {
    article?.get(key).filter(|v| !v.is_null())
}

/// A publisher's or a language's name: a string, an object's `name`, or
/// the first of a list.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean_value(s)),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => a.iter().find_map(name_of),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// Every name of a list of people or organisations, joined: "A, B".
fn names_of(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// A value as shown: entities some sites leave encoded in JSON decoded,
/// whitespace collapsed.
fn clean_value(value: &str) -> String {
    if value.contains('&') {
        let fragment = Html::parse_fragment(value);
        return collapse(&fragment.root_element().text().collect::<String>());
    }
    collapse(value)
}

fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The `<meta>` tags of the page, by `property`, `name`, `itemprop` or
/// `http-equiv`, lowercased; the first of each wins.
struct MetaTags(HashMap<String, String>);

impl MetaTags {
    fn of(html: &Html) -> MetaTags {
        let mut tags = HashMap::new();
        for meta in html.root_element().descendent_elements().filter(|e| e.value().name() == "meta") {
            let Some(content) = meta.attr("content").map(collapse).filter(|c| !c.is_empty()) else { continue };
            for key in ["property", "name", "itemprop", "http-equiv"].into_iter().filter_map(|a| meta.attr(a)) {
                tags.entry(key.trim().to_ascii_lowercase()).or_insert_with(|| content.clone());
            }
        }
        MetaTags(tags)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    /// The first of `keys` the page has, with its key.
    fn first(&self, keys: &[&str]) -> Option<(String, String)> {
        keys.iter().find_map(|k| self.0.get(*k).map(|v| ((*k).to_string(), v.clone())))
    }
}

/// `<title>`, without the site name sites append ("Headline | Site") when
/// that name is known.
fn title_element(html: &Html, site_name: Option<&str>) -> Option<String> {
    let title = html.root_element().descendent_elements().find(|e| e.value().name() == "title")?;
    let text = collapse(&title.text().collect::<String>());
    if let Some((head, tail)) = site_suffix(&text) {
        if site_name.is_some_and(|s| s.eq_ignore_ascii_case(tail)) || outlet_by_name(tail).is_some() {
            return Some(head.to_string());
        }
    }
    (!text.is_empty()).then_some(text)
}

/// "Headline | Site" split at its last separator.
fn site_suffix(title: &str) -> Option<(&str, &str)> {
    [" | ", " - ", " – ", " — ", " :: ", " · "].iter().find_map(|separator| {
        let (head, tail) = title.rsplit_once(separator)?;
        let (head, tail) = (head.trim(), tail.trim());
        (!head.is_empty() && !tail.is_empty()).then_some((head, tail))
    })
}

/// A `<title>` whose head the page repeats as its headline ("Headline -
/// Site" over a body opening "Headline") names the site in its tail: the
/// headline is the title, and the tail the outlet when nothing else names
/// one.
fn cut_site_name(given: &mut Given, paragraphs: &[String]) {
    let Some(title) = given.title.as_mut().filter(|t| t.source == Source::TitleElement) else { return };
    let Some((head, tail)) = site_suffix(&title.value) else { return };
    if !paragraphs.iter().take(3).any(|p| p == head) {
        return;
    }
    let (head, tail) = (head.to_string(), tail.to_string());
    title.value = head;
    if given.outlet.is_none() {
        given.outlet = Some(Sourced { value: outlet_by_name(&tail).unwrap_or(tail), source: Source::TitleElement });
    }
}

/// `<link rel="canonical" href>`.
fn canonical(html: &Html) -> Option<String> {
    html.root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "link")
        .find(|e| e.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical"))))
        .and_then(|e| e.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The address a page's relative links resolve against, as a browser
/// resolves them: its `<base href>`, else the address it was saved from;
/// without either, the first absolute one of the addresses the page gives
/// itself, `given` (canonical link, `og:url`, JSON-LD), as when a canonical
/// link written `/2025/10/story` stands beside an absolute `og:url`.
fn page_base(html: &Html, saved_from: Option<&str>, given: [&Option<String>; 3]) -> Option<url::Url> {
    let base_href = html.root_element().descendent_elements().find(|e| e.value().name() == "base").and_then(|e| e.attr("href")).map(str::trim);
    let absolute = |url: &str| url::Url::parse(url).ok().filter(|url| matches!(url.scheme(), "http" | "https"));
    base_href
        .and_then(|href| absolute(href).or_else(|| absolute(saved_from?)?.join(href).ok()))
        .or_else(|| absolute(saved_from?))
        .or_else(|| given.into_iter().find_map(|url| absolute(url.as_deref()?)))
}

/// `url` made absolute against `base`, when it is relative and there is
/// one; else as given, for the caller to accept or report.
fn resolved(url: &str, base: Option<&url::Url>) -> String {
    let relative = url::Url::parse(url) == Err(url::ParseError::RelativeUrlWithoutBase);
    match base {
        Some(base) if relative => base.join(url).map_or_else(|_| url.to_string(), String::from),
        _ => url.to_string(),
    }
}

/// The address a browser notes when it saves a page:
/// `<!-- saved from url=(0042)https://… -->`.
fn saved_from(html: &Html) -> Option<String> {
    html.tree.root().descendants().take(64).find_map(|n| match n.value() {
        Node::Comment(c) => {
            let rest = c.trim().strip_prefix("saved from url=")?;
            let url = rest.split_once(')').map_or(rest, |(_, u)| u).trim();
            Some(url.to_string())
        }
        _ => None,
    })
}

/// The publication `<time datetime>`: one marked `datePublished` or
/// `pubdate`, else the first outside furniture.
fn time_element(html: &Html, skipped: &HashMap<NodeId, Furniture>) -> Option<String> {
    let times: Vec<ElementRef> = html
        .root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "time" && e.attr("datetime").is_some())
        .collect();
    let marked = times.iter().find(|e| e.attr("itemprop").is_some_and(|p| p.contains("datePublished")) || e.attr("pubdate").is_some());
    marked.or_else(|| times.iter().find(|e| !in_furniture(e, skipped))).and_then(|e| e.attr("datetime")).map(|d| d.trim().to_string())
}

/// Whether an element stands inside furniture other than a `<header>`: an
/// article's header holds its headline and date, where a nav, an aside or
/// a related list holds other articles'.
fn in_furniture(element: &ElementRef, skipped: &HashMap<NodeId, Furniture>) -> bool {
    element.ancestors().any(|a| skipped.contains_key(&a.id()) && !matches!(a.value(), Node::Element(x) if x.name() == "header"))
}

/// A page's date as written, its local day: "2025-10-25T08:00:00+07:00" is
/// the 25th wherever the build runs.
fn page_date(value: &str) -> Option<search::Date> {
    let value = value.trim();
    let prefix = |n: usize| value.get(..n).unwrap_or(value);
    parse_iso_date(prefix(10)).or_else(|| parse_iso_date(prefix(7)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_charset_is_found_in_either_form() {
        assert_eq!(declared_charset(b"<meta charset=\"windows-1252\">").as_deref(), Some("windows-1252"));
        assert_eq!(declared_charset(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">").as_deref(), Some("ISO-8859-1"));
        assert_eq!(declared_charset(b"<p>charset=utf-8 in prose</p>"), None);
    }

    #[test]
    fn a_relative_address_resolves_against_the_page_base() {
        let url = |html: &str| read_metadata(&Html::parse_document(html), &HashMap::new()).url.map(|u| (u.value, u.source));
        let canonical = |href: &str| format!("<link rel=canonical href=\"{href}\">");
        let og = "<meta property=og:url content=\"https://news.example/fr/story?utm=x\">";
        assert_eq!(
            url(&format!("{}{og}", canonical("/2025/10/story"))),
            Some(("https://news.example/2025/10/story".to_string(), Source::Canonical)),
        );
        let saved = "<!-- saved from url=(0041)https://daily.example/world/2025/a.html -->";
        assert_eq!(url(&format!("{saved}{}", canonical("../b.html"))), Some(("https://daily.example/world/b.html".to_string(), Source::Canonical)));
        let based = format!("{saved}<base href=\"https://mirror.example/x/\">{}", canonical("c.html"));
        assert_eq!(url(&based), Some(("https://mirror.example/x/c.html".to_string(), Source::Canonical)));
        // Nothing to resolve against: the relative link is passed over, as before.
        let alone = read_metadata(&Html::parse_document(&canonical("/only/a/path")), &HashMap::new());
        assert_eq!(alone.url, None);
        assert!(alone.problems.iter().any(|p| p.contains("/only/a/path")), "{:?}", alone.problems);
        // An absolute canonical is kept as written.
        assert_eq!(url(&format!("{}{og}", canonical("https://other.example/s"))), Some(("https://other.example/s".to_string(), Source::Canonical)));
    }

    #[test]
    fn a_page_date_is_its_local_day() {
        assert_eq!(page_date("2025-10-25T23:30:00-05:00").map(|d| d.to_string()).as_deref(), Some("2025-10-25"));
        assert_eq!(page_date("2025-10").map(|d| d.to_string()).as_deref(), Some("2025-10"));
        assert_eq!(page_date("25/10/2025"), None);
        assert_eq!(page_date(""), None);
    }

    #[test]
    fn links_make_a_block_furniture_only_when_they_are_most_of_it() {
        let body = |html: &str| Body::of(&Html::parse_document(html), &HashMap::new()).paragraphs;
        assert_eq!(body("<p>Read also: <a href=x>Another story about the treaty</a></p><p>The minister spoke.</p>"), ["The minister spoke."]);
        assert_eq!(body("<p>The <a href=x>minister</a> spoke to the delegates at length.</p>"), ["The minister spoke to the delegates at length."]);
    }

    #[test]
    fn line_breaks_and_blocks_end_paragraphs() {
        let body = |html: &str| Body::of(&Html::parse_document(html), &HashMap::new()).paragraphs;
        assert_eq!(body("<td>One line<br>same paragraph<br><br>Another one</td>"), ["One line\nsame paragraph", "Another one"]);
        assert_eq!(body("<div>Before<div>inside</div>after</div>"), ["Before", "inside", "after"]);
    }
}
