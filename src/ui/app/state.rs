//! The desk's state apart from `App` itself: the rows of a list and its window, what is open over
//! the panes (`Mode`), the card, the undo steps and the figures of the header.

use chrono::NaiveDate;
use ratatui_textarea::TextArea;

use super::super::quickadd::QuickAdd;
use super::super::widgets::line::LineInput;
use crate::domain::closure::{CallEntry, Closure, Progress, ReportRow};
use crate::domain::{Appointment, Channel, Citizen, Contact, Outcome};
use crate::store::Change;

/// One row of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Appointment(Appointment),
    Due(Citizen),
    Contact(Contact),
    Citizen(Citizen),
    /// Today: the heading over the due citizens.
    DueHeading,
    /// Today: "no appointments this day" in place of the appointments.
    NoAppointments,
    /// Today: "nothing due" in place of the due citizens.
    NothingDue,
    /// Closure: one citizen on the call list.
    Call(CallEntry),
}

impl Row {
    pub fn citizen_id(&self) -> Option<i64> {
        match self {
            Row::Appointment(a) => Some(a.citizen_id),
            Row::Contact(c) => Some(c.citizen_id),
            Row::Due(c) | Row::Citizen(c) => Some(c.id),
            Row::Call(e) => Some(e.citizen_id),
            Row::DueHeading | Row::NoAppointments | Row::NothingDue => None,
        }
    }
}

/// A list's position: how many rows there are, which is selected, which are on screen (only
/// those are read from the store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListView {
    pub total: usize,
    pub selected: usize,
    pub offset: usize,
    /// The rows from `offset` on, as many as fit.
    pub rows: Vec<Row>,
    /// Today only: the number of appointments and of due citizens. The list is then the
    /// appointments (or one "none" row), a heading, and the due citizens (or one "none" row).
    pub appts: usize,
    pub due: usize,
}

impl ListView {
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected.checked_sub(self.offset)?)
    }

    /// Today: the index of the due heading (rows before it are the appointments part).
    pub(super) fn heading(&self) -> usize {
        self.appts.max(1)
    }

    /// Whether row `i` can hold the selection (headings and "none" rows cannot).
    fn selectable(&self, today: bool, i: usize) -> bool {
        if !today {
            return true;
        }
        let h = self.heading();
        !((self.appts == 0 && i == 0) || i == h || (self.due == 0 && i == h + 1))
    }

    /// The nearest selectable row from `i` in direction `dir` (then the other way).
    pub(super) fn nearest_selectable(&self, today: bool, i: usize, dir: i64) -> usize {
        let total = self.total as i64;
        for d in [dir, -dir] {
            let mut j = i as i64;
            while j >= 0 && j < total {
                if self.selectable(today, j as usize) {
                    return j as usize;
                }
                j += if d >= 0 { 1 } else { -1 };
            }
        }
        i
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PaneState {
    pub date: NaiveDate,
    pub week: bool,
    pub filter: String,
    pub list: ListView,
}

/// What is open over the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Filter,
    Help {
        scroll: u16,
    },
    Card(Box<Card>),
    /// The one-line note after marking or logging (Enter with nothing skips).
    Note {
        contact_id: i64,
        citizen: String,
        input: Box<LineInput>,
    },
    /// The new time of an appointment being moved.
    Move {
        appointment_id: i64,
        citizen: String,
        input: Box<LineInput>,
        /// What is wrong with the time typed, or the clash it would make.
        error: Option<String>,
        /// The clash was shown: Enter again moves anyway.
        confirm_clash: bool,
    },
    /// Picking what kind of unplanned contact to log.
    LogPick {
        citizen_id: i64,
        citizen: String,
    },
    /// Planning from one line, with a live preview.
    QuickAdd(Box<QuickAdd>),
    /// The full form for a new appointment.
    Form(Box<super::super::form::Form>),
    /// Erasing a citizen for good: the counts, and y/j to go ahead.
    ConfirmErase {
        citizen_id: i64,
        question: String,
    },
    /// Reached on the call-round: did the citizen accept the offer of a conversation (y/n)?
    Accept {
        citizen_id: i64,
        citizen: String,
    },
    /// Starting a closure: "from to [name]".
    StartClosure {
        input: Box<LineInput>,
        error: Option<String>,
    },
    /// Asking before converting every in-person appointment of the closure.
    ConfirmConvert {
        count: usize,
    },
    /// Asking before an unusual mark: a future appointment held, or an appointment already
    /// marked (re-marking replaces the earlier outcome).
    ConfirmMark {
        appointment_id: i64,
        citizen: String,
        status: crate::domain::Status,
        question: String,
    },
    /// The citizen's living summary in a multi-line editor (Ctrl+S saves, Esc closes and asks
    /// first when the text was changed).
    Summary {
        citizen_id: i64,
        citizen: String,
        editor: Box<Editor>,
        /// The saved summary, to tell whether there are changes.
        original: String,
        /// Esc with changes: "save the changes? (y/n/Esc)" is asked.
        asking: bool,
    },
}

/// The multi-line editor (ratatui-textarea); equal when the text is.
#[derive(Debug, Clone)]
pub struct Editor(pub TextArea<'static>);

impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.0.lines() == other.0.lines()
    }
}

impl std::ops::Deref for Editor {
    type Target = TextArea<'static>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Editor {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// One step back: what it was and the changes that undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    pub what: String,
    pub changes: Vec<Change>,
}

/// The unplanned contacts `l` offers, in the order of `Words::log_options`.
pub const LOG_OPTIONS: [(Outcome, Channel, i64); 6] = [
    (Outcome::Reached, Channel::Phone, 5),
    (Outcome::NotReached, Channel::Phone, 0),
    (Outcome::MessageLeft, Channel::Phone, 1),
    (Outcome::Held, Channel::Phone, 20),
    (Outcome::Held, Channel::InPerson, 45),
    (Outcome::Held, Channel::Video, 30),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub citizen: Citizen,
    pub contacts: Vec<Contact>,
    /// The citizen's feedback on each of `contacts`, if given.
    pub feedback: Vec<Option<(u8, String)>>,
    pub appointments: Vec<Appointment>,
    pub agreement: crate::store::MentorAgreement,
    pub exemptions: Vec<crate::store::JobclubExemption>,
    /// The CPR number in full, once revealed (each reveal is in the audit log); shown until
    /// the card closes.
    pub cpr_revealed: Option<String>,
    /// How many lines the card is scrolled down (↑/↓ when it is taller than the screen).
    pub scroll: u16,
}

/// Today's figures for the header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub calls: usize,
    pub visits: usize,
    pub overdue: usize,
    /// Entries past the retention period (counted when the desk opens).
    pub purge_due: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClosureView {
    pub closure: Closure,
    pub progress: Progress,
    pub report: Option<Vec<ReportRow>>,
    /// In-person appointments in the range not yet converted.
    pub to_convert: usize,
}

/// A multi-line editor holding `text`.
pub(super) fn summary_editor(text: &str) -> Editor {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(ratatui::style::Style::new());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    Editor(t)
}
