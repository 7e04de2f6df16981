//! The words of recurring appointments (series), in Danish and English: the command line's
//! `plan --every` and `series …`, and what the desk may reuse.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::domain::dates::{fmt_date, weekday_name};
use crate::domain::recurrence::{End, Frequency, OnDayOff, Recurrence, week_of_month};

/// "hver uge" / "every week", "hver 2. uge" / "every other week", "hver måned" / "every month".
pub fn frequency(l: Lang, f: Frequency) -> &'static str {
    match f {
        Frequency::Weekly => l.t("hver uge", "every week"),
        Frequency::EveryOtherWeek => l.t("hver 2. uge", "every other week"),
        Frequency::MonthlyWeekday => l.t("hver måned", "every month"),
    }
}

/// The rule in words, from its first date: "hver tirsdag", "hver 2. tirsdag", "2. tirsdag i
/// måneden" / "every Tuesday", "every other Tuesday", "the 2nd Tuesday of the month" (the
/// last one for a fifth).
pub fn rule(l: Lang, first: NaiveDate, f: Frequency) -> String {
    let da = l.da();
    let day = weekday_name(first.weekday(), da);
    match f {
        Frequency::Weekly => format!("{} {day}", l.t("hver", "every")),
        Frequency::EveryOtherWeek => format!("{} {day}", l.t("hver 2.", "every other")),
        Frequency::MonthlyWeekday => {
            let n = week_of_month(first);
            match (n >= 5, da) {
                (true, true) => format!("sidste {day} i måneden"),
                (true, false) => format!("the last {day} of the month"),
                (false, true) => format!("{n}. {day} i måneden"),
                (false, false) => {
                    let th = match n {
                        1 => "1st",
                        2 => "2nd",
                        3 => "3rd",
                        _ => "4th",
                    };
                    format!("the {th} {day} of the month")
                }
            }
        }
    }
}

/// "til og med 25.02.2027" / "until 2027-02-25", "10 gange" / "10 times".
pub fn end(l: Lang, e: End) -> String {
    match e {
        End::Until(d) => format!("{} {}", l.t("til og med", "until"), fmt_date(d, l.da())),
        End::Count(n) => format!("{n} {}", l.t("gange", "times")),
    }
}

pub fn on_day_off(l: Lang, o: OnDayOff) -> &'static str {
    match o {
        OnDayOff::Skip => l.t("fridage springes over", "days off skipped"),
        OnDayOff::Move => l.t("fridage flyttes", "days off moved"),
    }
}

/// "hver tirsdag kl. 10.00, til og med 25.02.2027" / "every Tuesday at 10.00, until 2027-02-25".
pub fn describe(l: Lang, first: chrono::NaiveDateTime, r: &Recurrence) -> String {
    format!(
        "{} {} {}, {}",
        rule(l, first.date(), r.frequency),
        l.t("kl.", "at"),
        crate::domain::dates::fmt_time(first.time(), l.da()),
        end(l, r.end)
    )
}

/// After `plan --every`: "serie 4: 8 aftaler planlagt (hver torsdag kl. 10.00, 10 gange)".
pub fn planned(l: Lang, id: i64, n: usize, what: &str) -> String {
    if l.da() {
        format!("serie {id}: {n} aftale(r) planlagt ({what})")
    } else {
        format!("series {id}: {n} appointment(s) planned ({what})")
    }
}

/// The end chosen when none was given.
pub fn default_end(l: Lang, until: NaiveDate, from_agreement: bool) -> String {
    let d = fmt_date(until, l.da());
    match (from_agreement, l.da()) {
        (true, true) => format!("uden --until eller --count: til mentoraftalens slutdato {d}"),
        (true, false) => {
            format!("no --until or --count: until the mentor agreement ends, {d}")
        }
        (false, true) => format!("uden --until eller --count: 26 uger, til og med {d}"),
        (false, false) => format!("no --until or --count: 26 weeks, until {d}"),
    }
}

/// "sprunget over (fridag): 24.12.2026 juleaftensdag, …" / "skipped (day off): …".
pub fn skipped(l: Lang, days: &[(NaiveDate, String)]) -> String {
    let list: Vec<String> = days
        .iter()
        .map(|(d, name)| format!("{} {name}", fmt_date(*d, l.da())))
        .collect();
    format!(
        "{}: {}",
        l.t("sprunget over (fridag)", "skipped (day off)"),
        list.join(", ")
    )
}

/// "flyttet fra fridag: 24.12.2026 juleaftensdag → 28.12.2026, …".
pub fn moved(l: Lang, days: &[(NaiveDate, String, NaiveDate)]) -> String {
    let da = l.da();
    let list: Vec<String> = days
        .iter()
        .map(|(d, name, to)| format!("{} {name} → {}", fmt_date(*d, da), fmt_date(*to, da)))
        .collect();
    format!(
        "{}: {}",
        l.t("flyttet fra fridag", "moved off a day off"),
        list.join(", ")
    )
}

/// A warning about one date of a series: "⚠ 17.12.2026: …".
pub fn date_warning(l: Lang, d: NaiveDate, warning: &str) -> String {
    format!("{}: {warning}", fmt_date(d, l.da()))
}

pub fn list_header(l: Lang) -> [&'static str; 8] {
    if l.da() {
        [
            "id", "borger", "art", "kanal", "regel", "fra", "slut", "planlagt",
        ]
    } else {
        [
            "id", "citizen", "kind", "channel", "rule", "from", "end", "planned",
        ]
    }
}

pub fn none(l: Lang) -> &'static str {
    l.t("ingen serier", "no series")
}

/// After `series end`: "serien slutter 15.02.2027: 3 planlagte aftaler fjernet, 1 markeret beholdt".
pub fn ended(l: Lang, last: Option<NaiveDate>, removed: usize, kept: usize) -> String {
    let da = l.da();
    let head = match (last, da) {
        (Some(d), true) => format!("serien slutter {}", fmt_date(d, true)),
        (Some(d), false) => format!("the series ends {}", fmt_date(d, false)),
        (None, true) => "serien er slettet".to_string(),
        (None, false) => "the series is deleted".to_string(),
    };
    if da {
        format!(
            "{head}: {removed} planlagt(e) aftale(r) fjernet, {kept} markeret beholdt som enkelte aftaler"
        )
    } else {
        format!(
            "{head}: {removed} planned appointment(s) removed, {kept} marked kept as single appointments"
        )
    }
}

/// After `series set`: "3 planlagte aftaler ændret (ny serie 5); 1 markeret uændret".
pub fn changed(l: Lang, series_id: i64, split: bool, changed: usize, kept: usize) -> String {
    match (split, l.da()) {
        (true, true) => format!(
            "{changed} planlagt(e) aftale(r) ændret, nu serie {series_id} (den gamle slutter dagen før); {kept} markeret uændret"
        ),
        (true, false) => format!(
            "{changed} planned appointment(s) changed, now series {series_id} (the old one ends the day before); {kept} marked left as they were"
        ),
        (false, true) => format!(
            "{changed} planlagt(e) aftale(r) i serie {series_id} ændret; {kept} markeret uændret"
        ),
        (false, false) => format!(
            "{changed} planned appointment(s) of series {series_id} changed; {kept} marked left as they were"
        ),
    }
}

/// `--until`/`--count`/`--on-day-off` without `--every`, and the like.
pub fn needs_every(l: Lang, flag: &str) -> String {
    if l.da() {
        format!("{flag} hører til en serie: angiv også --every week|2weeks|month")
    } else {
        format!("{flag} belongs to a series: give --every week|2weeks|month too")
    }
}

pub fn bad_every(l: Lang, given: &str) -> String {
    if l.da() {
        format!(
            "--every '{given}': angiv week (hver uge), 2weeks (hver 2. uge) eller month (hver måned)"
        )
    } else {
        format!("--every '{given}': give week, 2weeks or month")
    }
}

pub fn bad_on_day_off(l: Lang, given: &str) -> String {
    if l.da() {
        format!(
            "--on-day-off '{given}': angiv skip (spring over) eller move (flyt til næste arbejdsdag)"
        )
    } else {
        format!("--on-day-off '{given}': give skip or move (to the next working day)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2027, 2, 9).unwrap_or_default(); // 2nd Tuesday
        assert_eq!(rule(Lang::Da, d, Frequency::Weekly), "hver tirsdag");
        assert_eq!(
            rule(Lang::En, d, Frequency::EveryOtherWeek),
            "every other Tuesday"
        );
        assert_eq!(
            rule(Lang::Da, d, Frequency::MonthlyWeekday),
            "2. tirsdag i måneden"
        );
        assert_eq!(
            rule(Lang::En, d, Frequency::MonthlyWeekday),
            "the 2nd Tuesday of the month"
        );
        assert_eq!(end(Lang::Da, End::Count(10)), "10 gange");
    }
}
