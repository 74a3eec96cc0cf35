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
    /// The last line found in a whole text: its index and where it starts. Positions are
    /// asked for in file order (the keys of `expected:` one after another), so each
    /// look-up goes on from the last instead of from the top of the file.
    resume: Cell<(usize, usize)>,
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
            resume: Cell::new((0, 0)),
        }
    }

    pub fn kept(lines: Vec<(usize, String)>) -> Self {
        SourceLines {
            repr: Repr::Kept(lines),
            missed: Cell::new(false),
            resume: Cell::new((0, 0)),
        }
    }

    /// The 0-based `index`th line, as `str::lines().nth(index)` gives it.
    pub fn nth(&self, index: usize) -> Option<&str> {
        match &self.repr {
            Repr::Whole(text) => {
                let (mut line, mut at) = self.resume.get();
                if index < line {
                    (line, at) = (0, 0);
                }
                while line < index {
                    at += text[at..].find('\n')? + 1;
                    line += 1;
                }
                self.resume.set((line, at));
                let rest = &text[at..];
                if rest.is_empty() {
                    return None;
                }
                // As `str::lines`: a `\r` goes only with the `\n` after it.
                Some(match rest.find('\n') {
                    Some(end) => rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]),
                    None => rest,
                })
            }
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

    /// Like [`SourceLines::nth`], but a line that is not kept is `None` without being
    /// noted as missed: for a position the caller completes itself.
    pub fn nth_if_kept(&self, index: usize) -> Option<&str> {
        let missed = self.missed.get();
        let found = self.nth(index);
        self.missed.set(missed);
        found
    }

    /// Whether a line that is not kept was asked for.
    pub fn missed(&self) -> bool {
        self.missed.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_what_str_lines_gives_in_any_order_of_asking() {
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\rb\n\r",
            "\n\nx\r",
            "é\n✓\r\n\n",
        ];
        for text in texts {
            let lines = SourceLines::whole(text);
            let expected: Vec<Option<&str>> = (0..6).map(|i| text.lines().nth(i)).collect();
            for order in [[0, 1, 2, 3, 4, 5], [5, 3, 1, 0, 2, 4], [2, 2, 0, 4, 1, 3]] {
                for i in order {
                    assert_eq!(lines.nth(i), expected[i], "{text:?} line {i}");
                }
            }
        }
    }
}
