//! A fixed-size set of passage numbers, one bit each.
//!
//! Query words, phrases, exclusions and facet selections are all turned into
//! bitsets over the passages, so combining them is a few word-wide `&`, `|`
//! and `!` per 64 passages; that is what keeps a keystroke cheap even when a
//! short prefix matches most of the corpus.

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    pub(crate) fn empty(len: usize) -> Self {
        BitSet { words: vec![0; len.div_ceil(64)], len }
    }

    pub(crate) fn full(len: usize) -> Self {
        let mut set = BitSet { words: vec![u64::MAX; len.div_ceil(64)], len };
        set.trim();
        set
    }

    /// Clears the bits past `len` so counts and iteration stay exact.
    fn trim(&mut self) {
        let extra = self.words.len() * 64 - self.len;
        if let Some(last) = self.words.last_mut() {
            if extra > 0 {
                *last &= u64::MAX >> extra;
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        self.words.fill(0);
    }

    /// Adds `i`; numbers outside the set are ignored, since they can only come
    /// from a damaged blob.
    pub(crate) fn insert(&mut self, i: u32) {
        let i = i as usize;
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Adds every number of `range` inside the set, a word at a time.
    pub(crate) fn insert_range(&mut self, range: std::ops::Range<u32>) {
        let start = range.start as usize;
        let end = (range.end as usize).min(self.len);
        let mut i = start;
        while i < end {
            let bit = i % 64;
            let span = (64 - bit).min(end - i);
            let mask = if span == 64 { u64::MAX } else { ((1u64 << span) - 1) << bit };
            self.words[i / 64] |= mask;
            i += span;
        }
    }

    pub(crate) fn contains(&self, i: u32) -> bool {
        let i = i as usize;
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub(crate) fn intersect(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub(crate) fn union(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub(crate) fn subtract(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// The numbers of `0..len` not in the set.
    pub(crate) fn complement(&self) -> BitSet {
        let mut set = BitSet { words: self.words.iter().map(|w| !w).collect(), len: self.len };
        set.trim();
        set
    }

    pub(crate) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros();
                    word &= word - 1;
                    (i * 64) as u32 + bit
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn behaves_like_a_set(len in 0usize..200, a in proptest::collection::vec(0u32..220, 0..60), b in proptest::collection::vec(0u32..220, 0..60)) {
            let to_set = |v: &[u32]| { let mut s = BitSet::empty(len); for &i in v { s.insert(i); } s };
            let model = |v: &[u32]| v.iter().copied().filter(|&i| (i as usize) < len).collect::<BTreeSet<u32>>();
            let (sa, sb, ma, mb) = (to_set(&a), to_set(&b), model(&a), model(&b));
            let mut and = sa.clone(); and.intersect(&sb);
            let mut or = sa.clone(); or.union(&sb);
            let mut not = sa.clone(); not.subtract(&sb);
            let mut ranged = BitSet::empty(len);
            let (lo, hi) = (a.first().copied().unwrap_or(0), b.first().copied().unwrap_or(0));
            ranged.insert_range(lo.min(hi)..lo.max(hi));
            prop_assert_eq!(ranged.iter().collect::<Vec<_>>(), (lo.min(hi)..lo.max(hi).min(len as u32)).collect::<Vec<_>>());
            prop_assert_eq!(and.iter().collect::<BTreeSet<_>>(), &ma & &mb);
            prop_assert_eq!(or.iter().collect::<BTreeSet<_>>(), &ma | &mb);
            prop_assert_eq!(not.iter().collect::<BTreeSet<_>>(), &ma - &mb);
            prop_assert_eq!(sa.count(), ma.len());
            prop_assert_eq!(sa.complement().iter().collect::<BTreeSet<_>>(), (0..len as u32).filter(|i| !ma.contains(i)).collect::<BTreeSet<_>>());
            prop_assert_eq!(BitSet::full(len).count(), len);
        }
    }
}
