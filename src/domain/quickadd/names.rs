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
    use super::match_citizens;

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
