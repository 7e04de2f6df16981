//! Text helpers: folding for search, safe display of stored text, width-aware truncation.

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Folds text for matching: lower case, accents removed, and the Danish letters and their
/// transliterations brought to one spelling, so that "soren", "soeren" and "Søren" all fold to
/// "soren", "aase" and "Åse" to "ase", "moeller" and "Møller" to "moller", "Aabenraa" and
/// "Åbenrå" to "abenra" (æ and "ae" both stay "ae").
///
/// ø → o and å → a, then the digraphs after lowering: an "e" right after an "o" and an "a"
/// right after an "a" are dropped ("oe" → "o", "aa" → "a", a run "aaa" → "a"). The output never
/// holds "oe" or "aa", so folding is idempotent. Both sides of a match are folded the same way,
/// so a name and a query typed with either spelling meet; the price is that a query starting
/// inside such a pair ("el" for "Joel", folded "jol") no longer finds it, and "Joel" is found by
/// "jol" too.
///
/// Character by character, with ASCII taken straight through: the log's filter folds every
/// note of the day on each keystroke. (Decomposing each character alone gives the same result
/// as decomposing the whole string, since the combining marks that ordering would move are
/// dropped.)
pub fn fold(s: &str) -> String {
    /// Appends one folded letter, dropping the second letter of "oe" and "aa".
    fn put(out: &mut String, x: char) {
        let merged = match x {
            'e' => out.ends_with('o'),
            'a' => out.ends_with('a'),
            _ => false,
        };
        if !merged {
            out.push(x);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| {
        if unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        for l in c.to_lowercase() {
            match l {
                'ø' => put(&mut out, 'o'),
                'æ' => {
                    put(&mut out, 'a');
                    put(&mut out, 'e');
                }
                'å' => put(&mut out, 'a'),
                'ß' => out.push_str("ss"),
                other => put(&mut out, other),
            }
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_compatible(c, &mut push);
        }
    }
    out
}

/// A key that sorts names the Danish way: a–z, then æ, ø, å (and "aa" as å), case and other
/// accents ignored. Used for ordering only; `fold` is for matching.
pub fn danish_sort_key(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut prev_alnum = false;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'æ' | 'ä' => out.push('{'),
            'ø' | 'ö' => out.push('|'),
            'å' => out.push('}'),
            'a' if !prev_alnum && chars.peek() == Some(&'a') => {
                chars.next();
                out.push('}');
            }
            c => {
                for d in c.to_string().nfkd() {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    out
}

/// Removes control characters and escape sequences so stored text can never drive the terminal.
/// Line breaks become " ⏎ " so a one-line view still shows that there was a break.
pub fn sanitize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str(" ⏎ "),
            '\r' => {}
            '\t' => out.push(' '),
            '\u{1b}' => {
                // Skip an escape sequence: ESC [ ... final byte, or ESC ] ... BEL/ST, or ESC x.
                match chars.peek() {
                    Some('[') => {
                        chars.next();
                        for n in chars.by_ref() {
                            if ('@'..='~').contains(&n) {
                                break;
                            }
                        }
                    }
                    Some(']') => {
                        chars.next();
                        while let Some(n) = chars.next() {
                            if n == '\u{7}' {
                                break;
                            }
                            if n == '\u{1b}' {
                                chars.next();
                                break;
                            }
                        }
                    }
                    Some(_) => {
                        chars.next();
                    }
                    None => {}
                }
            }
            c if c.is_control() => {}
            // Bidi overrides can reorder what the user sees.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with "…" when something was cut. Never splits a
/// character; combining marks stay with their base.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads or cuts to exactly `w` cells.
pub fn fit(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let tw = width(&t);
    let mut out = t;
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(tw)));
    out
}

/// The text with its first character in upper case ("uge 48" → "Uge 48", "ærinde" → "Ærinde").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalise_the_first_character_only() {
        assert_eq!(capitalise("uge 48"), "Uge 48");
        assert_eq!(capitalise("ærinde Ø"), "Ærinde Ø");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn fold_by_character_equals_folding_the_normalised_string() {
        let old = |s: &str| -> String {
            let mut out = String::new();
            for c in s.nfkd() {
                if unicode_normalization::char::is_combining_mark(c) {
                    continue;
                }
                for l in c.to_lowercase() {
                    match l {
                        'ø' => out.push('o'),
                        'æ' => out.push_str("ae"),
                        'å' => out.push('a'),
                        'ß' => out.push_str("ss"),
                        other => out.push(other),
                    }
                }
            }
            // Then the digraphs, as `fold` merges them.
            let mut merged = String::new();
            for c in out.chars() {
                let skip =
                    (c == 'e' && merged.ends_with('o')) || (c == 'a' && merged.ends_with('a'));
                if !skip {
                    merged.push(c);
                }
            }
            merged
        };
        let all: String = (0x20u32..0x250)
            .chain(0x1E00..0x1F00)
            .chain([0xFB01, 0x2126, 0x212B, 0x0130, 0x1E9E])
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(fold(&all), old(&all));
        for s in ["Søren Ærø Åse", "A\u{30a}se", "e\u{301}\u{327}", "ﬁle Ω Å"] {
            assert_eq!(fold(s), old(s), "{s}");
        }
    }

    #[test]
    fn fold_meets_the_danish_transliterations_both_ways() {
        for (a, b) in [
            ("soren", "Søren"),
            ("soeren", "Søren"),
            ("SOEREN", "søren"),
            ("aase", "Åse"),
            ("Aase", "åse"),
            ("moeller", "Møller"),
            ("Aabenraa", "Åbenrå"),
            ("Haekkerup", "Hækkerup"),
            ("Aeroe", "Ærø"),
            ("Jørgen", "Joergen"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} ~ {b}");
        }
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Aabenraa"), "abenra");
        assert_eq!(fold("Hækkerup"), "haekkerup");
        assert!(fold("Mette Søndergaard").contains(&fold("sondergaard")));
        assert!(fold("Mette Søndergaard").contains(&fold("Søndergård")));
        assert!(fold("Lars Møller").contains(&fold("moel")));
        assert_ne!(fold("Ane"), fold("Ann"));
    }

    #[test]
    fn fold_is_idempotent() {
        for s in ["Aaaage Øe", "ooee", "Åa", "æa", "Soeeren", "ÆØÅ aa oe ae"] {
            let once = fold(s);
            assert_eq!(fold(&once), once, "{s}");
            assert!(!once.contains("aa") && !once.contains("oe"), "{s} → {once}");
        }
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Søren Ærø Åse"), "soren aero ase");
        assert_eq!(fold("José"), "jose");
        assert!(fold("Søren Hansen").contains(&fold("soren")));
        assert!(fold("Søren Hansen").contains(&fold("SØR")));
    }

    #[test]
    fn danish_order_puts_aeoeaa_last() {
        let mut names = vec![
            "Åse",
            "Anne",
            "Ærø",
            "Zacharias",
            "Øster",
            "Aagaard",
            "Astrid",
            "Émile",
        ];
        names.sort_by_key(|n| danish_sort_key(n));
        assert_eq!(
            names,
            vec![
                "Anne",
                "Astrid",
                "Émile",
                "Zacharias",
                "Ærø",
                "Øster",
                "Aagaard",
                "Åse"
            ]
        );
    }

    #[test]
    fn sanitize_strips_escapes_and_controls() {
        assert_eq!(sanitize_line("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize_line("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize_line("line1\nline2"), "line1 ⏎ line2");
        assert_eq!(sanitize_line("bell\u{7}"), "bell");
    }

    #[test]
    fn truncate_measures_width_not_bytes() {
        assert_eq!(truncate("æøåæøå", 4), "æøå…");
        assert_eq!(width(&truncate("日本語テキスト", 5)), 5);
        assert_eq!(truncate("👍👍👍", 3), "👍…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }
}
