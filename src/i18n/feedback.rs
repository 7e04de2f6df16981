//! Words of the citizen's voice: `jobdesk report feedback` (satisfaction per month and target
//! group), its CSV headers, and the desk's satisfaction view and rating prompt.

use chrono::NaiveDate;

use super::Lang;
use crate::domain::TargetGroup;
use crate::domain::feedback::MonthRow;

/// The columns of the report's CSV.
pub const CSV_COLUMNS: usize = 6;

/// The CSV header: English keys (scripts read them) or Danish words (`--lang da`).
pub fn csv_header(l: Lang) -> [&'static str; CSV_COLUMNS] {
    match l {
        Lang::En => [
            "month",
            "target_group",
            "answers",
            "mean",
            "share_4_5_pct",
            "wishes",
        ],
        Lang::Da => [
            "Måned",
            "Målgruppe",
            "Svar",
            "Gennemsnit",
            "Andel 4–5 %",
            "Ønsker",
        ],
    }
}

/// The table's header.
pub fn table_header(l: Lang) -> [&'static str; 5] {
    match l {
        Lang::En => ["Month", "Target group", "Answers", "Mean", "4–5 %"],
        Lang::Da => ["Måned", "Målgruppe", "Svar", "Snit", "4–5 %"],
    }
}

/// "november 2026" / "November 2026".
pub fn month(l: Lang, m: NaiveDate) -> String {
    format!("{} {}", super::mentor::month_name(l, m), m.format("%Y"))
}

/// The month in a CSV cell: "2026-11".
pub fn month_key(m: NaiveDate) -> String {
    m.format("%Y-%m").to_string()
}

/// The row's group: its short name, or "Alle" / "All" for the month's total.
pub fn group(l: Lang, g: Option<TargetGroup>) -> &'static str {
    match g {
        Some(g) => g.short(l.da()),
        None => l.t("Alle", "All"),
    }
}

/// The group in a CSV cell: its key in English, its Danish name in Danish; "all" / "Alle".
pub fn group_cell(l: Lang, g: Option<TargetGroup>) -> String {
    use crate::domain::Word;
    match (g, l) {
        (Some(g), Lang::En) => g.key().to_string(),
        (Some(g), Lang::Da) => g.da().to_string(),
        (None, Lang::En) => "all".into(),
        (None, Lang::Da) => "Alle".into(),
    }
}

/// The report's title.
pub fn title(l: Lang, from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    let d = |x: NaiveDate| crate::domain::dates::fmt_date(x, l.da());
    let range = match (from, to) {
        (Some(f), Some(t)) => format!(" {} – {}", d(f), d(t)),
        (Some(f), None) => format!(" {} {}", l.t("fra", "from"), d(f)),
        (None, Some(t)) => format!(" {} {}", l.t("til", "until"), d(t)),
        (None, None) => String::new(),
    };
    format!(
        "{}{range}",
        l.t(
            "Borgernes tilfredshed (1–5) pr. måned og målgruppe",
            "Citizens' satisfaction (1–5) per month and target group"
        )
    )
}

/// When no contact in the range has a rating.
pub fn empty(l: Lang) -> &'static str {
    l.t(
        "Ingen vurderinger i perioden. Giv en med `jobdesk log feedback --contact ID --score 1-5`.",
        "No ratings in the period. Give one with `jobdesk log feedback --contact ID --score 1-5`.",
    )
}

/// The heading above a month's wishes.
pub fn wishes_heading(l: Lang, row: &MonthRow) -> String {
    format!(
        "{} {} ({}):",
        l.t("Ønsker,", "Wishes,"),
        month(l, row.month),
        row.wishes.len()
    )
}

/// Below the report: what the numbers are.
pub fn footnote(l: Lang) -> &'static str {
    l.t(
        "Snit: gennemsnitlig vurdering 1–5. 4–5 %: andel af svarene med 4 eller 5. Målgruppe: borgerens nuværende. Ønskerne står uden navne.",
        "Mean: the average rating 1–5. 4–5 %: the share of answers rated 4 or 5. Target group: the citizen's current one. Wishes are listed without names.",
    )
}

/// The desk's prompt after a held conversation's note.
pub fn rating_prompt(l: Lang) -> &'static str {
    l.t(
        "Borgerens vurdering 1–5 (Enter: spring over)",
        "The citizen's rating 1–5 (Enter: skip)",
    )
}

/// The desk's prompt for the wish.
pub fn wish_prompt(l: Lang) -> &'static str {
    l.t(
        "Borgerens ønske (én linje, Enter: intet)",
        "The citizen's wish (one line, Enter: none)",
    )
}

/// "Vurdering 4/5 gemt" after a rating.
pub fn saved(l: Lang, score: u8) -> String {
    format!(
        "{} {score}/5 {}",
        l.t("Vurdering", "Rating"),
        l.t("gemt", "saved")
    )
}

/// After `log feedback --clear`.
pub fn cleared(l: Lang) -> &'static str {
    l.t("Vurderingen er fjernet", "The rating was removed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_headers_have_the_same_columns() {
        assert_eq!(csv_header(Lang::Da)[3], "Gennemsnit");
        assert_eq!(csv_header(Lang::En)[4], "share_4_5_pct");
        assert_eq!(group_cell(Lang::Da, None), "Alle");
        assert_eq!(
            group_cell(Lang::En, Some(TargetGroup::Dagpenge)),
            "dagpenge"
        );
        let m = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(month(Lang::Da, m), "november 2026");
        assert_eq!(month_key(m), "2026-11");
    }
}
