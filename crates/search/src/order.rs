//! Every sort and selection of the crate (and of the page, which uses it
//! too), through one copy of the standard sorting code.
//!
//! Each `sort_unstable_by_key` written with its own element type or key is
//! its own copy of ipnsort in the binary: 2 to 18 KB of wasm each at this
//! crate's opt-level 3, about 80 KB for the crate's dozen sorts (measured
//! with twiggy on the shipped page, December 2026). Here a sort reduces each
//! item to a [`Key`], sorts the keys with the items' positions, then moves
//! the items into that order: the binary holds one sort of `(Key, usize)`,
//! whatever is sorted.
//!
//! The extra pass costs nothing measurable where the crate sorts: a few
//! dozen ranked passages, the terms of a query. Facet rows, which run to
//! thousands on a large corpus and are sorted on every keystroke, have a
//! radix sort of their own ([`by_count_descending`]).

/// What items sort by: numbers packed high to low (see [`pack`]), most
/// significant rule first, then optionally a text compared after them (a
/// name breaking a tie in counts).
pub type Key<'t> = (u128, &'t str);

/// Sorts `items` ascending by `key`; items with equal keys keep their order.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl for<'a> Fn(&'a T) -> Key<'a>) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let mut keyed = keyed(items, key);
        keyed.sort_unstable();
        positions(keyed)
    };
    reorder(items, &order);
}

/// Sorts `items` ascending by a key computed once per item, owning its
/// text (a lowercased name); items with equal keys keep their order.
pub fn sort_by_owned_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (u128, String)) {
    if items.len() < 2 {
        return;
    }
    let owned: Vec<(u128, String)> = items.iter().map(key).collect();
    let order = {
        let mut keyed = keyed(&owned, |(number, text)| (*number, text.as_str()));
        keyed.sort_unstable();
        positions(keyed)
    };
    reorder(items, &order);
}

/// Sorts numbers ascending.
pub fn sort(items: &mut Vec<u32>) {
    sort_by_key(items, |&n| numbers([n]));
}

/// Sorts `(id, count)` rows by count, highest first, keeping the order
/// of rows with equal counts: facet rows, which come in id order.
///
/// A stable radix sort on the counts, a byte at a time, skipping the
/// bytes no count uses. A speaker list runs to thousands of rows at 100k
/// passages, where [`sort_by_key`] on them was 8% of a keystroke's
/// instructions; this is a few passes over the rows.
pub fn by_count_descending(rows: &mut Vec<(u32, u32)>) {
    let highest = rows.iter().map(|&(_, count)| count).max().unwrap_or(0);
    let mut sorted = vec![(0, 0); rows.len()];
    let mut shift = 0;
    while shift < u32::BITS && highest >> shift != 0 {
        // The byte's complement, so that higher counts come first.
        let bucket = |count: u32| usize::from(!(count >> shift) as u8);
        let mut starts = [0usize; 256];
        for &(_, count) in rows.iter() {
            starts[bucket(count)] += 1;
        }
        let mut next = 0;
        for start in &mut starts {
            (*start, next) = (next, next + *start);
        }
        for &row in rows.iter() {
            let at = &mut starts[bucket(row.1)];
            sorted[*at] = row;
            *at += 1;
        }
        std::mem::swap(rows, &mut sorted);
        shift += 8;
    }
}

/// The `cap` items with the lowest keys, in no order, then the rest, in no
/// order: a selection, cheaper than sorting thousands of prefix completions
/// to keep a few dozen.
pub fn lowest<T>(mut items: Vec<T>, cap: usize, key: impl for<'a> Fn(&'a T) -> Key<'a>) -> (Vec<T>, Vec<T>) {
    if items.len() <= cap {
        return (items, Vec::new());
    }
    let order = {
        let mut keyed = keyed(&items, key);
        keyed.select_nth_unstable(cap);
        positions(keyed)
    };
    reorder(&mut items, &order);
    let rest = items.split_off(cap);
    (items, rest)
}

/// Up to four numbers in one, the first most significant: each keeps its
/// own 32 bits. A number complemented (`!n`) sorts descending.
pub fn pack<const N: usize>(lanes: [u32; N]) -> u128 {
    const { assert!(N <= 4, "a key holds four numbers") };
    lanes.iter().fold(0, |packed, &lane| packed << 32 | u128::from(lane))
}

/// A key of numbers only, the first most significant (see [`pack`]).
pub fn numbers<const N: usize>(lanes: [u32; N]) -> Key<'static> {
    (pack(lanes), "")
}

/// Maps a float to an integer of the same order (`total_cmp`'s order), so
/// that scores pack into a [`Key`].
pub fn ordered(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | (1 << 31)
    }
}

/// The key of each item, with its position: the last part of what is
/// sorted, so equal keys keep their order.
fn keyed<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> Key<'a>) -> Vec<(Key<'a>, usize)> {
    items.iter().enumerate().map(|(position, item)| (key(item), position)).collect()
}

fn positions(keyed: Vec<(Key<'_>, usize)>) -> Vec<usize> {
    keyed.into_iter().map(|(_, position)| position).collect()
}

/// Moves `items` into the order of `positions` (each position once).
fn reorder<T>(items: &mut Vec<T>, positions: &[usize]) {
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(positions.iter().filter_map(|&position| taken.get_mut(position)?.take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_numbers_then_text() {
        let mut items = vec![(2u8, "b"), (1, "z"), (2, "a"), (1, "y")];
        sort_by_key(&mut items, |&(n, text)| (u128::from(n), text));
        assert_eq!(items, vec![(1, "y"), (1, "z"), (2, "a"), (2, "b")]);
    }

    /// Long enough that the standard unstable sort, on its own, would not
    /// keep equal keys in order (short lists it sorts by insertion).
    #[test]
    fn equal_keys_keep_their_order() {
        let mut items: Vec<(u32, usize)> = (0..300).map(|i| ((i * 7919) % 3, i as usize)).collect();
        sort_by_key(&mut items, |&(key, _)| numbers([key]));
        for pair in items.windows(2) {
            assert!(pair[0].0 < pair[1].0 || (pair[0].0 == pair[1].0 && pair[0].1 < pair[1].1), "{pair:?}");
        }
    }

    #[test]
    fn an_owned_key_is_computed_and_kept_for_the_sort() {
        let mut names = vec!["b".to_owned(), "A".to_owned(), "a".to_owned()];
        sort_by_owned_key(&mut names, |name| (0, name.to_lowercase()));
        assert_eq!(names, ["A", "a", "b"]);
    }

    #[test]
    fn descending_is_a_complemented_number() {
        let mut counts = vec![(0u32, 3u32), (1, 9), (2, 3), (3, 0)];
        sort_by_key(&mut counts, |&(id, n)| numbers([!n, id]));
        assert_eq!(counts, vec![(1, 9), (0, 3), (2, 3), (3, 0)]);
    }

    proptest::proptest! {
        /// The same order as the generic sort by (count descending, id),
        /// for rows in id order as facets give them.
        #[test]
        fn by_count_descending_sorts_as_the_generic_sort(counts in proptest::collection::vec(
            proptest::prop_oneof![0u32..4, 0u32..300, 65_000u32..70_000, proptest::num::u32::ANY], 0..400,
        )) {
            let rows: Vec<(u32, u32)> = counts.iter().enumerate().map(|(id, &n)| (id as u32, n)).collect();
            let mut radix = rows.clone();
            by_count_descending(&mut radix);
            let mut generic = rows;
            sort_by_key(&mut generic, |&(id, n)| numbers([!n, id]));
            proptest::prop_assert_eq!(radix, generic);
        }
    }

    #[test]
    fn lowest_splits_at_the_cap() {
        let items: Vec<u32> = vec![50, 10, 40, 20, 30];
        let (mut low, mut rest) = lowest(items, 2, |&n| numbers([n]));
        low.sort_unstable();
        rest.sort_unstable();
        assert_eq!((low, rest), (vec![10, 20], vec![30, 40, 50]));
        let (all, none) = lowest(vec![3u32, 1], 5, |&n| numbers([n]));
        assert_eq!((all.len(), none.len()), (2, 0));
    }

    #[test]
    fn packed_numbers_order_as_their_tuple() {
        let tuples = [(0, 0, 7), (0, 1, 0), (1, 0, 0), (0, u32::MAX, u32::MAX), (2, 3, 1)];
        for a in tuples {
            for b in tuples {
                let packed = |(x, y, z): (u32, u32, u32)| pack([x, y, z]);
                assert_eq!(packed(a).cmp(&packed(b)), a.cmp(&b), "{a:?} {b:?}");
            }
        }
        assert_eq!(pack([u32::MAX; 4]), u128::MAX);
    }

    #[test]
    fn floats_order_as_total_cmp() {
        let mut xs = [3.5f32, -1.0, 0.0, -0.0, 2.0, f32::INFINITY, f32::NEG_INFINITY, 1e-30];
        let mut by_key = xs.to_vec();
        by_key.sort_by_key(|&x| ordered(x));
        xs.sort_by(f32::total_cmp);
        // Bits, not values: -0.0 == 0.0 would hide a zero in the wrong place.
        let bits = |xs: &[f32]| xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&by_key), bits(&xs));
    }
}
