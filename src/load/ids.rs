//! The ids of one list seen so far, for refusing an id written twice.
//!
//! A map from each id to its line held a second copy of every id: for a list of a
//! million short items that was most of the memory the list took. Ids are found by a
//! hash instead, and an id whose hash matches is compared with the earlier item's own
//! id, so the answer is exact.

use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

#[derive(Default)]
pub(crate) struct Ids {
    /// By the hash of an id: the line it was first written on, and its item's index
    /// (a file under the size limit has fewer than 2^32 lines and items).
    first: HashMap<u64, (u32, u32)>,
    /// Ids whose hash another id had first, by id: compared in full.
    clashes: HashMap<String, usize>,
}

impl Ids {
    /// The line `id` was first written on, when an earlier item has it; otherwise notes
    /// it as the `index`th item's, written at `line`. `earlier` gives an earlier item's
    /// id by its index.
    pub fn first_line<'e>(
        &mut self,
        id: &str,
        line: usize,
        index: usize,
        earlier: &dyn Fn(usize) -> Option<&'e str>,
    ) -> Option<usize> {
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match self.first.entry(hasher.finish()) {
            Entry::Vacant(e) => {
                e.insert((small(line), small(index)));
                None
            }
            Entry::Occupied(e) if earlier(e.get().1 as usize) == Some(id) => {
                Some(e.get().0 as usize)
            }
            Entry::Occupied(_) => match self.clashes.entry(id.to_string()) {
                Entry::Occupied(e) => Some(*e.get()),
                Entry::Vacant(e) => {
                    e.insert(line);
                    None
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_again_and_only_itself() {
        let ids = ["a", "b", "c"];
        let earlier = |i: usize| ids.get(i).copied();
        let mut seen = Ids::default();
        assert_eq!(seen.first_line("a", 3, 0, &earlier), None);
        assert_eq!(seen.first_line("b", 5, 1, &earlier), None);
        assert_eq!(seen.first_line("a", 9, 2, &earlier), Some(3));
        // Two ids with one hash: forced here by noting `c` under `a`'s hash.
        let mut hasher = DefaultHasher::new();
        "c".hash(&mut hasher);
        seen.first.insert(hasher.finish(), (7, 0));
        assert_eq!(seen.first_line("c", 8, 2, &earlier), None);
        assert_eq!(seen.first_line("c", 11, 3, &earlier), Some(8));
    }
}
