//! Finding the citizen a quick-add line names.

use crate::domain::text::{danish_sort_key, fold};

/// Citizens whose name matches the query, best first; returns their ids.
///
/// Every word of the query must be the start of a different word of the name, with case and
/// accents ignored and the Danish letters met by their old spellings, as [`fold`] does it (`soren`,
/// `soeren` and `søren` find "Søren"; `aase` finds "Åse", `moeller` "Møller"). Words are split
/// at anything that is not a letter or digit, so `hans-erik` finds "Hans-Erik". Order: the exact
/// full name, then names where every query word is a whole word, then prefix matches; within each,
/// a match on the first name before others, then the Danish alphabetical order of the name, then
/// id. An empty query matches nobody.
pub fn match_citizens<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = (i64, &'a str)>,
) -> Vec<i64> {
    let q = words(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, bool, String, i64)> = candidates
        .into_iter()
        .filter_map(|(id, name)| {
            let n = words(name);
            let rank = if n == q {
                0
            } else if assign(&q, &n, |a, b| a == b) {
                1
            } else if assign(&q, &n, |a, b| b.starts_with(a)) {
                2
            } else {
                return None;
            };
            let first = n.first().is_some_and(|f| f.starts_with(&q[0]));
            Some((rank, !first, danish_sort_key(name), id))
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|h| h.3).collect()
}

/// The citizens a name on a line means: as [`match_citizens`], except that a query that is
/// someone's exact full name (folded, word for word) means only the citizens of that exact name.
/// One is then chosen without a pick list ("Lars Møller" beside "Lars Møller Hansen");
/// namesakes (two "Steffen Olesen") are still listed, together.
pub fn find_citizens<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = (i64, &'a str)>,
) -> Vec<i64> {
    let q = words(query);
    let candidates: Vec<(i64, &str)> = candidates.into_iter().collect();
    let exact: Vec<i64> = candidates
        .iter()
        .filter(|(_, n)| !q.is_empty() && words(n) == q)
        .map(|(id, _)| *id)
        .collect();
    let all = match_citizens(query, candidates);
    if exact.is_empty() {
        all
    } else {
        // In match_citizens' order (the exact names come first there).
        all.into_iter().filter(|id| exact.contains(id)).collect()
    }
}

/// The year of birth a CPR number (`ddmmyy-xxxx`) gives: the 5th–6th digits, with the century
/// from the 7th (0–3: 1900s; 4 and 9: 2000s up to 36, else 1900s; 5–8: 2000s up to 57, else
/// 1800s). `None` when it is not a CPR number. Only the year is shown, never the number.
pub fn birth_year(cpr: &str) -> Option<i32> {
    let digits: Vec<u32> = cpr.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 10 {
        return None;
    }
    let yy = (digits[4] * 10 + digits[5]) as i32;
    let century = match digits[6] {
        0..=3 => 1900,
        4 | 9 if yy <= 36 => 2000,
        4 | 9 => 1900,
        5..=8 if yy <= 57 => 2000,
        _ => 1800,
    };
    Some(century + yy)
}

/// Folded words: split at anything that is not a letter or a digit.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether each query word can be given its own name word that `fits` (a bipartite matching).
fn assign(q: &[String], n: &[String], fits: impl Fn(&str, &str) -> bool) -> bool {
    if q.len() > n.len() {
        return false;
    }
    // owner[j] = the query word that holds name word j.
    let mut owner: Vec<Option<usize>> = vec![None; n.len()];
    fn try_place(
        i: usize,
        q: &[String],
        n: &[String],
        fits: &dyn Fn(&str, &str) -> bool,
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for j in 0..n.len() {
            if seen[j] || !fits(&q[i], &n[j]) {
                continue;
            }
            seen[j] = true;
            let free = match owner[j] {
                None => true,
                Some(k) => try_place(k, q, n, fits, owner, seen),
            };
            if free {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    (0..q.len()).all(|i| {
        let mut seen = vec![false; n.len()];
        try_place(i, q, n, &fits, &mut owner, &mut seen)
    })
}

#[cfg(test)]
mod tests {
    use super::{birth_year, find_citizens, match_citizens};

    #[test]
    fn an_exact_full_name_finds_only_that_name_namesakes_together() {
        let people = vec![
            (1, "Steffen Olesen"),
            (2, "Steffen Olesen Berg"),
            (3, "Steffen Olesen"),
            (4, "Lars Møller"),
            (5, "Lars Møller Hansen"),
        ];
        assert_eq!(find_citizens("steffen olesen", people.clone()), vec![1, 3]);
        assert_eq!(find_citizens("Lars Moeller", people.clone()), vec![4]);
        assert_eq!(find_citizens("lars m", people.clone()), vec![4, 5]);
        assert_eq!(find_citizens("steffen", people.clone()), vec![1, 3, 2]);
        // match_citizens itself lists every name the query fits, the exact ones first.
        assert_eq!(match_citizens("Lars Moeller", people), vec![4, 5]);
    }

    #[test]
    fn the_birth_year_follows_the_century_rule() {
        assert_eq!(birth_year("231190-1234"), Some(1990));
        assert_eq!(birth_year("010105-4123"), Some(2005));
        assert_eq!(birth_year("010150-4123"), Some(1950));
        assert_eq!(birth_year("010150-5123"), Some(2050));
        assert_eq!(birth_year("010160-6123"), Some(1860));
        assert_eq!(birth_year("010136-9123"), Some(2036));
        assert_eq!(birth_year("010137-9123"), Some(1937));
        assert_eq!(birth_year("0101"), None);
    }

    fn people() -> Vec<(i64, &'static str)> {
        vec![
            (3, "Søren Hansen"),
            (5, "Åse Jørgensen"),
            (8, "Mette Søndergaard"),
            (9, "Lars Møller"),
            (10, "Ida Ærbø"),
            (11, "Kaj Moeller"),
        ]
    }

    #[test]
    fn the_danish_letters_are_met_by_their_old_spellings_both_ways() {
        for (q, want) in [
            ("soren", vec![3]),
            ("soeren", vec![3]),
            ("Søren", vec![3]),
            ("Soeren Hansen", vec![3]),
            ("aase", vec![5]),
            ("åse", vec![5]),
            ("Aase Jørgensen", vec![5]),
            ("joergensen", vec![5]),
            ("søndergård", vec![8]),
            ("sondergaard", vec![8]),
            ("aerboe", vec![10]),
            ("ærbø", vec![10]),
        ] {
            assert_eq!(match_citizens(q, people()), want, "{q}");
        }
        // "moeller" and "møller" find both spellings of the name.
        assert_eq!(match_citizens("moeller", people()), vec![11, 9]);
        assert_eq!(match_citizens("møller", people()), vec![11, 9]);
        assert_eq!(match_citizens("lars moeller", people()), vec![9]);
    }
}
