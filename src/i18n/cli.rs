//! Words of the command line's plain tables.

use super::Lang;

pub fn agenda_header(l: Lang) -> [&'static str; 7] {
    if l.da() {
        ["id", "tid", "min", "borger", "art", "kanal", "status"]
    } else {
        ["id", "time", "min", "citizen", "kind", "channel", "status"]
    }
}

pub fn citizens_header(l: Lang) -> [&'static str; 4] {
    if l.da() {
        ["id", "navn", "målgruppe", "næste samtale senest"]
    } else {
        ["id", "name", "target group", "next due"]
    }
}

pub fn no_appointments(l: Lang) -> &'static str {
    l.t("ingen aftaler", "no appointments")
}

pub fn archived(l: Lang) -> &'static str {
    l.t("(afsluttet)", "(archived)")
}
