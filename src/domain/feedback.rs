//! The citizen's voice: the 1–5 rating and one-line wish given on a contact, summed up per
//! month and target group ("satisfaction over time"). Plain values; the store reads the
//! answers, `i18n::feedback` words the report.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::TargetGroup;
use super::Word;

/// One answer: when the contact was, the citizen's target group then, the rating and the wish.
/// No name: the report lists wishes as text only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub date: NaiveDate,
    pub group: TargetGroup,
    /// 1–5.
    pub score: u8,
    /// The citizen's wish in one line; empty when none was given.
    pub wish: String,
}

/// A month's answers of one target group (`group: None`: the month's answers of all groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    /// The first day of the month.
    pub month: NaiveDate,
    pub group: Option<TargetGroup>,
    pub answers: u32,
    /// The sum of the ratings (the mean is `sum / answers`).
    pub sum: u32,
    /// Answers rated 4 or 5.
    pub high: u32,
    /// The wishes given, in the order of the answers, empty ones left out.
    pub wishes: Vec<String>,
}

impl MonthRow {
    /// The mean rating; `None` without answers.
    pub fn mean(&self) -> Option<f64> {
        (self.answers > 0).then(|| f64::from(self.sum) / f64::from(self.answers))
    }

    /// The share of answers rated 4 or 5, in per cent; `None` without answers.
    pub fn high_pct(&self) -> Option<f64> {
        (self.answers > 0).then(|| 100.0 * f64::from(self.high) / f64::from(self.answers))
    }
}

/// One decimal, with a decimal comma when `comma` ("4,3"); "–" for none.
pub fn one_decimal(x: Option<f64>, comma: bool) -> String {
    match x {
        None => "–".into(),
        Some(x) => {
            let s = format!("{:.1}", (x * 10.0).round() / 10.0);
            if comma { s.replace('.', ",") } else { s }
        }
    }
}

/// The answers per month and target group: for each month (oldest first) one row per target
/// group that answered (in the order of [`TargetGroup::ALL`]), then the month's row of all
/// groups (`group: None`). Ratings outside 1–5 are left out.
pub fn by_month(answers: &[Answer]) -> Vec<MonthRow> {
    let group_index = |g: TargetGroup| TargetGroup::ALL.iter().position(|x| *x == g);
    // (month, group index; None sorts after every group as usize::MAX) -> row
    let mut rows: BTreeMap<(NaiveDate, usize), MonthRow> = BTreeMap::new();
    for a in answers.iter().filter(|a| (1..=5).contains(&a.score)) {
        let month = a.date.with_day(1).unwrap_or(a.date);
        for group in [Some(a.group), None] {
            let key = (month, group.and_then(group_index).unwrap_or(usize::MAX));
            let row = rows.entry(key).or_insert_with(|| MonthRow {
                month,
                group,
                answers: 0,
                sum: 0,
                high: 0,
                wishes: Vec::new(),
            });
            row.answers += 1;
            row.sum += u32::from(a.score);
            row.high += u32::from(a.score >= 4);
            let wish = a.wish.trim();
            if !wish.is_empty() {
                row.wishes.push(wish.to_string());
            }
        }
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(m: u32, d: u32, group: TargetGroup, score: u8, wish: &str) -> Answer {
        Answer {
            date: NaiveDate::from_ymd_opt(2026, m, d).unwrap(),
            group,
            score,
            wish: wish.into(),
        }
    }

    #[test]
    fn a_hand_made_set_per_month_and_group() {
        use TargetGroup::*;
        let set = [
            a(11, 2, Dagpenge, 5, "Mere tid"),
            a(11, 9, Dagpenge, 4, ""),
            a(11, 20, Dagpenge, 2, "Kortere ventetid"),
            a(11, 23, Sygedagpenge, 3, ""),
            a(12, 1, Dagpenge, 1, ""),
            a(10, 30, Sygedagpenge, 5, "Tak"),
        ];
        let rows = by_month(&set);
        let keys: Vec<(u32, Option<TargetGroup>, u32)> = rows
            .iter()
            .map(|r| (r.month.month(), r.group, r.answers))
            .collect();
        assert_eq!(
            keys,
            vec![
                (10, Some(Sygedagpenge), 1),
                (10, None, 1),
                (11, Some(Dagpenge), 3),
                (11, Some(Sygedagpenge), 1),
                (11, None, 4),
                (12, Some(Dagpenge), 1),
                (12, None, 1),
            ]
        );
        let dp = &rows[2];
        assert_eq!(one_decimal(dp.mean(), true), "3,7", "(5 + 4 + 2) / 3");
        assert_eq!(
            one_decimal(dp.high_pct(), true),
            "66,7",
            "two of three rated 4–5"
        );
        assert_eq!(dp.wishes, vec!["Mere tid", "Kortere ventetid"]);
        let nov = &rows[4];
        assert_eq!(one_decimal(nov.mean(), false), "3.5", "14 / 4");
        assert_eq!(one_decimal(nov.high_pct(), false), "50.0");
        assert_eq!(nov.wishes.len(), 2);
        assert_eq!(one_decimal(None, true), "–");
    }

    #[test]
    fn ratings_outside_one_to_five_are_left_out() {
        let rows = by_month(&[
            a(11, 2, TargetGroup::Other, 0, "x"),
            a(11, 2, TargetGroup::Other, 6, ""),
        ]);
        assert!(rows.is_empty());
    }
}
