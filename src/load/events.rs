//! The YAML events the tree is built from, and the general reader that produces them.
//!
//! Two readers produce the same events: [`crate::load::fast`] for the plain block YAML
//! that partner files are made of, and [`General`] (yaml-rust2) for everything else.
//! The tree builder takes either through [`Source`], so what it builds, and every
//! position it reports, comes from one piece of code.

use super::scalar::Text;
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

/// A reader of events.
pub(crate) trait Source {
    fn next_event(&mut self) -> Result<(Event, Mark), Stop>;
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
