//! Postings of one term: where it occurs, per field.
//!
//! ```text
//! n_title n_speaker n_body ids_len tfs_len      varints
//! title   n_title   x (doc delta, tf)           varints
//! speaker n_speaker x (speaker delta, tf)       varints
//! body    ids:  n_body x passage delta          varints, ids_len bytes
//!         tfs:  n_body x tf                     varints, tfs_len bytes
//!         positions: tf deltas per passage, first absolute
//! ```
//! Titles and speakers are posted once per document or speaker and fanned
//! out to their passages at query time, so a title repeated on thirty
//! passages costs one posting rather than thirty. Body ids, tfs and
//! positions are separate runs with known lengths, so the body can be
//! walked in place without allocating (a frequent term has postings in
//! most passages) and positions are only read by phrases and proximity.

use crate::codec::{put_varint, Cursor};

/// Occurrences of a term in one passage body.
pub(crate) struct BodyPosting<'p> {
    pub passage: u32,
    pub positions: &'p [u32],
}

/// Appends the postings of one term to `out`. Inputs are sorted by id.
pub(crate) fn encode(out: &mut Vec<u8>, title: &[(u32, u32)], speaker: &[(u32, u32)], body: &[BodyPosting<'_>]) {
    let mut ids = Vec::new();
    let mut previous = 0;
    for posting in body {
        put_varint(&mut ids, posting.passage - previous);
        previous = posting.passage;
    }
    let mut tfs = Vec::new();
    for posting in body {
        put_varint(&mut tfs, posting.positions.len() as u32);
    }
    for n in [title.len(), speaker.len(), body.len(), ids.len(), tfs.len()] {
        put_varint(out, n as u32);
    }
    for list in [title, speaker] {
        let mut previous = 0;
        for &(id, tf) in list {
            put_varint(out, id - previous);
            put_varint(out, tf);
            previous = id;
        }
    }
    out.extend_from_slice(&ids);
    out.extend_from_slice(&tfs);
    for posting in body {
        let mut previous = 0;
        for &p in posting.positions {
            put_varint(out, p - previous);
            previous = p;
        }
    }
}

/// The postings of one term. Title and speaker lists are short and decoded;
/// the body stays encoded and is walked on demand.
#[derive(Clone, Debug, Default)]
pub(crate) struct Postings<'a> {
    /// (document, tf) in the title field.
    pub title: Vec<(u32, u32)>,
    /// (speaker, tf) in the speaker field.
    pub speaker: Vec<(u32, u32)>,
    body_len: usize,
    ids: &'a [u8],
    tfs: &'a [u8],
    positions: &'a [u8],
}

impl<'a> Postings<'a> {
    /// Decodes the header; `None` on damaged bytes (the term is then treated
    /// as absent).
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let mut cursor = Cursor::new(bytes);
        let n_title = cursor.varint()? as usize;
        let n_speaker = cursor.varint()? as usize;
        let body_len = cursor.varint()? as usize;
        let ids_len = cursor.varint()? as usize;
        let tfs_len = cursor.varint()? as usize;
        // Every entry takes at least one byte: refuse counts the bytes cannot
        // hold before allocating for them.
        if n_title.saturating_add(n_speaker) > bytes.len() {
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
        let rest = cursor.rest();
        let ids = rest.get(..ids_len)?;
        let tfs = rest.get(ids_len..ids_len.checked_add(tfs_len)?)?;
        let positions = rest.get(ids_len + tfs_len..)?;
        Some(Postings { title, speaker, body_len, ids, tfs, positions })
    }

    /// Number of passage bodies holding the term.
    pub(crate) fn body_len(&self) -> usize {
        self.body_len
    }

    /// (passage, tf) of each body posting, in passage order. Ends early on
    /// damaged bytes.
    pub(crate) fn body(&self) -> impl Iterator<Item = (u32, u32)> + 'a {
        let mut ids = Cursor::new(self.ids);
        let mut tfs = Cursor::new(self.tfs);
        let mut passage = 0u32;
        (0..self.body_len).map_while(move |_| {
            passage = passage.checked_add(ids.varint()?)?;
            Some((passage, tfs.varint()?))
        })
    }

    /// Calls `f(passage, positions)` for the body postings whose passage
    /// `wanted` accepts, in passage order. Stops quietly on damaged bytes.
    pub(crate) fn for_each_positions(&self, mut wanted: impl FnMut(u32) -> bool, mut f: impl FnMut(u32, &[u32])) {
        let mut cursor = Cursor::new(self.positions);
        let mut buffer = Vec::new();
        for (passage, tf) in self.body() {
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
                f(passage, &buffer);
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
            prop_assert_eq!(decoded.body_len(), body.len());
            let tfs: Vec<(u32, u32)> = body_positions.iter().map(|(p, v)| (*p, v.len() as u32)).collect();
            prop_assert_eq!(decoded.body().collect::<Vec<_>>(), tfs);
            let mut seen = Vec::new();
            decoded.for_each_positions(|_| true, |p, positions| seen.push((p, positions.to_vec())));
            prop_assert_eq!(seen, body_positions);
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Some(p) = Postings::decode(&bytes) {
                let _ = p.body().count();
                p.for_each_positions(|_| true, |_, _| {});
            }
        }
    }
}
