//! Lookup tables the model keeps over its own lists (divisions by id,
//! indicators by id, actuals by indicator): ordered, and filled only by the
//! model's own `index_…` methods, so code that reads them cannot put in an
//! entry that points nowhere.

use std::borrow::Borrow;
use std::collections::BTreeMap;

/// An ordered lookup table from ids to positions; its entries are private to the model.
#[derive(Debug, Clone)]
pub struct Index<K, V> {
    map: BTreeMap<K, V>,
}

impl<K, V> Default for Index<K, V> {
    fn default() -> Self {
        Index {
            map: BTreeMap::new(),
        }
    }
}

impl<K: Ord, V> Index<K, V> {
    /// The entry for `key`, if any.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.map.get(key)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Adds `key` unless it is already there: the first entry of a key wins.
    pub(super) fn insert_first(&mut self, key: K, value: V) {
        self.map.entry(key).or_insert(value);
    }

    /// Empties the table (tests of the fallback search).
    #[cfg(test)]
    pub(super) fn clear(&mut self) {
        self.map.clear();
    }
}
