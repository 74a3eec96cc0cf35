//! The YAML events the tree is built from, and the general reader that produces them.
//!
//! Two readers produce the same events: [`crate::load::fast`] for the plain block YAML
//! that partner files are made of, and [`General`] (yaml-rust2) for everything else.
//! The tree builder takes either through [`Source`], so what it builds, and every
//! position it reports, comes from one piece of code.

use super::scalar::Text;
use crate::model::Month;
use yaml_rust2::parser::{Event as YamlEvent, Parser};
use yaml_rust2::scanner::{ScanError, TScalarStyle};

/// Where an event starts: 1-based line and column, columns counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub line: usize,
    pub col: usize,
}

/// One parsing event. `anchor` and `tag` say whether an anchor (`&a`) or a tag (`!t`)
/// was written before the node, which the format refuses.
#[derive(Debug, PartialEq)]
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias,
    Scalar {
        text: Text,
        plain: bool,
        anchor: bool,
        tag: bool,
    },
    SequenceStart {
        anchor: bool,
        tag: bool,
    },
    SequenceEnd,
    MappingStart {
        anchor: bool,
        tag: bool,
    },
    MappingEnd,
}

/// Why a reader stopped before the end of the stream.
pub(crate) enum Stop {
    /// The text is not valid YAML: the general reader's own error.
    Syntax(ScanError),
    /// The fast reader met something outside the subset it reads; the general reader
    /// must read the file from the start instead.
    Unsupported,
}

/// The `month: value` entries of a mapping read at once (see [`Source::months`]):
/// each month with the 1-based columns of its key and value on the mapping's line, and
/// the value's text, a plain word. The mapping's text is copied once, and values are
/// read from it: a row of 24 entries is two allocations, both reused from row to row.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct MonthRow {
    /// Month, key column, value column, value length, and the value's number when it
    /// is 1 to 10 digits (`u64::MAX` when not).
    entries: Vec<(Month, u32, u32, u32, u64)>,
    /// The text of the line from column `from`.
    text: String,
    from: u32,
}

impl MonthRow {
    pub fn clear(&mut self) {
        self.entries.clear();
        self.text.clear();
        self.from = 0;
    }

    /// Entries it can hold without growing.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds an entry whose value lies in `text` (see [`MonthRow::set_text`]), with its
    /// number when it is 1 to 10 digits.
    #[inline]
    pub fn push(&mut self, month: Month, cols: (u32, u32), len: u32, digits: Option<u64>) {
        let number = digits.unwrap_or(u64::MAX);
        self.entries.push((month, cols.0, cols.1, len, number));
    }

    /// The text the values are read from: a line's from column `from` on.
    pub fn set_text(&mut self, from: u32, text: &str) {
        self.from = from;
        self.text.clear();
        self.text.push_str(text);
    }

    /// Each entry as month, key column, value column, value, and the value's number
    /// when it is 1 to 10 digits.
    pub fn iter(&self) -> impl Iterator<Item = (Month, u32, u32, &str, Option<u64>)> {
        self.entries
            .iter()
            .map(move |&(month, key_col, value_col, len, number)| {
                let at = value_col.wrapping_sub(self.from) as usize;
                let value = self.text.get(at..at + len as usize).unwrap_or_default();
                let digits = (number != u64::MAX).then_some(number);
                (month, key_col, value_col, value, digits)
            })
    }
}

/// A reader of events.
pub(crate) trait Source {
    fn next_event(&mut self) -> Result<(Event, Mark), Stop>;

    /// Right after a `MappingStart`: when the mapping is a one-line `{...}` of plain
    /// `month: word` entries, each month later than the one before it (so none twice),
    /// puts its entries in `into`, reads on after its `}`, and says so; the events of
    /// those entries and of the `MappingEnd` are then never given. Otherwise (the
    /// default) gives nothing and the events follow as usual. A partner's month
    /// mappings are most of its file: taking them whole spares the tree two nodes an
    /// entry.
    fn months(&mut self, _into: &mut MonthRow) -> bool {
        false
    }
}

/// The general reader: yaml-rust2, for any YAML, from a text or any characters.
pub(crate) struct General<T: Iterator<Item = char>> {
    parser: Parser<T>,
}

impl<'s> General<std::str::Chars<'s>> {
    pub fn new(source: &'s str) -> Self {
        General {
            parser: Parser::new_from_str(source),
        }
    }
}

impl<T: Iterator<Item = char>> General<T> {
    pub fn over(chars: T) -> Self {
        General {
            parser: Parser::new(chars),
        }
    }
}

impl<T: Iterator<Item = char>> Source for General<T> {
    fn next_event(&mut self) -> Result<(Event, Mark), Stop> {
        loop {
            let (event, mark) = self.parser.next_token().map_err(Stop::Syntax)?;
            let event = match event {
                YamlEvent::Nothing => continue,
                YamlEvent::StreamStart => Event::StreamStart,
                YamlEvent::StreamEnd => Event::StreamEnd,
                YamlEvent::DocumentStart => Event::DocumentStart,
                YamlEvent::DocumentEnd => Event::DocumentEnd,
                YamlEvent::Alias(_) => Event::Alias,
                YamlEvent::Scalar(text, style, anchor, tag) => Event::Scalar {
                    text: Text::from(text),
                    plain: style == TScalarStyle::Plain,
                    anchor: anchor != 0,
                    tag: tag.is_some(),
                },
                YamlEvent::SequenceStart(anchor, tag) => Event::SequenceStart {
                    anchor: anchor != 0,
                    tag: tag.is_some(),
                },
                YamlEvent::SequenceEnd => Event::SequenceEnd,
                YamlEvent::MappingStart(anchor, tag) => Event::MappingStart {
                    anchor: anchor != 0,
                    tag: tag.is_some(),
                },
                YamlEvent::MappingEnd => Event::MappingEnd,
            };
            let mark = Mark {
                line: mark.line(),
                col: mark.col() + 1,
            };
            return Ok((event, mark));
        }
    }
}
