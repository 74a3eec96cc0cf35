//! The text of one YAML scalar, kept without a heap allocation when it is short.
//!
//! A partner file is mostly short scalars (`2024-12`, `1234.56`, `smb`, ids): a large
//! one has millions. Keeping each as a `String` cost an allocation and a free apiece,
//! a quarter of the loader's time; inline storage makes them plain copies.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Scalars up to this many bytes are stored inline (the enum stays 24 bytes).
const INLINE: usize = 22;

/// A scalar's text: inline up to [`INLINE`] bytes, on the heap beyond.
#[derive(Clone)]
pub(crate) struct Text(Repr);

/// Private, so that inline bytes can only come from a whole `&str` (see `as_str`).
#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                // SAFETY: inline bytes are only ever written by `From<&str>`, which copies
                // a whole `&str`, so they are UTF-8. Checking again cost an eighth of
                // the loader's time: scalars are read several times each.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(text) => text,
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        if text.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Text(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            Text(Repr::Heap(text.into()))
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        if text.len() <= INLINE {
            Text::from(text.as_str())
        } else {
            Text(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_text_read_back_the_same() {
        for s in [
            "",
            "2024-12",
            "exactly twenty-two b!!",
            "twenty-three bytes long",
            "é✓",
        ] {
            let t = Text::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from(s.to_string()).as_str(), s);
            assert_eq!(&t, s);
        }
        assert!(matches!(
            Text::from("a".repeat(22).as_str()).0,
            Repr::Inline { .. }
        ));
        assert!(matches!(
            Text::from("a".repeat(23).as_str()).0,
            Repr::Heap(_)
        ));
        assert_eq!(std::mem::size_of::<Text>(), 24);
    }
}
