//! The rows of the citizen card's history: an appointment, a contact (with its feedback), in
//! columns as wide as their longest word.

use super::Ctx;
use crate::domain::text::{fit, sanitize_line};
use crate::domain::{Appointment, Channel, Contact, Kind, Outcome, Word};

/// The display width of the longest word of a kind (channel, outcome, …), so that the
/// history's columns line up.
pub(super) fn widest<W: Word + Copy + 'static>(da: bool) -> usize {
    W::ALL
        .iter()
        .map(|w| crate::domain::text::width(w.name(da)))
        .max()
        .unwrap_or(0)
}

/// One appointment as a row of the history; `series_col`: the citizen has series, so a column
/// marks their occurrences (↻).
pub(super) fn appointment_row(app: &Ctx<'_>, a: &Appointment, series_col: bool) -> String {
    let l = app.lang;
    let da = l.da();
    let mark = match (series_col, a.series_id.is_some()) {
        (false, _) => "",
        (true, true) => " ↻",
        (true, false) => "  ",
    };
    format!(
        "  {} {}{mark}  {}  {}  {}",
        l.date(a.start.date()),
        l.time(a.start.time()),
        fit(a.kind.name(da), widest::<Kind>(da)),
        fit(a.channel.name(da), widest::<Channel>(da)),
        a.status.name(da)
    )
}

/// One contact as a row of the history: "●" when not yet transferred, as in the log.
pub(super) fn contact_row(app: &Ctx<'_>, feedback: Option<&(u8, String)>, k: &Contact) -> String {
    let l = app.lang;
    let da = l.da();
    let mark = if k.transferred_at.is_some() {
        ' '
    } else {
        '●'
    };
    let mut text = format!(
        "{mark} {} {}  {}  {}  {}",
        l.date(k.at.date()),
        l.time(k.at.time()),
        fit(k.channel.name(da), widest::<Channel>(da)),
        fit(k.outcome.name(da), widest::<Outcome>(da)),
        sanitize_line(&k.note)
    );
    if let Some((score, wish)) = feedback {
        text.push_str(&format!("  [{}: {score}/5", l.w().feedback));
        if !wish.is_empty() {
            text.push_str(&format!(" · {}", sanitize_line(wish)));
        }
        text.push(']');
    }
    text
}
