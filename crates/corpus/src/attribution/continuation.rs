//! Speech that runs over paragraphs: an open quotation continued, an
//! unattributed passage between two of one speaker's, "C'est ce qu'a
//! déclaré X" giving X the passage before; and, for every statement, its
//! quoted words and its kind.
//!
//! It works on the passages' speakers once each passage has been read, by
//! index, without looking into phrases.

use crate::model::PassageKind;
use crate::stages::clean::Paragraph;
use crate::lexicon::reporting::is_closing;
use crate::text::fold::key;
use search::{Span, StatementKind};

/// An unattributed passage between two statements of one speaker continues
/// them, as long as the gap is this short and holds no list (a list is the
/// article's own summary between two quotations).
const MAX_SANDWICH: usize = 6;

/// Quotations and statements are often split over paragraphs: a passage
/// opening on a quotation mark continues the previous speaker, an
/// unattributed passage between two of one speaker's passages continues
/// them, and "C'est ce qu'a déclaré X" gives X the passage before it.
///
/// `continues[i]` is set to the passage whose speech passage `i` continues.
pub fn continue_speakers(paragraphs: &[&Paragraph], opens_quote: &[bool], leaves_quote_open: &[bool], speakers: &mut [Option<usize>], continues: &mut [Option<usize>], summaries: &[usize], person_like: &[bool]) {
    for &i in summaries {
        if let Some(prev) = (0..i).rev().find(|&j| paragraphs[j].kind == PassageKind::Body) {
            if speakers[prev].is_none() {
                speakers[prev] = speakers[i];
                continues[prev] = Some(i);
            }
        }
    }
    // A quotation left open at a passage's end runs on into the next ones,
    // until a passage closes it: they are the same speaker's words.
    // The passage whose quotation is still open.
    let mut open_in: Option<usize> = None;
    for i in 0..speakers.len() {
        if paragraphs[i].kind != PassageKind::Body {
            continue;
        }
        if speakers[i].is_none() {
            let prev = (0..i).rev().find(|&j| paragraphs[j].kind == PassageKind::Body);
            let from = open_in.or(prev.filter(|_| opens_quote[i]));
            if let Some(from) = from.filter(|&j| speakers[j].is_some()) {
                speakers[i] = speakers[from];
                continues[i] = Some(from);
            }
        }
        if speakers[i].is_none() && is_closing(&paragraphs[i].text) {
            let prev = (0..i).rev().find(|&j| paragraphs[j].kind == PassageKind::Body).filter(|&j| speakers[j].is_some());
            if let Some(from) = prev {
                speakers[i] = speakers[from];
                continues[i] = Some(from);
            }
        }
        let still_open = if open_in.is_some() && !opens_quote[i] { !closes_quote(&paragraphs[i].text) } else { leaves_quote_open[i] };
        open_in = if still_open { open_in.or(Some(i)) } else { None };
    }
    let body: Vec<usize> = (0..speakers.len()).filter(|&i| paragraphs[i].kind == PassageKind::Body).collect();
    continue_announced_lists(paragraphs, &body, speakers, continues);
    let mut k = 0;
    while k < body.len() {
        let Some(s) = speakers[body[k]] else {
            k += 1;
            continue;
        };
        let next = (k + 1..body.len()).find(|&j| speakers[body[j]].is_some());
        if let Some(j) = next {
            // A country "speaking" is the journalist's framing, not a
            // statement that runs on over paragraphs.
            let person = person_like.get(s).copied().unwrap_or(false);
            // A list between two quotations is the article's own summary.
            let list = body[k + 1..j].iter().any(|&b| is_list_item(&paragraphs[b].text));
            if speakers[body[j]] == Some(s) && j - k - 1 <= MAX_SANDWICH && person && !list {
                for &b in &body[k + 1..j] {
                    speakers[b] = Some(s);
                    continues[b] = Some(body[k]);
                }
            }
            k = j;
        } else {
            break;
        }
    }
}

/// A statement that ends on a colon announces what follows ("Selon lui,
/// trois points se dégagent :", "She listed three demands:"): the next
/// unattributed passage is its speaker's, and so is each one after it that
/// opens as the next item ("Ensuite, …", "Finally, …", "– …").
fn continue_announced_lists(paragraphs: &[&Paragraph], body: &[usize], speakers: &mut [Option<usize>], continues: &mut [Option<usize>]) {
    for (k, &i) in body.iter().enumerate() {
        if speakers[i].is_none() || !paragraphs[i].text.trim_end().ends_with(':') {
            continue;
        }
        for (n, &j) in body[k + 1..].iter().enumerate() {
            let text = &paragraphs[j].text;
            if speakers[j].is_some() || (n > 0 && !opens_as_next_item(text)) {
                break;
            }
            speakers[j] = speakers[i];
            continues[j] = Some(i);
        }
    }
}

/// Words that open the items of an announced list, accents folded.
const ENUMERATORS: &[&str] = &[
    "d'abord", "tout d'abord", "premierement", "deuxiemement", "troisiemement", "en premier lieu", "en deuxieme lieu", "en second lieu", "en troisieme lieu", "ensuite", "enfin",
    "first", "firstly", "second", "secondly", "third", "thirdly", "finally", "lastly",
];

/// Whether a passage opens as an item of a list: a bullet, or an
/// enumerator followed by a comma ("Ensuite, …", "Second, …").
fn opens_as_next_item(text: &str) -> bool {
    let k = key(text.trim_start());
    is_list_item(text) || ENUMERATORS.iter().any(|e| k.strip_prefix(e).is_some_and(|rest| rest.starts_with(',')))
}

/// The passage a chain of continuations starts from: the one with a cue.
pub fn origin_of(continues: &[Option<usize>], mut passage: usize) -> usize {
    // Each step moves to another passage; the bound guards a cycle.
    for _ in 0..continues.len() {
        match continues.get(passage).copied().flatten() {
            Some(next) if next != passage => passage = next,
            _ => break,
        }
    }
    passage
}

/// The page cites the same quoted words, so the function lives with the index.
pub use search::quoted_spans;

/// Direct when the passage opens on a quotation or quotations make a good
/// part of it (the rest is then the attribution: « … », a-t-il dit), mixed
/// when it quotes a few words, indirect otherwise.
pub fn statement_kind(text: &str, quotes: &[Span]) -> StatementKind {
    let quoted: usize = quotes.iter().map(|s| s.range().len()).sum();
    let total = text.trim().len().max(1);
    let opens_on_quote = quotes.first().is_some_and(|q| text[..q.start as usize].trim_start_matches(['«', '“', '"', ' ', '\u{a0}']).is_empty());
    match quoted * 10 / total {
        _ if quotes.is_empty() => StatementKind::Indirect,
        _ if opens_on_quote => StatementKind::Direct,
        4.. => StatementKind::Direct,
        _ => StatementKind::Mixed,
    }
}

/// Whether a passage ends inside a quotation it opened: more opening
/// guillemets or curly quotes than closing ones, or an odd number of
/// straight double quotes.
pub fn leaves_quote_open_at_end(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('«') > count('»') || count('“') > count('”') || count('"') % 2 == 1
}

/// Whether a passage that continues an open quotation closes it.
fn closes_quote(text: &str) -> bool {
    text.contains(['»', '”', '"'])
}

/// A bullet of a list ("– Item", "• Item", "- Item").
fn is_list_item(text: &str) -> bool {
    text.trim_start().starts_with(['–', '—', '•', '-', '*', '·'])
}
