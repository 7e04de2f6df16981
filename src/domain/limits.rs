//! How long a citizen's name, a note and a summary may be: one place for every way they are
//! written (the command line, the desk, an import), checked by the store before it writes.

/// What a length limit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// A citizen's name: 200 characters.
    Name,
    /// A note of the contact log: 2,000 characters.
    Note,
    /// A citizen's summary: 10,000 characters.
    Summary,
}

impl Text {
    /// The most characters (Unicode scalar values) it may hold.
    pub fn max(self) -> usize {
        match self {
            Text::Name => 200,
            Text::Note => 2_000,
            Text::Summary => 10_000,
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Text::Name => "name",
            Text::Note => "note",
            Text::Summary => "summary",
        }
    }

    pub fn da(self) -> &'static str {
        match self {
            Text::Name => "navnet",
            Text::Note => "notatet",
            Text::Summary => "resuméet",
        }
    }
}

/// `Err(length)` when `s` is longer than `what` may be.
pub fn check(what: Text, s: &str) -> Result<(), usize> {
    // Counting stops just past the limit: a pasted book is not counted to its end.
    let n = s.chars().take(what.max() + 1).count();
    if n > what.max() {
        Err(s.chars().count())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(check(Text::Name, &"æ".repeat(200)), Ok(()));
        assert_eq!(check(Text::Name, &"æ".repeat(201)), Err(201));
        assert_eq!(check(Text::Note, &"x".repeat(2_000)), Ok(()));
        assert_eq!(check(Text::Note, &"x".repeat(2_001)), Err(2_001));
        assert_eq!(check(Text::Summary, &"ø".repeat(10_000)), Ok(()));
        assert_eq!(check(Text::Summary, &"ø".repeat(10_001)), Err(10_001));
        assert_eq!(check(Text::Note, ""), Ok(()));
    }
}
