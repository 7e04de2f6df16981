//! The closure report: per target group, how many were reached and converted, with exact rounding.

use serde::{Deserialize, Serialize};

use crate::domain::types::{TargetGroup, Word};

/// A number with one decimal, kept as whole tenths so that rounding is exact and the same on
/// every machine: 66.7 is `Tenths(667)`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Tenths(pub u64);

impl Tenths {
    /// `scale * num / den` rounded to one decimal, halves away from zero; 0.0 when `den` is 0
    /// (a share of nothing is shown as 0.0, never as an error or a blank).
    pub fn ratio(num: u64, den: u64, scale: u64) -> Tenths {
        if den == 0 {
            return Tenths(0);
        }
        let n = num as u128 * scale as u128 * 10;
        let d = den as u128;
        Tenths(((2 * n + d) / (2 * d)) as u64)
    }

    /// A percentage from 0 to 100 with one decimal: `percent(2, 3)` is 66.7.
    pub fn percent(part: u64, whole: u64) -> Tenths {
        Tenths::ratio(part, whole, 100)
    }

    /// "66.7", or "66,7" with a decimal comma (Danish).
    pub fn fmt(self, decimal_comma: bool) -> String {
        let sep = if decimal_comma { ',' } else { '.' };
        format!("{}{sep}{}", self.0 / 10, self.0 % 10)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 10.0
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Tenths::fmt(*self, false))
    }
}

/// The raw counts of one target group in a closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GroupCounts {
    /// Citizens on the call list.
    pub citizens: u64,
    /// Citizens reached at least once.
    pub reached: u64,
    /// Citizens reached who accepted the offer of a conversation (at the latest reaching call).
    pub accepted: u64,
    /// Every attempt, reached or not, on citizens of the group.
    pub attempts: u64,
}

impl GroupCounts {
    pub fn add(&mut self, o: &GroupCounts) {
        self.citizens += o.citizens;
        self.reached += o.reached;
        self.accepted += o.accepted;
        self.attempts += o.attempts;
    }
}

/// One row of the closure report: a target group, or all groups together (`group: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub group: Option<TargetGroup>,
    pub counts: GroupCounts,
}

impl ReportRow {
    /// The contract's key: the target-group key, or `all`.
    pub fn key(&self) -> &'static str {
        self.group.map(|g| g.key()).unwrap_or("all")
    }
    /// Reached, in % of the citizens on the list.
    pub fn reached_pct(&self) -> Tenths {
        Tenths::percent(self.counts.reached, self.counts.citizens)
    }
    /// Accepted a conversation, in % of those reached.
    pub fn accepted_pct(&self) -> Tenths {
        Tenths::percent(self.counts.accepted, self.counts.reached)
    }
    /// Every attempt of the group divided by the citizens reached: what one reached citizen cost
    /// in calls. 0.0 when nobody was reached (also when calls were made).
    pub fn attempts_per_reached(&self) -> Tenths {
        Tenths::ratio(self.counts.attempts, self.counts.reached, 1)
    }
}

/// The report's rows: one per target group of the contract, in the contract's order, groups
/// without citizens included, then the row `all`.
pub fn report_rows(counts: &[(TargetGroup, GroupCounts)]) -> Vec<ReportRow> {
    let mut rows = Vec::with_capacity(TargetGroup::ALL.len() + 1);
    let mut all = GroupCounts::default();
    for g in TargetGroup::ALL {
        let mut c = GroupCounts::default();
        for (_, x) in counts.iter().filter(|(k, _)| k == g) {
            c.add(x);
        }
        all.add(&c);
        rows.push(ReportRow {
            group: Some(*g),
            counts: c,
        });
    }
    rows.push(ReportRow {
        group: None,
        counts: all,
    });
    rows
}

/// The CSV header of `jobdesk report closure --csv`.
pub const REPORT_CSV_HEADER: [&str; 7] = [
    "target_group",
    "citizens",
    "reached",
    "reached_pct",
    "accepted",
    "accepted_pct",
    "attempts_per_reached",
];

/// One report row as the CSV's fields.
pub fn report_csv_record(r: &ReportRow) -> [String; 7] {
    [
        r.key().to_string(),
        r.counts.citizens.to_string(),
        r.counts.reached.to_string(),
        r.reached_pct().to_string(),
        r.counts.accepted.to_string(),
        r.accepted_pct().to_string(),
        r.attempts_per_reached().to_string(),
    ]
}
