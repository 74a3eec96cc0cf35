//! A map for the few keys of one mapping, looked up by scanning.
//!
//! `Reader::fields` builds one per mapping it reads: for a partner, one per customer.
//! With at most a dozen keys, comparing them in turn is several times cheaper than
//! hashing each with `HashMap`'s SipHash, which was a twentieth of loading.

/// Keys in insertion order; a key inserted again replaces its value, as in a `HashMap`.
pub(crate) struct SmallMap<'k, V> {
    entries: Vec<(&'k str, V)>,
}

impl<'k, V> SmallMap<'k, V> {
    pub fn new() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }

    pub fn insert(&mut self, key: &'k str, value: V) {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.entries.push((key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn behaves_as_a_map() {
        let mut m = SmallMap::new();
        assert!(m.is_empty());
        m.insert("id", 1);
        m.insert("acr", 2);
        m.insert("id", 3);
        assert_eq!(
            (m.get("id"), m.get("acr"), m.get("x")),
            (Some(&3), Some(&2), None)
        );
        assert!(!m.is_empty());
    }
}
