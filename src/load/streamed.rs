//! Customers converted one at a time while the file is read.
//!
//! A partner file is mostly its `customers` list. Rather than building the whole list
//! as a tree and converting it afterwards (which took over ten times the file's size in
//! memory), the tree hands each item over as soon as it is complete; it is converted
//! and its nodes dropped. The conversion is the same `Reader::customer` as ever, and its
//! first error is kept for the moment `Reader::document` reaches `customers`, so errors
//! elsewhere in the file are still reported in the order they always were.

use super::tree::{Items, Node};
use super::{LoadError, Reader};
use crate::model::Customer;
use std::collections::HashMap;

/// Converts items of `customers` as the tree completes them.
pub(super) struct Customers<'r, 'a> {
    reader: &'r Reader<'a>,
    /// Ids seen so far with their lines, for refusing a duplicate.
    seen: HashMap<String, usize>,
    out: Vec<Customer>,
    /// The first item that could not be converted; later items are not looked at, as
    /// the conversion of the whole list stopped at the first error.
    error: Option<LoadError>,
}

impl<'r, 'a> Customers<'r, 'a> {
    pub fn new(reader: &'r Reader<'a>) -> Self {
        Customers {
            reader,
            seen: HashMap::new(),
            out: Vec::new(),
            error: None,
        }
    }

    /// The customers in file order, or the first item's error.
    pub fn finish(self) -> Result<Vec<Customer>, LoadError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }
}

impl Items for Customers<'_, '_> {
    fn item(&mut self, index: usize, node: Node) {
        if self.error.is_some() {
            return;
        }
        match self.reader.customer(index, &node, &mut self.seen) {
            Ok(customer) => self.out.push(customer),
            Err(e) => self.error = Some(e),
        }
    }

    fn restart(&mut self) {
        self.seen.clear();
        self.out.clear();
        self.error = None;
    }
}
