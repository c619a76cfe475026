//! Postings of one term: where it occurs, per field.
//!
//! ```text
//! n_title n_speaker n_body                      varints
//! title   n_title   x (doc delta, tf)           varints
//! speaker n_speaker x (speaker delta, tf)       varints
//! body    n_body    x passage delta             varints
//!         n_body    x tf
//!         positions: tf deltas per passage, first absolute
//! ```
//! Titles and speakers are posted once per document or speaker and fanned
//! out to their passages at query time, so a title repeated on thirty
//! passages costs one posting rather than thirty. Ids and tfs are kept in
//! separate runs so matching can stop before the positions, which only
//! phrases and proximity need.

use crate::codec::{put_varint, Cursor};

/// Occurrences of a term in one passage body.
pub(crate) struct BodyPosting<'p> {
    pub passage: u32,
    pub positions: &'p [u32],
}

/// Appends the postings of one term to `out`. Inputs are sorted by id.
pub(crate) fn encode(out: &mut Vec<u8>, title: &[(u32, u32)], speaker: &[(u32, u32)], body: &[BodyPosting<'_>]) {
    put_varint(out, title.len() as u32);
    put_varint(out, speaker.len() as u32);
    put_varint(out, body.len() as u32);
    for list in [title, speaker] {
        let mut previous = 0;
        for &(id, tf) in list {
            put_varint(out, id - previous);
            put_varint(out, tf);
            previous = id;
        }
    }
    let mut previous = 0;
    for posting in body {
        put_varint(out, posting.passage - previous);
        previous = posting.passage;
    }
    for posting in body {
        put_varint(out, posting.positions.len() as u32);
    }
    for posting in body {
        let mut previous = 0;
        for &p in posting.positions {
            put_varint(out, p - previous);
            previous = p;
        }
    }
}

/// The decoded postings of one term. Positions stay encoded until asked for.
#[derive(Clone, Debug, Default)]
pub(crate) struct Postings<'a> {
    /// (document, tf) in the title field.
    pub title: Vec<(u32, u32)>,
    /// (speaker, tf) in the speaker field.
    pub speaker: Vec<(u32, u32)>,
    /// (passage, tf) in the body.
    pub body: Vec<(u32, u32)>,
    positions: &'a [u8],
}

impl<'a> Postings<'a> {
    /// Decodes; `None` on damaged bytes (the term is then treated as absent).
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let mut cursor = Cursor::new(bytes);
        let n_title = cursor.varint()? as usize;
        let n_speaker = cursor.varint()? as usize;
        let n_body = cursor.varint()? as usize;
        // Every entry takes at least one byte: refuse counts the bytes cannot hold
        // before allocating for them.
        if n_title.saturating_add(n_speaker).saturating_add(n_body) > bytes.len() {
            return None;
        }
        let mut pairs = |n: usize| -> Option<Vec<(u32, u32)>> {
            let mut list = Vec::with_capacity(n);
            let mut id = 0u32;
            for _ in 0..n {
                id = id.checked_add(cursor.varint()?)?;
                list.push((id, cursor.varint()?));
            }
            Some(list)
        };
        let title = pairs(n_title)?;
        let speaker = pairs(n_speaker)?;
        let mut body = Vec::with_capacity(n_body);
        let mut id = 0u32;
        for _ in 0..n_body {
            id = id.checked_add(cursor.varint()?)?;
            body.push((id, 0));
        }
        for entry in &mut body {
            entry.1 = cursor.varint()?;
        }
        Some(Postings { title, speaker, body, positions: cursor.rest() })
    }

    /// Calls `f(index into body, positions)` for the body postings whose
    /// passage `wanted` accepts. Stops quietly on damaged bytes.
    pub(crate) fn for_each_positions(&self, mut wanted: impl FnMut(u32) -> bool, mut f: impl FnMut(usize, &[u32])) {
        let mut cursor = Cursor::new(self.positions);
        let mut buffer = Vec::new();
        for (i, &(passage, tf)) in self.body.iter().enumerate() {
            let keep = wanted(passage);
            buffer.clear();
            let mut position = 0u32;
            for _ in 0..tf {
                let Some(delta) = cursor.varint() else { return };
                position = position.saturating_add(delta);
                if keep {
                    buffer.push(position);
                }
            }
            if keep {
                f(i, &buffer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trips(
            title in proptest::collection::btree_map(0u32..1000, 1u32..5, 0..5),
            speaker in proptest::collection::btree_map(0u32..1000, 1u32..5, 0..5),
            body in proptest::collection::btree_map(0u32..100_000, proptest::collection::btree_set(0u32..500, 1..6), 0..20),
        ) {
            let title: Vec<_> = title.into_iter().collect();
            let speaker: Vec<_> = speaker.into_iter().collect();
            let body_positions: Vec<(u32, Vec<u32>)> = body.into_iter().map(|(p, s)| (p, s.into_iter().collect())).collect();
            let body: Vec<BodyPosting> = body_positions.iter().map(|(p, v)| BodyPosting { passage: *p, positions: v }).collect();
            let mut bytes = Vec::new();
            encode(&mut bytes, &title, &speaker, &body);
            let decoded = Postings::decode(&bytes).unwrap();
            prop_assert_eq!(&decoded.title, &title);
            prop_assert_eq!(&decoded.speaker, &speaker);
            let mut seen = Vec::new();
            decoded.for_each_positions(|_| true, |i, positions| seen.push((decoded.body[i].0, positions.to_vec())));
            prop_assert_eq!(seen, body_positions);
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Some(p) = Postings::decode(&bytes) {
                p.for_each_positions(|_| true, |_, _| {});
            }
        }
    }
}
