//! One file per pane. Each turns the rows `App` read into a table.

pub mod caseload;
pub mod closure;
pub mod companies;
pub mod log;
pub mod today;
pub mod visits;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TRow, Table};

use super::app::App;
use super::pane::Pane;
use super::theme::ACCENT;
use crate::domain::cadence::Standing;
use crate::domain::text::{sanitize_line, truncate, width};
use crate::domain::{Appointment, Status};

pub fn draw(app: &App, f: &mut Frame<'_>, title: Rect, table: Rect) {
    title_line(app, f, title);
    match app.pane {
        Pane::Today => today::draw(app, f, table),
        Pane::Calls | Pane::Visits => visits::draw(app, f, table),
        Pane::Log => log::draw(app, f, table),
        Pane::Caseload => caseload::draw(app, f, table),
        Pane::Closure => closure::draw(app, f, table),
        Pane::Companies => companies::draw(app, f, table),
    }
}

/// "Samtaler  ·  mandag 23.11.2026  ·  dag  ·  12  ·  filter: sør". The count and the filter
/// are never cut: when the line is too long, the day (or the closure's title) is shortened.
fn title_line(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let st = app.state();
    let name = w.panes[app.pane.index()];
    let mut about = String::new();
    if app.pane == Pane::Closure {
        if let Some(v) = &app.closure {
            about = crate::i18n::closure::pane_title(l, &v.closure);
        }
    } else if app.pane == Pane::Log && app.queue {
        about = crate::i18n::queue::queue_title(l).to_string();
    } else if app.pane == Pane::Companies {
        about = companies::title(app);
    } else if app.pane != Pane::Caseload {
        let cal = app.config.calendar();
        about = if st.week {
            let from = crate::domain::dates::week_start(st.date);
            let to = from + chrono::Duration::days(6);
            // The week's days off, named: "uge 52 21.12–27.12 · fri 24.12 juleaftensdag, …".
            let off: Vec<String> = cal
                .days_off_between(from, to)
                .iter()
                .map(|d| format!("{} {}", l.day_month(d.date), d.name(l.da())))
                .collect();
            let mut t = format!("{} {}–{}", l.week(st.date), l.date(from), l.date(to));
            if !off.is_empty() {
                t.push_str(&format!(
                    " · {} {}",
                    crate::i18n::days_off_label(l),
                    off.join(", ")
                ));
            }
            t
        } else {
            match cal.is_day_off(st.date) {
                Some(d) => format!("{} · {}", l.day_title(st.date), d.name(l.da())),
                None => l.day_title(st.date),
            }
        };
    }
    let view = if matches!(app.pane, Pane::Calls | Pane::Visits) {
        format!("  ·  {}", if st.week { w.week_view } else { w.day_view })
    } else {
        String::new()
    };
    let count = match app.pane {
        Pane::Today => st.list.appts,
        _ => st.list.total,
    };
    let count = format!("  ·  {count}");
    let filter = if st.filter.is_empty() {
        String::new()
    } else {
        format!(
            "  ·  {}: {}",
            w.filter.to_lowercase(),
            sanitize_line(&st.filter)
        )
    };
    // Today: what the "⚠" on a due row means, when one is on screen.
    let late = if app.pane == Pane::Today && !st.list.late.is_empty() {
        format!("  ·  {}", crate::i18n::planned_after_deadline(l))
    } else {
        String::new()
    };
    // Mentor visits: the week's hours against the agreements.
    let hours = visits::hours_title(app)
        .map(|h| format!("  ·  {h}"))
        .unwrap_or_default();
    let head = format!(" {name}");
    let fixed =
        width(&head) + width(&view) + width(&count) + width(&hours) + width(&late) + width(&filter);
    let room = (r.width as usize).saturating_sub(fixed);
    let about = if about.is_empty() || room < 6 {
        String::new()
    } else {
        format!("  ·  {}", truncate(&about, room - 5))
    };
    let spans = vec![
        Span::styled(head, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(about),
        Span::styled(view, Style::new().fg(Color::Gray)),
        Span::styled(count, Style::new().fg(Color::Gray)),
        Span::styled(hours, Style::new().fg(Color::Gray)),
        Span::styled(late, Style::new().fg(Color::Red)),
        Span::styled(filter, Style::new().fg(ACCENT)),
    ];
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

/// Names get at least this many columns before any optional column gets space.
pub(crate) const NAME_MIN: u16 = 16;
/// With room to spare, names grow to this before the other columns grow.
const NAME_GROWS_FIRST: u16 = 20;

/// A column of a pane's table, laid out for 80 columns first and growing with the terminal.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub head: &'static str,
    /// Never narrower than this when shown.
    pub min: u16,
    /// Grows to this (when there is room) before the fill column takes the rest.
    pub want: u16,
    /// 0: always shown; 1, 2, …: shown in this order while they fit, else left out.
    pub optional: u8,
    /// Takes what is left over.
    pub fill: bool,
    /// The citizen's name: grows first.
    pub name: bool,
}

impl Col {
    /// A column as wide as its widest text (or its heading).
    pub fn fixed(head: &'static str, w: usize) -> Col {
        let w = w.max(width(head)) as u16;
        Col {
            head,
            min: w,
            want: w,
            optional: 0,
            fill: false,
            name: false,
        }
    }

    /// A column that may be cut to `min` but wants `want` (never narrower than its heading).
    pub fn flex(head: &'static str, min: usize, want: usize) -> Col {
        let h = width(head);
        Col {
            min: min.max(h.min(want)) as u16,
            want: want.max(h) as u16,
            ..Col::fixed(head, 0)
        }
    }

    /// The citizen's name: at least [`NAME_MIN`], growing to the longest name shown (`longest`).
    pub fn name(head: &'static str, longest: usize) -> Col {
        Col {
            min: NAME_MIN,
            want: (longest as u16).clamp(NAME_MIN, 32),
            name: true,
            ..Col::fixed(head, 0)
        }
    }

    pub fn optional(self, order: u8) -> Col {
        Col {
            optional: order,
            ..self
        }
    }

    pub fn fill(self) -> Col {
        Col { fill: true, ..self }
    }
}

/// The widths of `cols` in `total` columns (one cell of spacing between shown columns); 0 for a
/// column left out. Required columns get their minimum, the name at least [`NAME_MIN`]; then
/// optional columns in their order while they fit; then the name grows a little, the others to
/// what they want, the name to its longest; the fill column takes the rest.
pub(crate) fn fit(total: u16, cols: &[Col]) -> Vec<u16> {
    let used = |w: &[u16]| -> u16 {
        let shown = w.iter().filter(|x| **x > 0).count() as u16;
        w.iter().sum::<u16>() + shown.saturating_sub(1)
    };
    let mut w: Vec<u16> = cols
        .iter()
        .map(|c| if c.optional == 0 { c.min.max(1) } else { 0 })
        .collect();
    let mut order: Vec<usize> = (0..cols.len()).filter(|i| cols[*i].optional > 0).collect();
    order.sort_by_key(|i| cols[*i].optional);
    for i in order {
        w[i] = cols[i].min.max(1);
        if used(&w) > total {
            w[i] = 0;
        }
    }
    let mut spare = total.saturating_sub(used(&w));
    // The name grows to NAME_GROWS_FIRST, then every column to what it wants, then the name.
    let names = (0..cols.len()).filter(|i| cols[*i].name);
    let others = (0..cols.len()).filter(|i| !cols[*i].name);
    let growing = names
        .clone()
        .map(|i| (i, cols[i].want.min(NAME_GROWS_FIRST)))
        .chain(others.map(|i| (i, cols[i].want)))
        .chain(names.map(|i| (i, cols[i].want)));
    for (i, want) in growing {
        if w[i] > 0 {
            let add = want.saturating_sub(w[i]).min(spare);
            w[i] += add;
            spare -= add;
        }
    }
    if let Some(i) = cols.iter().position(|c| c.fill)
        && w[i] > 0
    {
        w[i] += spare;
    }
    w
}

/// `cols` laid out by [`fit`], with `extra` put in at index `at` only when the room left over
/// after every column has what it wants (the fill column's surplus over `fill_keeps` and its
/// want, or the unused width) holds it. Returns the columns and their widths (0 for `extra`
/// when it did not fit).
pub(crate) fn fit_extra(
    total: u16,
    cols: &[Col],
    at: usize,
    extra: Col,
    fill_keeps: u16,
) -> (Vec<Col>, Vec<u16>) {
    let w = fit(total, cols);
    let shown = w.iter().filter(|x| **x > 0).count() as u16;
    let used = w.iter().sum::<u16>() + shown.saturating_sub(1);
    let surplus = match cols.iter().position(|c| c.fill) {
        Some(i) if w[i] > 0 => w[i].saturating_sub(cols[i].want.max(fill_keeps)),
        _ => total.saturating_sub(used),
    };
    let mut all = cols.to_vec();
    let at = at.min(all.len());
    all.insert(
        at,
        Col {
            optional: 0,
            fill: false,
            ..extra
        },
    );
    if surplus > extra.min {
        let w = fit(total, &all);
        (all, w)
    } else {
        let mut w = w;
        w.insert(at, 0);
        (all, w)
    }
}

/// The phone column: as wide as the widest number shown (never left in when none is).
pub(crate) fn phone_col(app: &App, longest: usize) -> Col {
    Col::fixed(app.lang.t("Telefon", "Phone"), longest)
}

/// A cell with `text` cut (with "…") to `w` columns.
pub(crate) fn cell(text: &str, w: u16) -> Cell<'static> {
    Cell::from(truncate(text, w as usize))
}

/// The widest of some texts.
pub(crate) fn widest<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts.into_iter().map(width).max().unwrap_or(0)
}

/// A table of `rows` (a cell per column of `cols`; the columns `fit` left out are dropped) with
/// the selection highlighted; an empty list shows `empty`.
pub(crate) fn table(
    app: &App,
    f: &mut Frame<'_>,
    r: Rect,
    cols: &[Col],
    widths: &[u16],
    rows: Vec<Vec<Cell<'static>>>,
    empty: &str,
) {
    let st = app.state();
    let shown = |i: usize| widths.get(i).is_some_and(|w| *w > 0);
    let head = TRow::new(
        cols.iter()
            .enumerate()
            .filter(|(i, _)| shown(*i))
            .map(|(i, c)| Cell::from(truncate(c.head, widths[i] as usize))),
    )
    .style(Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD));
    let constraints: Vec<Constraint> = widths
        .iter()
        .filter(|w| **w > 0)
        .map(|w| Constraint::Length(*w))
        .collect();
    if rows.is_empty() {
        let t = Table::new(Vec::<TRow<'_>>::new(), constraints)
            .header(head)
            .column_spacing(1);
        f.render_widget(t, r);
        let msg = Rect {
            y: r.y + 2,
            height: 1,
            ..r
        };
        f.render_widget(
            Paragraph::new(format!("  {empty}")).style(Style::new().fg(Color::Gray)),
            msg,
        );
        return;
    }
    let selected = st.list.selected.checked_sub(st.list.offset);
    let rows: Vec<TRow<'static>> = rows
        .into_iter()
        .enumerate()
        .map(|(i, cells)| {
            let row = TRow::new(
                cells
                    .into_iter()
                    .enumerate()
                    .filter(|(j, _)| shown(*j))
                    .map(|(_, c)| c),
            );
            if Some(i) == selected {
                row.style(selected_style())
            } else {
                row
            }
        })
        .collect();
    let t = Table::new(rows, constraints).header(head).column_spacing(1);
    f.render_widget(t, r);
}

fn selected_style() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// Status with its colour: held green, no-show red, cancelled grey, planned plain.
fn status_cell(app: &App, s: Status) -> Cell<'static> {
    let style = match s {
        Status::Held => Style::new().fg(Color::Green),
        Status::NoShow => Style::new().fg(Color::Red),
        Status::Cancelled | Status::CancelledByCitizen | Status::Moved => {
            Style::new().fg(Color::DarkGray)
        }
        Status::Planned => Style::new(),
    };
    Cell::from(s.short(app.lang.da())).style(style)
}

/// A citizen's legal deadline coloured by its standing: overdue (the legal deadline passed)
/// red, behind the pace or due within 7 days yellow.
pub(crate) fn standing_cell(
    app: &App,
    due: Option<chrono::NaiveDate>,
    standing: Standing,
) -> Cell<'static> {
    let l = app.lang;
    match due {
        None => Cell::from(l.w().none),
        Some(d) => Cell::from(l.date(d)).style(standing_style(standing)),
    }
}

/// Overdue red and bold, behind or due soon yellow, else plain.
pub(crate) fn standing_style(s: Standing) -> Style {
    match s {
        Standing::Overdue => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Standing::Behind | Standing::DueSoon(_) => Style::new().fg(Color::Yellow),
        Standing::Ok => Style::new(),
    }
}

/// After the time of an appointment that is an occurrence of a series (the time columns leave
/// room for it).
pub(crate) const SERIES_MARK: &str = " ↻";

/// The cells every appointment row shares: time, minutes, citizen, channel, status (the name
/// cut to `name_w`).
pub(crate) fn appointment_cells(
    app: &App,
    a: &Appointment,
    with_day: bool,
    name_w: u16,
) -> Vec<Cell<'static>> {
    let l = app.lang;
    let da = l.da();
    let mut when = if with_day {
        format!("{} {}", l.short_day(a.start.date()), l.time(a.start.time()))
    } else {
        l.time(a.start.time())
    };
    // An occurrence of a series.
    if a.series_id.is_some() {
        when.push_str(SERIES_MARK);
    }
    // Today: the appointment going on now (planned or held) has its time marked.
    let now = app.pane == Pane::Today
        && app.is_current(a)
        && matches!(a.status, Status::Planned | Status::Held);
    let when = if now {
        Cell::from(when).style(Style::new().fg(Color::Black).bg(ACCENT))
    } else {
        Cell::from(when)
    };
    vec![
        when,
        Cell::from(a.minutes.to_string()),
        cell(&sanitize_line(&a.citizen), name_w),
        Cell::from(crate::domain::Word::name(a.channel, da)),
        status_cell(app, a.status),
    ]
}

/// The widest channel name in the language.
pub(crate) fn channel_width(da: bool) -> usize {
    use crate::domain::{Channel, Word};
    widest(Channel::ALL.iter().map(|c| c.name(da)))
}

/// The widest status label in the language.
pub(crate) fn status_width(da: bool) -> usize {
    use crate::domain::Word;
    widest(Status::ALL.iter().map(|s| s.short(da)))
}
