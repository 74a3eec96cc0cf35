//! The lines of a file that messages and positions quote.
//!
//! A file loaded from a text keeps the whole text. A file read line by line (see
//! [`super::streamed`]) keeps only the lines of its top-level keys, which is all a
//! successful load quotes; asking for any other line is noted, and the caller then
//! reads the file again in full, so a message never lacks its line.

use std::cell::Cell;

pub(crate) struct SourceLines<'a> {
    repr: Repr<'a>,
    missed: Cell<bool>,
}

enum Repr<'a> {
    Whole(&'a str),
    /// Lines by 1-based number, in order.
    Kept(Vec<(usize, String)>),
}

impl<'a> SourceLines<'a> {
    pub fn whole(text: &'a str) -> Self {
        SourceLines {
            repr: Repr::Whole(text),
            missed: Cell::new(false),
        }
    }

    pub fn kept(lines: Vec<(usize, String)>) -> Self {
        SourceLines {
            repr: Repr::Kept(lines),
            missed: Cell::new(false),
        }
    }

    /// The 0-based `index`th line, as `str::lines().nth(index)` gives it.
    pub fn nth(&self, index: usize) -> Option<&str> {
        match &self.repr {
            Repr::Whole(text) => text.lines().nth(index),
            Repr::Kept(lines) => {
                let found = lines
                    .binary_search_by_key(&(index + 1), |(n, _)| *n)
                    .ok()
                    .map(|i| lines[i].1.as_str());
                if found.is_none() {
                    self.missed.set(true);
                }
                found
            }
        }
    }

    /// Whether a line that is not kept was asked for.
    pub fn missed(&self) -> bool {
        self.missed.get()
    }
}
