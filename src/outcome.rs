//! How a run ended, and the one mapping from that to the exit code of every command
//! (docs/scenario-format.md): 0 success, 1 something checked differs, 2 bad input or
//! command line. The library decides the outcome; the command line only exits with it.

/// How a run of any command ended. When several things happened, the worst one (the
/// greatest) decides: bad input over a difference over success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Everything checked holds.
    Success,
    /// Something checked differs: a scenario's expectation, an uncovered or unknown
    /// clause, a rulebook inconsistency, a change left to accept.
    Differs,
    /// The input or the command line is wrong: an unreadable or malformed file, an
    /// unknown option, a refusal to ask without a terminal.
    BadInput,
}

impl Outcome {
    /// The worse of two outcomes.
    #[must_use]
    pub fn and(self, other: Outcome) -> Outcome {
        self.max(other)
    }

    /// [`exit_code`] of this outcome.
    pub fn exit_code(self) -> u8 {
        exit_code(self)
    }
}

/// The exit code of an outcome: 0, 1 or 2.
pub fn exit_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Success => 0,
        Outcome::Differs => 1,
        Outcome::BadInput => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_outcome_decides_the_code() {
        assert_eq!(exit_code(Outcome::Success), 0);
        assert_eq!(exit_code(Outcome::Differs), 1);
        assert_eq!(exit_code(Outcome::BadInput), 2);
        assert_eq!(Outcome::Differs.and(Outcome::Success), Outcome::Differs);
        assert_eq!(Outcome::Differs.and(Outcome::BadInput), Outcome::BadInput);
        assert_eq!(Outcome::Success.and(Outcome::Success).exit_code(), 0);
    }
}
