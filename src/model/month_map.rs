//! Figures by month, held as one sorted vector.
//!
//! A Modern Work partner has millions of `month: figure` entries (50,000 tenants x 5
//! workloads x 2 figures x 24 months). In a `BTreeMap` each 24-month series took about
//! 740 bytes (three leaves and a branch); as a sorted vector it takes 400, and reading
//! one is a binary search over a few cache lines. The methods are those of `BTreeMap`
//! that the engine and the tests use, with the same meaning, so code written against a
//! `BTreeMap<Month, T>` compiles against a `MonthMap<T>` unchanged.

use super::Month;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Bound, Index, RangeBounds};

/// Values by month, each month at most once, in month order.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct MonthMap<T> {
    /// Sorted by month, no month twice.
    entries: Vec<(Month, T)>,
}

impl<T> Default for MonthMap<T> {
    fn default() -> Self {
        MonthMap::new()
    }
}

impl<T> MonthMap<T> {
    /// An empty map; allocates nothing.
    pub const fn new() -> Self {
        MonthMap {
            entries: Vec::new(),
        }
    }

    /// How many months have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no month has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `month` is, or where it would go.
    fn find(&self, month: &Month) -> Result<usize, usize> {
        self.entries.binary_search_by(|(m, _)| m.cmp(month))
    }

    /// The value of a month, if it has one.
    pub fn get(&self, month: &Month) -> Option<&T> {
        self.find(month).ok().map(|i| &self.entries[i].1)
    }

    /// The value of a month, to change it.
    pub fn get_mut(&mut self, month: &Month) -> Option<&mut T> {
        self.find(month).ok().map(|i| &mut self.entries[i].1)
    }

    /// Whether a month has a value.
    pub fn contains_key(&self, month: &Month) -> bool {
        self.find(month).is_ok()
    }

    /// Sets a month's value; returns the one it replaces.
    pub fn insert(&mut self, month: Month, value: T) -> Option<T> {
        match self.find(&month) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (month, value));
                None
            }
        }
    }

    /// Takes a month's value out.
    pub fn remove(&mut self, month: &Month) -> Option<T> {
        self.find(month).ok().map(|i| self.entries.remove(i).1)
    }

    /// Every month and its value, in month order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            inner: self.entries.iter(),
        }
    }

    /// The months within `range` and their values, in month order.
    pub fn range<R: RangeBounds<Month>>(&self, range: R) -> Iter<'_, T> {
        let start = match range.start_bound() {
            Bound::Included(m) => self.entries.partition_point(|(k, _)| k < m),
            Bound::Excluded(m) => self.entries.partition_point(|(k, _)| k <= m),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(m) => self.entries.partition_point(|(k, _)| k <= m),
            Bound::Excluded(m) => self.entries.partition_point(|(k, _)| k < m),
            Bound::Unbounded => self.entries.len(),
        };
        Iter {
            inner: self.entries[start..end.max(start)].iter(),
        }
    }

    /// The months that have a value, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Month> + ExactSizeIterator {
        self.entries.iter().map(|(m, _)| m)
    }

    /// The values, in month order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The earliest month and its value.
    pub fn first_key_value(&self) -> Option<(&Month, &T)> {
        self.entries.first().map(|(m, v)| (m, v))
    }

    /// The latest month and its value.
    pub fn last_key_value(&self) -> Option<(&Month, &T)> {
        self.entries.last().map(|(m, v)| (m, v))
    }

    /// The entries, in month order.
    pub fn as_slice(&self) -> &[(Month, T)] {
        &self.entries
    }

    /// Takes entries already in strictly increasing month order as they are; any other
    /// order is sorted, and of a month given twice the last value is kept (as
    /// `BTreeMap` does).
    pub fn from_vec(mut entries: Vec<(Month, T)>) -> Self {
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            // Stable, so that equal months stay in the order given; the last one wins.
            entries.sort_by_key(|(m, _)| *m);
            let mut kept: Vec<(Month, T)> = Vec::with_capacity(entries.len());
            for (m, v) in entries {
                match kept.last_mut() {
                    Some(last) if last.0 == m => last.1 = v,
                    _ => kept.push((m, v)),
                }
            }
            entries = kept;
        }
        MonthMap { entries }
    }
}

/// The entries of a [`MonthMap`] as `(&month, &value)`, in month order.
#[derive(Clone, Debug)]
pub struct Iter<'a, T> {
    inner: std::slice::Iter<'a, (Month, T)>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = (&'a Month, &'a T);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(m, v)| (m, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(m, v)| (m, v))
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T> IntoIterator for &'a MonthMap<T> {
    type Item = (&'a Month, &'a T);
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T> IntoIterator for MonthMap<T> {
    type Item = (Month, T);
    type IntoIter = std::vec::IntoIter<(Month, T)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<T> FromIterator<(Month, T)> for MonthMap<T> {
    fn from_iter<I: IntoIterator<Item = (Month, T)>>(iter: I) -> Self {
        MonthMap::from_vec(iter.into_iter().collect())
    }
}

impl<T> Extend<(Month, T)> for MonthMap<T> {
    fn extend<I: IntoIterator<Item = (Month, T)>>(&mut self, iter: I) {
        for (m, v) in iter {
            self.insert(m, v);
        }
    }
}

impl<T, const N: usize> From<[(Month, T); N]> for MonthMap<T> {
    fn from(entries: [(Month, T); N]) -> Self {
        MonthMap::from_vec(entries.into())
    }
}

impl<T> From<BTreeMap<Month, T>> for MonthMap<T> {
    fn from(map: BTreeMap<Month, T>) -> Self {
        MonthMap {
            entries: map.into_iter().collect(),
        }
    }
}

impl<T> Index<&Month> for MonthMap<T> {
    type Output = T;

    /// Panics when the month has no value, as `BTreeMap`'s indexing does: for tests.
    fn index(&self, month: &Month) -> &T {
        match self.get(month) {
            Some(v) => v,
            None => panic!("no value for {month} in the month map"),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for MonthMap<T> {
    /// Written as a `BTreeMap` of the same entries is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::MonthMap;
    use crate::model::Month;
    use std::collections::BTreeMap;

    fn m(i: u32) -> Month {
        Month::new(2024, 1).expect("a month").months_after(i)
    }

    /// Every method agrees with `BTreeMap`'s on the same operations.
    #[test]
    fn behaves_as_a_btree_map() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..300 {
            let pairs: Vec<(Month, u64)> = (0..next(12))
                .map(|_| (m(next(16) as u32), next(100)))
                .collect();
            let mut ours: MonthMap<u64> = pairs.iter().copied().collect();
            let mut theirs: BTreeMap<Month, u64> = pairs.iter().copied().collect();
            for _ in 0..6 {
                let (k, v) = (m(next(16) as u32), next(100));
                match next(3) {
                    0 => assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                    1 => assert_eq!(ours.remove(&k), theirs.remove(&k)),
                    _ => {
                        if let (Some(a), Some(b)) = (ours.get_mut(&k), theirs.get_mut(&k)) {
                            *a += v;
                            *b += v;
                        }
                    }
                }
            }
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
            assert_eq!(ours.len(), theirs.len());
            assert_eq!(ours.is_empty(), theirs.is_empty());
            assert_eq!(ours.first_key_value(), theirs.first_key_value());
            assert_eq!(ours.last_key_value(), theirs.last_key_value());
            assert!(ours.keys().eq(theirs.keys()));
            assert!(ours.values().rev().eq(theirs.values().rev()));
            for i in 0..18 {
                assert_eq!(ours.get(&m(i)), theirs.get(&m(i)));
                assert_eq!(ours.contains_key(&m(i)), theirs.contains_key(&m(i)));
                for j in i..18 {
                    assert!(ours.range(m(i)..=m(j)).eq(theirs.range(m(i)..=m(j))));
                    assert!(ours.range(m(i)..m(j)).eq(theirs.range(m(i)..m(j))));
                }
                assert!(ours.range(..m(i)).eq(theirs.range(..m(i))));
                assert!(ours.range(m(i)..).rev().eq(theirs.range(m(i)..).rev()));
            }
            assert_eq!(MonthMap::from(theirs.clone()), ours);
            assert!(ours.into_iter().eq(theirs.into_iter()));
        }
    }
}
