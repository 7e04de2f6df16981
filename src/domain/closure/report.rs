//! The closure report: per target group, how many were reached and converted, with exact rounding.

use serde::{Deserialize, Serialize};

use super::calls::Reception;
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

/// How many reaching calls were received each way: `[very positive, positive, neutral,
/// negative]` (indexed by [`Reception::index`]).
pub type ReceptionCounts = [u64; 4];

/// The raw counts of one target group in a closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GroupCounts {
    /// Citizens on the call list.
    pub citizens: u64,
    /// Citizens reached at least once: by a closure call, or by another contact in the window
    /// (a walk, a home visit, a video or phone conversation).
    pub reached: u64,
    /// Citizens reached who accepted the offer of a conversation (at the latest reaching call).
    pub accepted: u64,
    /// Every attempt, reached or not, on citizens of the group.
    pub attempts: u64,
    /// Citizens reached who were asked whether they accept a conversation (answered yes or no).
    #[serde(default)]
    pub asked: u64,
    /// Citizens by how the call was received (the latest answer given).
    #[serde(default)]
    pub received: ReceptionCounts,
    /// Citizens matched to a job or placement.
    #[serde(default)]
    pub matched: u64,
    /// Of the citizens, those registered during the closure ("ny under nedlukningen").
    #[serde(default)]
    pub newcomers: u64,
    /// Of those reached, the ones a closure call reached (the rest by another contact).
    #[serde(default)]
    pub reached_by_call: u64,
}

impl GroupCounts {
    pub fn add(&mut self, o: &GroupCounts) {
        self.citizens += o.citizens;
        self.reached += o.reached;
        self.accepted += o.accepted;
        self.attempts += o.attempts;
        self.asked += o.asked;
        for (a, b) in self.received.iter_mut().zip(o.received) {
            *a += b;
        }
        self.matched += o.matched;
        self.newcomers += o.newcomers;
        self.reached_by_call += o.reached_by_call;
    }
    /// Citizens with an answer about how the call was received.
    pub fn answered(&self) -> u64 {
        self.received.iter().sum()
    }
}

/// The counts of the citizens of one target group that are (or are not) newcomers: what the
/// store reads, before it is folded into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawCounts {
    /// The group when the citizen joined the call list.
    pub group: TargetGroup,
    /// Registered during the closure.
    pub newcomer: bool,
    pub counts: GroupCounts,
}

/// 2020's six groups (the national figures of the spring 2020 closure), and "andre" for the
/// citizens of target groups that have no place among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group2020 {
    /// Registered during the closure, whatever their target group.
    Nyledige,
    /// Dagpenge and jobparate kontanthjælpsmodtagere.
    OevrigeJobparate,
    Sygedagpengemodtagere,
    AktivitetsparateKontanthjaelpsmodtagere,
    /// Uddannelsesparate kontanthjælpsmodtagere (uddannelseshjælp until 1.7.2025).
    UngePaaUddannelseshjaelp,
    Ressourceforloeb,
    /// Groups that do not map: jobafklaring, ledighedsydelse, revalidering, other.
    Andre,
}

impl Group2020 {
    pub const ALL: [Group2020; 7] = [
        Group2020::Nyledige,
        Group2020::OevrigeJobparate,
        Group2020::Sygedagpengemodtagere,
        Group2020::AktivitetsparateKontanthjaelpsmodtagere,
        Group2020::UngePaaUddannelseshjaelp,
        Group2020::Ressourceforloeb,
        Group2020::Andre,
    ];

    /// The group of a citizen: newcomers are nyledige whatever their target group.
    pub fn of(group: TargetGroup, newcomer: bool) -> Group2020 {
        if newcomer {
            return Group2020::Nyledige;
        }
        match group {
            TargetGroup::Dagpenge | TargetGroup::KontanthjaelpJobparat => {
                Group2020::OevrigeJobparate
            }
            TargetGroup::Sygedagpenge => Group2020::Sygedagpengemodtagere,
            TargetGroup::KontanthjaelpAktivitetsparat => {
                Group2020::AktivitetsparateKontanthjaelpsmodtagere
            }
            TargetGroup::Uddannelsesparat => Group2020::UngePaaUddannelseshjaelp,
            TargetGroup::Ressourceforloeb => Group2020::Ressourceforloeb,
            TargetGroup::Jobafklaring
            | TargetGroup::Ledighedsydelse
            | TargetGroup::Revalidering
            | TargetGroup::Other => Group2020::Andre,
        }
    }

    /// The target groups that do not map to one of 2020's groups and are counted as "andre"
    /// (the report says so under the table).
    pub fn unmapped() -> Vec<TargetGroup> {
        TargetGroup::ALL
            .iter()
            .copied()
            .filter(|g| Group2020::of(*g, false) == Group2020::Andre)
            .collect()
    }

    /// The key in the English CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Group2020::Nyledige => "nyledige",
            Group2020::OevrigeJobparate => "oevrige_jobparate",
            Group2020::Sygedagpengemodtagere => "sygedagpengemodtagere",
            Group2020::AktivitetsparateKontanthjaelpsmodtagere => {
                "aktivitetsparate_kontanthjaelpsmodtagere"
            }
            Group2020::UngePaaUddannelseshjaelp => "unge_paa_uddannelseshjaelp",
            Group2020::Ressourceforloeb => "ressourceforloeb",
            Group2020::Andre => "andre",
        }
    }

    /// The name as 2020's figures wrote it (Danish; the same words in English, they are names).
    pub fn name(self) -> &'static str {
        match self {
            Group2020::Nyledige => "Nyledige",
            Group2020::OevrigeJobparate => "Øvrige jobparate",
            Group2020::Sygedagpengemodtagere => "Sygedagpengemodtagere",
            Group2020::AktivitetsparateKontanthjaelpsmodtagere => {
                "Aktivitetsparate kontanthjælpsmodtagere"
            }
            Group2020::UngePaaUddannelseshjaelp => "Unge på uddannelseshjælp",
            Group2020::Ressourceforloeb => "Ressourceforløb",
            Group2020::Andre => "Andre",
        }
    }

    /// A label for narrow tables and the desk's bars.
    pub fn short(self) -> &'static str {
        match self {
            Group2020::Nyledige => "Nyledige",
            Group2020::OevrigeJobparate => "Øvr. jobparate",
            Group2020::Sygedagpengemodtagere => "Sygedagpenge",
            Group2020::AktivitetsparateKontanthjaelpsmodtagere => "Aktivitetsparate",
            Group2020::UngePaaUddannelseshjaelp => "Unge udd.hjælp",
            Group2020::Ressourceforloeb => "Ressourceforløb",
            Group2020::Andre => "Andre",
        }
    }
}

/// How the report's rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// One row per target group of the contract (`report closure`).
    #[default]
    TargetGroups,
    /// 2020's six groups and "andre" (`report closure --groups 2020`).
    Y2020,
}

/// What one report row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowGroup {
    Target(TargetGroup),
    Y2020(Group2020),
    /// Every citizen on the list.
    All,
}

/// One row of the closure report: a group, or all groups together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub group: RowGroup,
    pub counts: GroupCounts,
}

impl ReportRow {
    /// The contract's key: the target-group key (or 2020 group key), or `all`.
    pub fn key(&self) -> &'static str {
        match self.group {
            RowGroup::Target(g) => g.key(),
            RowGroup::Y2020(g) => g.key(),
            RowGroup::All => "all",
        }
    }
    /// The group's full name (`None` for the row of all groups: the caller words it).
    pub fn name(&self, danish: bool) -> Option<&'static str> {
        match self.group {
            RowGroup::Target(g) => Some(g.name(danish)),
            RowGroup::Y2020(g) => Some(g.name()),
            RowGroup::All => None,
        }
    }
    /// A short label for narrow tables (`None` for the row of all groups).
    pub fn short(&self, danish: bool) -> Option<&'static str> {
        match self.group {
            RowGroup::Target(g) => Some(g.short(danish)),
            RowGroup::Y2020(g) => Some(g.short()),
            RowGroup::All => None,
        }
    }
    pub fn is_all(&self) -> bool {
        self.group == RowGroup::All
    }
    /// Reached, in % of the citizens on the list.
    pub fn reached_pct(&self) -> Tenths {
        Tenths::percent(self.counts.reached, self.counts.citizens)
    }
    /// Accepted a conversation, in % of those asked (2020's figure; not of everyone reached:
    /// a citizen reached by a walk was not asked).
    pub fn accepted_pct(&self) -> Tenths {
        Tenths::percent(self.counts.accepted, self.counts.asked)
    }
    /// Every attempt of the group divided by the citizens the calls reached: what one reached
    /// citizen cost in calls (one reached on a walk cost none). 0.0 when no call reached anybody
    /// (also when calls were made).
    pub fn attempts_per_reached(&self) -> Tenths {
        Tenths::ratio(self.counts.attempts, self.counts.reached_by_call, 1)
    }
    /// The share of one reception among the citizens who answered, in %.
    pub fn received_pct(&self, r: Reception) -> Tenths {
        Tenths::percent(self.counts.received[r.index()], self.counts.answered())
    }
}

/// The report's rows: one per target group of the contract, in the contract's order, groups
/// without citizens included, then the row `all`.
pub fn report_rows(counts: &[RawCounts]) -> Vec<ReportRow> {
    report_rows_by(Grouping::TargetGroups, counts)
}

/// The report's rows in a grouping: every group of it in order (empty ones too), then `all`.
pub fn report_rows_by(grouping: Grouping, counts: &[RawCounts]) -> Vec<ReportRow> {
    let groups: Vec<RowGroup> = match grouping {
        Grouping::TargetGroups => TargetGroup::ALL
            .iter()
            .map(|g| RowGroup::Target(*g))
            .collect(),
        Grouping::Y2020 => Group2020::ALL.iter().map(|g| RowGroup::Y2020(*g)).collect(),
    };
    let of = |r: &RawCounts| match grouping {
        Grouping::TargetGroups => RowGroup::Target(r.group),
        Grouping::Y2020 => RowGroup::Y2020(Group2020::of(r.group, r.newcomer)),
    };
    let mut all = GroupCounts::default();
    let mut rows = Vec::with_capacity(groups.len() + 1);
    for g in groups {
        let mut c = GroupCounts::default();
        for x in counts.iter().filter(|x| of(x) == g) {
            c.add(&x.counts);
        }
        all.add(&c);
        rows.push(ReportRow {
            group: g,
            counts: c,
        });
    }
    rows.push(ReportRow {
        group: RowGroup::All,
        counts: all,
    });
    rows
}

/// How many columns the report's CSV has.
pub const REPORT_COLUMNS: usize = 14;

/// The English CSV header of `jobdesk report closure --csv`: the first seven columns as they
/// were before `asked` and the answers were added (scripts reading by position keep working).
/// The Danish header is `i18n::closure::report_csv_header`.
pub const REPORT_CSV_HEADER: [&str; REPORT_COLUMNS] = [
    "target_group",
    "citizens",
    "reached",
    "reached_pct",
    "accepted",
    "accepted_pct",
    "attempts_per_reached",
    "asked",
    "received",
    "very_positive_pct",
    "positive_pct",
    "neutral_pct",
    "negative_pct",
    "matched",
];

/// One report row as the CSV's fields. `danish`: the group's Danish name and a decimal comma;
/// otherwise its key and a point. `all` is the caller's word for the row of all groups.
pub fn report_csv_record(r: &ReportRow, danish: bool, all: &str) -> [String; REPORT_COLUMNS] {
    let group = if danish {
        r.name(true).unwrap_or(all).to_string()
    } else {
        r.key().to_string()
    };
    let pct = |t: Tenths| t.fmt(danish);
    let c = &r.counts;
    [
        group,
        c.citizens.to_string(),
        c.reached.to_string(),
        pct(r.reached_pct()),
        c.accepted.to_string(),
        pct(r.accepted_pct()),
        pct(r.attempts_per_reached()),
        c.asked.to_string(),
        c.answered().to_string(),
        pct(r.received_pct(Reception::VeryPositive)),
        pct(r.received_pct(Reception::Positive)),
        pct(r.received_pct(Reception::Neutral)),
        pct(r.received_pct(Reception::Negative)),
        c.matched.to_string(),
    ]
}
