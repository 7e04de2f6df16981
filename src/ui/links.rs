//! Phone numbers as `tel:` links (OSC 8), for the softphone: where the terminal supports
//! hyperlinks, a click (or Ctrl+click) on a number on the rows or on the card calls it.
//!
//! ratatui's buffer has no hyperlinks, so drawing stays as it is (the snapshots and the 80×24
//! layout do not change): after a frame is on the screen, the desk finds the numbers it shows
//! in the frame's cells and writes those cells again, the same text in the same style, inside an
//! OSC 8 link. The cursor is saved and put back around it. Cells that were a link in the last
//! frame and are not in this one are written again plain, so that no link stays behind on text
//! that ratatui did not redraw because it had not changed. A terminal without hyperlinks shows
//! the text as before (tmux before 3.4 drops the escape; `capture-pane` shows only the text).

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::cursor::{RestorePosition, SavePosition};
use ratatui::crossterm::queue;
use ratatui::layout::Rect;

use super::app::{App, Mode, Row};
use crate::domain::text::{sanitize_line, width};

/// Where a number is on the screen (one line) and the link it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub area: Rect,
    pub url: String,
}

/// The `tel:` address of a phone number as typed ("12 34 56 78", "+45 1234-5678",
/// "0046 70 123 45 67"): its digits, with +45 before eight digits without a country code. None
/// when it is not a number (letters in it, fewer than six digits).
pub fn tel_url(number: &str) -> Option<String> {
    let t = number.trim();
    let (plus, rest) = match t.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            _ => return None,
        }
    }
    if digits.len() < 6 || digits.len() > 16 {
        return None;
    }
    let full = if plus {
        format!("+{digits}")
    } else if let Some(intl) = digits.strip_prefix("00") {
        format!("+{intl}")
    } else if digits.len() == 8 {
        format!("+45{digits}")
    } else {
        digits
    };
    Some(format!("tel:{full}"))
}

/// `text` as a link to `url`: OSC 8 with the string terminator (ESC \), which terminals without
/// hyperlinks skip.
pub fn osc8(url: &str, text: &str) -> String {
    format!("{}{text}{}", open(url), CLOSE)
}

fn open(url: &str) -> String {
    format!("\x1b]8;;{url}\x1b\\")
}

const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Whether to write links: the config's `hyperlinks` when set; else not where the terminal is
/// unlikely to support them (no TERM, `dumb`, the Linux console, the old VTs, GNU screen outside
/// tmux), and yes elsewhere (tmux from 3.4 passes them on, older ones drop them).
pub fn enabled(
    config: Option<bool>,
    term: Option<&str>,
    tmux: bool,
    windows_terminal: bool,
) -> bool {
    if let Some(on) = config {
        return on;
    }
    let term = term.unwrap_or("").trim();
    if term.is_empty() {
        return windows_terminal;
    }
    let unlikely = ["dumb", "linux", "cons25", "sun", "ansi"].contains(&term)
        || term.starts_with("vt")
        || (term.starts_with("screen") && !tmux);
    !unlikely
}

/// Whether to write links in this process's terminal (the environment and the config).
pub fn enabled_here(config: Option<bool>) -> bool {
    let term = std::env::var("TERM").ok();
    let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    let wt = std::env::var_os("WT_SESSION").is_some();
    enabled(config, term.as_deref(), tmux, wt)
}

/// The phone numbers the desk may show now: those of the pane's rows and of the open card.
pub fn numbers(app: &App) -> Vec<String> {
    let mut v: Vec<String> = app
        .state()
        .list
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Appointment(a) => Some(a.phone.as_str()),
            Row::Due(c) | Row::Citizen(c) => Some(c.phone.as_str()),
            Row::Call(e) => Some(e.phone.as_str()),
            _ => None,
        })
        .map(str::to_string)
        .collect();
    if let Mode::Card(card) = &app.mode {
        v.push(card.citizen.phone.clone());
    }
    v.sort();
    v.dedup();
    v
}

/// Where the buffer shows one of `numbers` whole (not cut short, not part of a longer number),
/// as the text is drawn (`sanitize_line`), each with its `tel:` link.
pub fn find(buf: &Buffer, numbers: &[String]) -> Vec<Link> {
    let wanted: Vec<(String, String)> = numbers
        .iter()
        .filter_map(|n| {
            let shown = sanitize_line(n).trim().to_string();
            let url = tel_url(&shown)?;
            Some((shown, url))
        })
        .collect();
    let mut links = Vec::new();
    if wanted.is_empty() {
        return links;
    }
    let a = buf.area;
    for y in a.y..a.y + a.height {
        // The line's text and, for each byte where a cell's symbol starts, the cell's column.
        let mut line = String::new();
        let mut col: Vec<(usize, u16)> = Vec::new();
        let mut skip = 0usize;
        for x in a.x..a.x + a.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            col.push((line.len(), x));
            line.push_str(sym);
            skip = width(sym).saturating_sub(1);
        }
        for (shown, url) in &wanted {
            for (at, _) in line.match_indices(shown.as_str()) {
                let before = line[..at].chars().next_back();
                let after = line[at + shown.len()..].chars().next();
                let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '+');
                if joined(before) || joined(after) {
                    continue;
                }
                let Some(&(_, x)) = col.iter().find(|(b, _)| *b == at) else {
                    continue;
                };
                let area = Rect::new(x, y, width(shown) as u16, 1).intersection(a);
                if !links.iter().any(|l: &Link| l.area == area) {
                    links.push(Link {
                        area,
                        url: url.clone(),
                    });
                }
            }
        }
    }
    links
}

/// The cells of `r` (within the buffer), as the backend draws them.
fn cells(buf: &Buffer, r: Rect) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let r = r.intersection(buf.area);
    (r.y..r.y + r.height)
        .flat_map(move |y| (r.x..r.x + r.width).map(move |x| (x, y)))
        .map(move |(x, y)| (x, y, &buf[(x, y)]))
}

/// Writes `links` over the frame now on the screen (`buf`): each one's cells again, in their
/// style, inside an OSC 8 link; first the cells of `stale` (links of the last frame that are
/// gone) plain. The cursor is saved and put back. Nothing is written when both are empty.
pub fn write<W: Write>(out: W, buf: &Buffer, links: &[Link], stale: &[Rect]) -> io::Result<()> {
    if links.is_empty() && stale.is_empty() {
        return Ok(());
    }
    let mut b = CrosstermBackend::new(out);
    queue!(b, SavePosition)?;
    if !stale.is_empty() {
        b.draw(stale.iter().flat_map(|r| cells(buf, *r)))?;
    }
    for l in links {
        b.write_all(open(&l.url).as_bytes())?;
        b.draw(cells(buf, l.area))?;
        b.write_all(CLOSE.as_bytes())?;
    }
    queue!(b, RestorePosition)?;
    Write::flush(&mut b)
}

/// What the desk's loop keeps between frames: whether links are on, and the links of the last
/// frame (to take away those that are gone).
#[derive(Debug, Default)]
pub struct Links {
    pub on: bool,
    shown: Vec<Rect>,
}

impl Links {
    pub fn new(on: bool) -> Links {
        Links {
            on,
            shown: Vec::new(),
        }
    }

    /// After a frame: the numbers of `app` found in `buf` written as links to `out`.
    pub fn after_frame<W: Write>(&mut self, out: W, buf: &Buffer, app: &App) -> io::Result<()> {
        if !self.on {
            return Ok(());
        }
        let links = find(buf, &numbers(app));
        let stale: Vec<Rect> = self
            .shown
            .iter()
            .filter(|r| !links.iter().any(|l| l.area == **r))
            .copied()
            .collect();
        self.shown = links.iter().map(|l| l.area).collect();
        write(out, buf, &links, &stale)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ratatui::style::{Color, Style};

    #[test]
    fn numbers_become_tel_addresses() {
        assert_eq!(tel_url("12 34 56 78").unwrap(), "tel:+4512345678");
        assert_eq!(tel_url("+45 1234-5678").unwrap(), "tel:+4512345678");
        assert_eq!(tel_url("0046 70 123 45 67").unwrap(), "tel:+46701234567");
        assert_eq!(tel_url(" 1234567890 ").unwrap(), "tel:1234567890");
        assert_eq!(tel_url("ring efter kl. 12"), None);
        assert_eq!(tel_url("1234"), None);
        assert_eq!(tel_url(""), None);
    }

    #[test]
    fn the_escape_wraps_the_number() {
        assert_eq!(
            osc8("tel:+4512345678", "12 34 56 78"),
            "\x1b]8;;tel:+4512345678\x1b\\12 34 56 78\x1b]8;;\x1b\\"
        );
    }

    #[test]
    fn off_where_the_terminal_is_unlikely_to_support_them() {
        assert!(enabled(None, Some("xterm-256color"), false, false));
        assert!(enabled(None, Some("tmux-256color"), true, false));
        assert!(enabled(None, Some("screen-256color"), true, false), "tmux");
        assert!(!enabled(None, Some("screen"), false, false), "GNU screen");
        assert!(!enabled(None, Some("linux"), false, false));
        assert!(!enabled(None, Some("dumb"), false, false));
        assert!(!enabled(None, None, false, false));
        assert!(enabled(None, None, false, true), "Windows Terminal");
        assert!(!enabled(Some(false), Some("xterm-256color"), false, false));
        assert!(enabled(Some(true), Some("linux"), false, false));
    }

    fn buffer(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    #[test]
    fn numbers_are_found_whole_where_they_are_drawn() {
        let buf = buffer(&[
            "10.30 Jens Hansen  12 34 56 78  telefon",
            "Maren Ærø · 12 34 56 7…",
            "tlf. 12 34 56 789",
            "Telefon: 12 34 56 78",
        ]);
        let found = find(&buf, &["12 34 56 78".to_string(), "ingen".to_string()]);
        assert_eq!(
            found,
            vec![
                Link {
                    area: Rect::new(19, 0, 11, 1),
                    url: "tel:+4512345678".into()
                },
                Link {
                    area: Rect::new(9, 3, 11, 1),
                    url: "tel:+4512345678".into()
                },
            ],
            "cut (…) or part of a longer number: no link"
        );
        // After a wide character the column is the cell's, not the byte's.
        let buf = buffer(&["名前 12345678"]);
        let found = find(&buf, &["12345678".to_string()]);
        assert_eq!(found[0].area, Rect::new(5, 0, 8, 1));
    }

    #[test]
    fn the_cells_are_written_again_in_their_style_inside_the_link() {
        let mut buf = buffer(&["Jens 12345678 x"]);
        buf.set_style(Rect::new(5, 0, 8, 1), Style::new().fg(Color::Yellow));
        let links = find(&buf, &["12345678".to_string()]);
        let mut out = Vec::new();
        write(&mut out, &buf, &links, &[]).unwrap();
        let s = String::from_utf8(out).unwrap();
        // Save the cursor, open the link, move to the number, its colour, the digits, reset,
        // close the link, put the cursor back.
        assert!(
            s.starts_with("\x1b7\x1b]8;;tel:+4512345678\x1b\\\x1b[1;6H"),
            "{s:?}"
        );
        assert!(s.contains("\x1b[38;5;3;49m12345678"), "yellow: {s:?}");
        assert!(s.ends_with("\x1b]8;;\x1b\\\x1b8"), "{s:?}");
        // Nothing to link, nothing gone: nothing written.
        let mut out = Vec::new();
        write(&mut out, &buf, &[], &[]).unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn a_link_gone_is_written_plain() {
        let buf = buffer(&["Jens 12345678 x"]);
        let mut out = Vec::new();
        write(&mut out, &buf, &[], &[Rect::new(5, 0, 8, 1)]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("12345678") && !s.contains("\x1b]8;;tel"),
            "{s:?}"
        );
    }
}
