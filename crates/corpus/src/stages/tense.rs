//! Whether a clause puts what follows before or after the time of writing:
//! "will open in 2026" is a plan, "adopted in 2024" a past event, "once
//! adopted by the General Assembly" a step still to come.
//!
//! `dates` reads years with it and `timeline` the convention's milestones;
//! the words are a closed list of grammar, so they are code.

/// Which side of the time of writing something stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// Words shortly before an event or a year that put it after the time of
/// writing: plans, schedules, preparations, the future tense.
const FUTURE_MARKERS: &[&str] = &[
    "will", "shall", "scheduled", "expected", "planned", "due", "upcoming", "forthcoming", "next", "once", "ahead", "advance", "preparation", "preparations", "preparing",
    "prevu", "prevue", "prevus", "prevues", "fois", "prochain", "prochaine", "sera", "seront", "entrera", "aura", "auront", "devrait", "devraient", "preparatifs", "preparer", "approche",
];

/// Words shortly before an event or a year that make it something the text
/// recalls ("adopted in 2024", "depuis 2021"): the text is from then or later.
const PAST_MARKERS: &[&str] = &[
    "since", "adopted", "signed", "created", "founded", "established", "launched", "kicked", "approved", "ratified", "decided", "began", "started", "begun", "back", "was", "were",
    "depuis", "adopte", "adoptee", "adoptes", "adoptees", "signe", "signee", "cree", "creee", "lance", "lancee", "fonde", "fondee", "ratifie", "ratifiee", "approuve", "approuvee", "decide", "decidee", "etait", "avait",
];

/// How many words before are read for a marker: a whole clause of news
/// copy ("will open for signature at a ceremony in Hanoi in 2025"), not the
/// sentence before.
const MARKER_WINDOW: usize = 12;

/// The tense the clause gives to what starts at byte `start` of a folded
/// text, from the nearest marker before it ("was planned for 2026" is a
/// plan); `None` when the clause has no marker.
pub fn tense_before(folded: &str, start: usize) -> Option<Tense> {
    let before = folded.get(..start).unwrap_or("");
    let clause = before.rsplit(['.', ';', '!', '?']).next().unwrap_or(before).to_lowercase();
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    words.iter().rev().take(MARKER_WINDOW).find_map(|w| {
        if FUTURE_MARKERS.contains(w) {
            Some(Tense::Future)
        } else if PAST_MARKERS.contains(w) {
            Some(Tense::Past)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, word: &str) -> Option<Tense> {
        tense_before(text, text.find(word).unwrap())
    }

    #[test]
    fn the_nearest_marker_of_the_clause_wins() {
        assert_eq!(tense_of("The treaty will open for signature in 2026.", "2026"), Some(Tense::Future));
        assert_eq!(tense_of("Le texte, adopte en 2024, entre en vigueur.", "2024"), Some(Tense::Past));
        assert_eq!(tense_of("It was planned for 2026.", "2026"), Some(Tense::Future));
        assert_eq!(tense_of("Once adopted by the General Assembly, it binds.", "adopted"), Some(Tense::Future));
        assert_eq!(tense_of("Il sera signe. Le ministre parle de 2025.", "2025"), None);
        assert_eq!(tense_of("The minister spoke of 2025.", "2025"), None);
    }
}
