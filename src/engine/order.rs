//! One shared stable sort for the whole program. Every `slice::sort*` call is its own
//! copy of the standard library's sort in the wasm (about 3.5 kB each, a dozen call
//! sites); here the sort runs once, on indexes with a `dyn` comparison, and each call
//! site only moves its items into the sorted order.

use std::cmp::Ordering;

/// The indexes `0..len` in the stable order `compare` gives them.
#[inline(never)]
pub fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` by `compare`, keeping the order of equal items (stable).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by a key, keeping the order of items with equal keys (stable).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// For two orderings of the same items (`before` and `after`, each item once), whether
/// each item of `after` keeps its place relative to the others: the items of one longest
/// common subsequence are kept, the rest moved. Among equally long ones, the items that
/// came earlier in `before` are kept (so a service moved up past another is the one
/// named). Items of `after` missing from `before` count as moved. Quadratic; the lists are
/// a plan's services (at most a few hundred).
pub fn kept_in_order<T: PartialEq>(before: &[T], after: &[T]) -> Vec<bool> {
    let places: Vec<Option<usize>> = after
        .iter()
        .map(|a| before.iter().position(|b| b == a))
        .collect();
    // longest[i]: the longest increasing run of places ending at i.
    let mut longest = vec![0usize; places.len()];
    for i in 0..places.len() {
        let Some(p) = places[i] else { continue };
        let best = (0..i)
            .filter(|&j| places[j].is_some_and(|q| q < p))
            .map(|j| longest[j])
            .max()
            .unwrap_or(0);
        longest[i] = best + 1;
    }
    let mut kept = vec![false; places.len()];
    let pick = |candidates: &mut dyn Iterator<Item = usize>, want: usize| {
        candidates
            .filter(|&i| longest[i] == want)
            .min_by_key(|&i| places[i])
    };
    let total = longest.iter().copied().max().unwrap_or(0);
    let mut current = pick(&mut (0..places.len()), total);
    let mut want = total;
    while let Some(i) = current {
        kept[i] = true;
        want -= 1;
        if want == 0 {
            break;
        }
        let limit = places[i];
        current = pick(
            &mut (0..i).filter(|&j| places[j].is_some() && places[j] < limit),
            want,
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_moved_items_only() {
        let before = ["A", "B", "C", "D", "E"];
        assert_eq!(kept_in_order(&before, &before), vec![true; 5]);
        // E moved to the top: only E moved.
        let after = ["E", "A", "B", "C", "D"];
        assert_eq!(
            kept_in_order(&before, &after),
            vec![false, true, true, true, true]
        );
        // A moved to the bottom: only A moved.
        let after = ["B", "C", "D", "E", "A"];
        assert_eq!(
            kept_in_order(&before, &after),
            vec![true, true, true, true, false]
        );
        // Two swapped: the one moved up past the other is named.
        let after = ["A", "C", "B", "D", "E"];
        assert_eq!(
            kept_in_order(&before, &after),
            vec![true, false, true, true, true]
        );
        // An item unknown before counts as moved.
        assert_eq!(kept_in_order(&["A"], &["A", "Z"]), vec![true, false]);
        assert!(kept_in_order::<&str>(&[], &[]).is_empty());
    }

    #[test]
    fn sorts_stably_by_a_comparison() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]
        );
        sort_by(&mut items, |a, b| b.0.cmp(&a.0));
        assert_eq!(
            items,
            vec![(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]
        );
    }

    #[test]
    fn sorts_empty_single_and_natural_orders() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["x"];
        sort(&mut one);
        assert_eq!(one, vec!["x"]);
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, vec!["apple", "apple", "fig", "pear"]);
    }
}
