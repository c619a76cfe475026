//! Postings of one term: where it occurs, per field.
//!
//! ```text
//! body_len << 2 | has_title << 1 | has_speaker   varint
//! [n_title] [n_speaker]                          varints, when flagged
//! title   n_title   x (doc delta, tf)            varints
//! speaker n_speaker x (speaker delta, tf)        varints
//! body    body_len  x (passage delta << 1 | tf == 1) [tf, when not 1]
//! positions: per body posting, tf deltas (first absolute)
//! ```
//! Titles and speakers are posted once per document or speaker and fanned
//! out to their passages at query time, so a title repeated on thirty
//! passages costs one posting rather than thirty. Nearly every tf is 1 and
//! most terms are rare, so the common posting is two bytes and the common
//! header one: a larger vocabulary, not longer lists, is what grows with
//! the corpus. The body is walked in place, never copied; positions come
//! after it and are only read by phrases and proximity.

use crate::codec::{put_varint, Cursor};

/// Occurrences of a term in one passage body.
pub(crate) struct BodyPosting<'p> {
    pub passage: u32,
    pub positions: &'p [u32],
}

/// Appends the postings of one term to `out`. Inputs are sorted by id.
pub(crate) fn encode(out: &mut Vec<u8>, title: &[(u32, u32)], speaker: &[(u32, u32)], body: &[BodyPosting<'_>]) {
    let flags = (u32::from(!title.is_empty()) << 1) | u32::from(!speaker.is_empty());
    put_varint(out, ((body.len() as u32) << 2) | flags);
    for list in [title, speaker] {
        if !list.is_empty() {
            put_varint(out, list.len() as u32);
        }
    }
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
        let single = posting.positions.len() == 1;
        put_varint(out, ((posting.passage - previous) << 1) | u32::from(single));
        if !single {
            put_varint(out, posting.positions.len() as u32);
        }
        previous = posting.passage;
    }
    for posting in body {
        let mut previous = 0;
        for &p in posting.positions {
            put_varint(out, p - previous);
            previous = p;
        }
    }
}

/// Number of passage bodies holding the term, from the first byte or two.
pub(crate) fn body_len(bytes: &[u8]) -> u32 {
    Cursor::new(bytes).varint().map_or(0, |h| h >> 2)
}

/// The counts that open a term's postings.
struct Header {
    body_len: u32,
    n_title: u32,
    n_speaker: u32,
}

impl Header {
    fn read(cursor: &mut Cursor<'_>) -> Option<Header> {
        let header = cursor.varint()?;
        let n_title = if header & 2 != 0 { cursor.varint()? } else { 0 };
        let n_speaker = if header & 1 != 0 { cursor.varint()? } else { 0 };
        Some(Header { body_len: header >> 2, n_title, n_speaker })
    }
}

/// Bytes taken by the postings that start `bytes`, so that the next term's
/// can be found without the dictionary; `None` on damaged bytes.
pub(crate) fn record_len(bytes: &[u8]) -> Option<usize> {
    let mut cursor = Cursor::new(bytes);
    let Header { body_len, n_title, n_speaker } = Header::read(&mut cursor)?;
    for _ in 0..n_title.checked_add(n_speaker)?.checked_mul(2)? {
        cursor.varint()?;
    }
    let mut positions = 0u32;
    for _ in 0..body_len {
        let entry = cursor.varint()?;
        positions = positions.checked_add(if entry & 1 == 1 { 1 } else { cursor.varint()? })?;
    }
    for _ in 0..positions {
        cursor.varint()?;
    }
    Some(bytes.len() - cursor.rest().len())
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
    /// From the first body posting to the end of the postings section.
    body: &'a [u8],
}

impl<'a> Postings<'a> {
    /// Decodes the header; `None` on damaged bytes (the term is then treated
    /// as absent).
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let mut cursor = Cursor::new(bytes);
        let Header { body_len, n_title, n_speaker } = Header::read(&mut cursor)?;
        let (n_title, n_speaker) = (n_title as usize, n_speaker as usize);
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
        Some(Postings { title, speaker, body_len: body_len as usize, body: cursor.rest() })
    }

    /// Number of passage bodies holding the term.
    pub(crate) fn body_len(&self) -> usize {
        self.body_len
    }

    /// (passage, tf) of each body posting, in passage order. Ends early on
    /// damaged bytes.
    pub(crate) fn body(&self) -> impl Iterator<Item = (u32, u32)> + 'a {
        body_entries(Cursor::new(self.body), self.body_len)
    }

    /// Calls `f(passage, positions)` for the body postings whose passage
    /// `wanted` accepts, in passage order. Stops quietly on damaged bytes.
    pub(crate) fn for_each_positions(&self, mut wanted: impl FnMut(u32) -> bool, mut f: impl FnMut(u32, &[u32])) {
        let Some(positions) = positions_start(self.body, self.body_len) else { return };
        let mut cursor = Cursor::new(positions);
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

/// Positions follow the body entries, whose length is only known by reading them.
fn positions_start(body: &[u8], len: usize) -> Option<&[u8]> {
    let mut cursor = Cursor::new(body);
    for _ in 0..len {
        if cursor.varint()? & 1 == 0 {
            cursor.varint()?;
        }
    }
    Some(cursor.rest())
}

fn body_entries(mut cursor: Cursor<'_>, len: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mut passage = 0u32;
    (0..len).map_while(move |_| {
        let entry = cursor.varint()?;
        passage = passage.checked_add(entry >> 1)?;
        let tf = if entry & 1 == 1 { 1 } else { cursor.varint()? };
        Some((passage, tf))
    })
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
            prop_assert_eq!(body_len(&bytes) as usize, body.len());
            let tfs: Vec<(u32, u32)> = body_positions.iter().map(|(p, v)| (*p, v.len() as u32)).collect();
            prop_assert_eq!(decoded.body().collect::<Vec<_>>(), tfs);
            let mut seen = Vec::new();
            decoded.for_each_positions(|_| true, |p, positions| seen.push((p, positions.to_vec())));
            prop_assert_eq!(seen, body_positions);
            let length = bytes.len();
            bytes.extend_from_slice(&[0x2a, 0x07]);
            prop_assert_eq!(record_len(&bytes), Some(length), "the record ends where the next begins");
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Some(p) = Postings::decode(&bytes) {
                let _ = p.body().count();
                p.for_each_positions(|_| true, |_, _| {});
            }
            let _ = record_len(&bytes);
        }
    }
}
