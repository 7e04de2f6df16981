//! Words of mentor hours: the card's line, the Mentor visits pane's title, the expiry flag and
//! `jobdesk report mentor`.

use crate::domain::dates::{MONTHS_DA, MONTHS_EN};
use chrono::{Datelike, NaiveDate};

use super::Lang;

/// The month's name: "november" / "November".
pub fn month_name(l: Lang, d: NaiveDate) -> &'static str {
    let i = d.month0() as usize % 12;
    if l.da() { MONTHS_DA[i] } else { MONTHS_EN[i] }
}

/// Hours with at most one decimal, "3,5" with a decimal comma, "4" without decimals.
pub fn hours(h: f64, decimal_comma: bool) -> String {
    let tenths = (h * 10.0).round() as i64;
    let s = if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{:.1}", tenths as f64 / 10.0)
    };
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Minutes as hours: 210 → "3,5" / "3.5".
pub fn minutes_as_hours(minutes: i64, decimal_comma: bool) -> String {
    hours(minutes as f64 / 60.0, decimal_comma)
}

/// The card's line: "3,5 af 4 t denne uge; 14 af 16 t i november" / "3.5 of 4 h this week; 14
/// of 16 h in November".
pub fn card_line(
    l: Lang,
    week_used: i64,
    per_week: f64,
    month_used: i64,
    month_agreed: i64,
    month: NaiveDate,
) -> String {
    let da = l.da();
    format!(
        "{} {} {} {} {}; {} {} {} {} {}",
        minutes_as_hours(week_used, da),
        l.t("af", "of"),
        hours(per_week, da),
        l.t("t", "h"),
        l.t("denne uge", "this week"),
        minutes_as_hours(month_used, da),
        l.t("af", "of"),
        minutes_as_hours(month_agreed, da),
        l.t("t i", "h in"),
        month_name(l, month),
    )
}

/// The card's field name for the line.
pub fn card_field(l: Lang) -> &'static str {
    l.t("Mentortimer", "Mentor hours")
}

/// The Mentor visits pane's title: "12,5 t af 20 t aftalt" / "12.5 h of 20 h agreed".
pub fn pane_hours(l: Lang, used: i64, agreed_per_week: f64) -> String {
    let da = l.da();
    format!(
        "{} {} {} {} {}",
        minutes_as_hours(used, da),
        l.t("t af", "h of"),
        hours(agreed_per_week, da),
        l.t("t", "h"),
        l.t("aftalt", "agreed"),
    )
}

/// The expiry flag: "mentoraftale udløber 02.12" / "mentor agreement ends 2 Dec".
pub fn expires(l: Lang, until: NaiveDate) -> String {
    format!(
        "{} {}",
        l.t("mentoraftale udløber", "mentor agreement ends"),
        l.day_month(until)
    )
}

/// The report's title: "Mentortimer november 2026" / "Mentor hours November 2026".
pub fn report_title(l: Lang, month: NaiveDate) -> String {
    format!(
        "{} {} {}",
        l.t("Mentortimer", "Mentor hours"),
        month_name(l, month),
        month.year()
    )
}

/// How the agreed hours are counted, under the report.
pub fn report_footnote(l: Lang) -> &'static str {
    l.t(
        "Aftalte timer = timer pr. uge × månedens uger (en uge hører til den måned, dens torsdag ligger i; uger efter aftalens sidste dag tæller ikke). Brugte timer = minutter på afholdte mentorkontakter i måneden.",
        "Agreed hours = hours a week × the month's weeks (a week belongs to the month of its Thursday; weeks after the agreement's last day do not count). Used hours = minutes of held mentor contacts in the month.",
    )
}

/// No citizen has an agreement in the month.
pub fn report_empty(l: Lang) -> &'static str {
    l.t(
        "Ingen borgere har en mentoraftale i måneden.",
        "No citizen has a mentor agreement in the month.",
    )
}

/// The report's header (table and CSV): id, citizen, hours a week, weeks, agreed hours, used
/// hours, home visits, walks, workplace visits, other channels.
pub fn report_header(l: Lang) -> [&'static str; 10] {
    if l.da() {
        [
            "id",
            "borger",
            "timer pr. uge",
            "uger",
            "aftalte timer",
            "brugte timer",
            "hjemmebesøg",
            "gåtur",
            "arbejdsplads",
            "andre kanaler",
        ]
    } else {
        [
            "id",
            "citizen",
            "hours_per_week",
            "weeks",
            "agreed_hours",
            "used_hours",
            "home_visit",
            "walk",
            "workplace",
            "other_channels",
        ]
    }
}

/// `--month` that is not one.
pub fn not_a_month(l: Lang, s: &str) -> String {
    if l.da() {
        format!("--month '{s}' er ikke en måned: skriv den som ÅÅÅÅ-MM, fx 2026-11")
    } else {
        format!("--month '{s}' is not a month: write it as YYYY-MM, e.g. 2026-11")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_line_in_both_languages() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert_eq!(
            card_line(Lang::Da, 210, 4.0, 14 * 60, 16 * 60, nov),
            "3,5 af 4 t denne uge; 14 af 16 t i november"
        );
        assert_eq!(
            card_line(Lang::En, 210, 4.0, 14 * 60, 16 * 60, nov),
            "3.5 of 4 h this week; 14 of 16 h in November"
        );
        assert_eq!(pane_hours(Lang::Da, 750, 20.0), "12,5 t af 20 t aftalt");
        assert_eq!(
            expires(
                Lang::Da,
                NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default()
            ),
            "mentoraftale udløber 02.12"
        );
    }
}
