//! The desk's state and `update`: an action in, the state changed, the store asked for exactly the
//! rows that are shown. No drawing and no SQL strings here.

mod closure;
mod plan;
mod text;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keymap::{self, Scope};
use super::layout;
pub use super::pane::Pane;
use super::quickadd::{Pick, Preview, QuickAdd};
use super::widgets::line::{LineEvent, LineInput};
use crate::config::Config;
use crate::domain::closure::{
    CallEntry, CallResult, Closure, NewAttempt, NewClosure, Progress, ReportRow,
};
use crate::domain::dates::week_start;
use crate::domain::text::capitalise;
use crate::domain::{
    Appointment, Channel, Citizen, Contact, Kind, NewContact, Outcome, Status, Word,
};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Change;
use crate::store::{AppointmentFilter, CitizenFilter, CitizenOrder, ContactFilter, Store};
use crate::store::{Draft, DraftKind};
use ratatui_textarea::TextArea;

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
    fn heading(&self) -> usize {
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
    fn nearest_selectable(&self, today: bool, i: usize, dir: i64) -> usize {
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
        error: Option<String>,
    },
    /// Picking what kind of unplanned contact to log.
    LogPick {
        citizen_id: i64,
        citizen: String,
    },
    /// Planning from one line, with a live preview.
    QuickAdd(Box<QuickAdd>),
    /// The full form for a new appointment.
    Form(Box<super::form::Form>),
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
    /// The citizen's living summary in a multi-line editor (Ctrl+S saves, Esc cancels).
    Summary {
        citizen_id: i64,
        citizen: String,
        editor: Box<Editor>,
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
    /// The CPR number in full, once revealed (each reveal is in the audit log).
    pub cpr_revealed: Option<String>,
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

pub struct App {
    pub store: Store,
    pub lang: Lang,
    pub now: NaiveDateTime,
    pub pane: Pane,
    pub panes: Vec<PaneState>,
    pub mode: Mode,
    pub width: u16,
    pub height: u16,
    pub counts: Counts,
    pub empty: bool,
    pub quit: bool,
    /// A one-line message for the footer (an error, what just happened).
    pub message: Option<String>,
    /// What the help's previous mode was, to go back to it.
    help_return: Option<Box<Mode>>,
    pub config: Config,
    /// Changes that can be undone, newest last.
    pub undo: Vec<UndoStep>,
    /// When the draft being typed was last saved (drafts are saved every few seconds).
    draft_saved: Option<std::time::Instant>,
    /// The closure the Closure pane shows (the open one, else the latest), its progress and,
    /// when asked for, its report.
    pub closure: Option<ClosureView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClosureView {
    pub closure: Closure,
    pub progress: Progress,
    pub report: Option<Vec<ReportRow>>,
    /// In-person appointments in the range not yet converted.
    pub to_convert: usize,
}

/// The desk's SQLite page cache: at a team's five years of data the pages a key press needs
/// (the citizens, the index pages of the days on screen) fit, so they are read once.
const PAGE_CACHE_KIB: u32 = 16 * 1024;

/// How far ahead Today looks for due conversations.
pub const DUE_DAYS: i64 = 7;

impl App {
    pub fn new(store: Store, lang: Lang, now: NaiveDateTime) -> Result<App> {
        store.set_page_cache_kib(PAGE_CACHE_KIB)?;
        let today = now.date();
        let pane = |_| PaneState {
            date: today,
            week: false,
            filter: String::new(),
            list: ListView::default(),
        };
        let mut app = App {
            store,
            lang,
            now,
            pane: Pane::Today,
            panes: Pane::ALL.iter().map(pane).collect(),
            mode: Mode::Normal,
            width: 100,
            height: 30,
            counts: Counts::default(),
            empty: false,
            quit: false,
            message: None,
            help_return: None,
            config: Config::default(),
            undo: Vec::new(),
            draft_saved: None,
            closure: None,
        };
        app.refresh()?;
        app.counts.purge_due = app.store.purge_due_count(now)?;
        app.offer_draft()?;
        Ok(app)
    }

    /// When the desk closes: the undo history ends, so soft-deleted rows go for good.
    pub fn finish(&mut self) {
        self.undo.clear();
        if let Err(e) = self.store.purge_deleted() {
            eprintln!("jobdesk: {e:#}");
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn state(&self) -> &PaneState {
        &self.panes[self.pane.index()]
    }

    fn state_mut(&mut self) -> &mut PaneState {
        let i = self.pane.index();
        &mut self.panes[i]
    }

    /// The scopes whose keys apply now, in the order they are searched.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.mode {
            Mode::Help { .. } => vec![Scope::Help],
            Mode::Card(_) => vec![Scope::Card, Scope::Global],
            Mode::Filter => vec![Scope::Filter],
            Mode::Note { .. } => vec![Scope::Note, Scope::Text],
            Mode::Move { .. } => vec![Scope::Text],
            Mode::Summary { .. } => vec![Scope::Editor],
            Mode::LogPick { .. }
            | Mode::Accept { .. }
            | Mode::ConfirmConvert { .. }
            | Mode::ConfirmErase { .. } => vec![],
            Mode::StartClosure { .. } => vec![Scope::Text],
            Mode::QuickAdd(_) => vec![Scope::Text],
            Mode::Form(_) => vec![Scope::Form],
            Mode::Normal => {
                let mut v = vec![Scope::Global, Scope::List];
                if matches!(self.state().list.selected_row(), Some(Row::Appointment(_))) {
                    v.push(Scope::Marking);
                }
                if self.pane.has_week() {
                    v.push(Scope::Week);
                }
                if self.pane == Pane::Log {
                    v.push(Scope::LogPane);
                }
                if self.pane == Pane::Closure {
                    v.push(Scope::Closure);
                }
                v
            }
        }
    }

    /// The footer's hints: the keys that work now (a key bound in two scopes shows the one
    /// that wins), what the selection allows first, then the global keys, then moving about.
    pub fn footer_bindings(&self) -> Vec<&'static keymap::Binding> {
        let mut v = keymap::footer(&self.scopes());
        v.sort_by_key(|b| match b.scope {
            Scope::Marking
            | Scope::Form
            | Scope::Note
            | Scope::Closure
            | Scope::LogPane
            | Scope::Card
            | Scope::Text
            | Scope::Editor
            | Scope::Filter
            | Scope::Help => 0,
            Scope::Global => 1,
            Scope::List | Scope::Week => 2,
        });
        v
    }

    /// Handles one terminal event; returns whether anything on screen may have changed.
    pub fn handle_event(&mut self, ev: &Event) -> bool {
        if let Event::Key(k) = ev
            && k.kind != KeyEventKind::Press
        {
            return false;
        }
        if matches!(self.mode, Mode::Note { .. } | Mode::Move { .. }) {
            return self.text_event(ev);
        }
        if matches!(self.mode, Mode::Summary { .. }) {
            return self.summary_event(ev);
        }
        if let (Mode::LogPick { .. }, Event::Key(k)) = (&self.mode, ev) {
            return self.log_pick(k);
        }
        if let (
            Mode::Accept { .. } | Mode::ConfirmConvert { .. } | Mode::ConfirmErase { .. },
            Event::Key(k),
        ) = (&self.mode, ev)
        {
            return self.yes_no(k);
        }
        if matches!(self.mode, Mode::StartClosure { .. }) {
            return self.start_closure_event(ev);
        }
        if matches!(self.mode, Mode::QuickAdd(_)) {
            return self.quick_add_event(ev);
        }
        if matches!(self.mode, Mode::Form(_)) {
            return self.form_event(ev);
        }
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => self.handle_key(k),
            Event::Key(_) => false,
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                true
            }
            Event::Paste(text) if self.mode == Mode::Filter => {
                let clean: String = text.chars().filter(|c| !c.is_control()).collect();
                self.state_mut().filter.push_str(&clean);
                self.reload_after_filter();
                true
            }
            _ => false,
        }
    }

    pub fn handle_key(&mut self, k: &KeyEvent) -> bool {
        self.message = None;
        if let Some(action) = keymap::lookup(&self.scopes(), k) {
            self.update(action);
            return true;
        }
        if self.mode == Mode::Filter {
            return self.filter_key(k);
        }
        false
    }

    fn push_undo(&mut self, what: String, changes: Vec<Change>) {
        self.undo.push(UndoStep { what, changes });
    }

    /// After a write: re-read what is shown and say what happened (and that `u` undoes it).
    fn after_change(&mut self, what: &str) {
        if let Err(e) = self.refresh() {
            self.message = Some(format!("{e:#}"));
            return;
        }
        self.message = Some(format!(
            "{} · {}",
            capitalise(what),
            self.lang.w().undo_hint
        ));
    }

    fn undo_last(&mut self) -> Result<()> {
        let Some(step) = self.undo.pop() else {
            self.message = Some(self.lang.w().nothing_to_undo.to_string());
            return Ok(());
        };
        if let Err(e) = self.store.apply(&step.changes) {
            self.undo.push(step);
            return Err(e);
        }
        self.refresh()?;
        self.message = Some(format!("{}: {}", self.lang.w().undone, step.what));
        Ok(())
    }

    /// Typing in the filter: any character (also AltGr ones, which arrive with Ctrl+Alt).
    fn filter_key(&mut self, k: &KeyEvent) -> bool {
        let altgr = k
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let plain = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match k.code {
            KeyCode::Char(c) if plain || altgr => {
                self.state_mut().filter.push(c);
            }
            KeyCode::Backspace => {
                self.state_mut().filter.pop();
            }
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                self.state_mut().filter.clear();
            }
            _ => return false,
        }
        self.reload_after_filter();
        true
    }

    fn reload_after_filter(&mut self) {
        let st = self.state_mut();
        st.list.selected = 0;
        st.list.offset = 0;
        self.reload_pane();
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.width = w;
        self.height = h;
        for i in 0..self.panes.len() {
            let pane = Pane::ALL[i];
            self.clamp_offset(pane);
        }
        // The rows that fit changed: read the visible window again, and say so if that fails.
        if let Err(e) = self.load_window(self.pane) {
            self.message = Some(format!("{e:#}"));
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Err(e) = self.try_update(action) {
            self.message = Some(format!("{e:#}"));
        }
    }

    fn try_update(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                let prev = std::mem::replace(&mut self.mode, Mode::Help { scroll: 0 });
                self.help_return = Some(Box::new(prev));
            }
            Action::Close => match &self.mode {
                Mode::Help { .. } => {
                    self.mode = self.help_return.take().map(|m| *m).unwrap_or(Mode::Normal);
                }
                Mode::Card(_)
                | Mode::Note { .. }
                | Mode::Move { .. }
                | Mode::LogPick { .. }
                | Mode::Accept { .. }
                | Mode::StartClosure { .. }
                | Mode::ConfirmConvert { .. }
                | Mode::QuickAdd(_)
                | Mode::Form(_)
                | Mode::ConfirmErase { .. }
                | Mode::Summary { .. } => self.mode = Mode::Normal,
                Mode::Filter | Mode::Normal => {
                    self.mode = Mode::Normal;
                    if !self.state().filter.is_empty() {
                        self.state_mut().filter.clear();
                        self.reload_after_filter();
                    }
                }
            },
            Action::NextPane => self.go_pane((self.pane.index() + 1) % Pane::ALL.len()),
            Action::PrevPane => {
                self.go_pane((self.pane.index() + Pane::ALL.len() - 1) % Pane::ALL.len())
            }
            Action::Pane(i) => self.go_pane(i.min(Pane::ALL.len() - 1)),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as i64)),
            Action::PageDown => self.move_by(self.page() as i64),
            Action::First => self.move_by(i64::MIN / 2),
            Action::Last => self.move_by(i64::MAX / 2),
            Action::PrevDay | Action::NextDay if self.pane.has_date() => {
                let sign = if action == Action::NextDay { 1 } else { -1 };
                let st = self.state_mut();
                let step = if st.week { 7 } else { 1 };
                st.date += Duration::days(sign * step);
                self.reset_and_reload();
            }
            Action::PrevDay | Action::NextDay => {}
            Action::Today => {
                let today = self.today();
                self.state_mut().date = today;
                self.reset_and_reload();
            }
            Action::ToggleWeek if self.pane.has_week() => {
                let st = self.state_mut();
                st.week = !st.week;
                self.reset_and_reload();
            }
            Action::ToggleWeek => {}
            Action::Filter => self.mode = Mode::Filter,
            Action::FilterDone => self.mode = Mode::Normal,
            Action::Open => {
                if let Some(id) = self.state().list.selected_row().and_then(Row::citizen_id) {
                    self.open_card(id)?;
                }
            }
            Action::Mark(status) => self.mark(status)?,
            Action::Move => self.mark(Status::Moved)?,
            Action::LogContact => {
                match self.state().list.selected_row().and_then(Row::citizen_id) {
                    Some(id) => {
                        let citizen = self.store.citizen(id)?.name;
                        self.mode = Mode::LogPick {
                            citizen_id: id,
                            citizen,
                        };
                    }
                    None => self.message = Some(self.lang.w().no_citizen_row.to_string()),
                }
            }
            Action::Undo => self.undo_last()?,
            Action::Transferred => self.toggle_transferred()?,
            Action::EditSummary => self.edit_summary(),
            Action::RevealCpr => {
                if let Mode::Card(card) = &mut self.mode {
                    card.cpr_revealed = self.store.reveal_cpr(card.citizen.id, self.now)?;
                    if card.cpr_revealed.is_none() {
                        self.message = Some(self.lang.w().no_cpr.to_string());
                    }
                }
            }
            Action::Erase => {
                if let Mode::Card(card) = &self.mode {
                    let e = self.store.erase_preview(card.citizen.id)?;
                    let question =
                        crate::i18n::safety::erase_question(self.lang, &card.citizen.name, &e);
                    self.mode = Mode::ConfirmErase {
                        citizen_id: card.citizen.id,
                        question,
                    };
                }
            }
            Action::Attempt(r) => self.closure_action(Some(r))?,
            Action::ToggleReport => {
                if let Some(v) = &mut self.closure {
                    v.report = match v.report {
                        Some(_) => None,
                        None => Some(self.store.closure_report(v.closure.id)?),
                    };
                }
            }
            Action::StartClosure => {
                if self.closure.as_ref().is_some_and(|c| c.closure.is_open()) {
                    self.message = Some(self.lang.w().closure_already_open.to_string());
                } else {
                    let l = self.lang;
                    let initial = format!(
                        "{} {}",
                        l.date(self.today()),
                        l.date(self.today() + Duration::days(13))
                    );
                    self.mode = Mode::StartClosure {
                        input: Box::new(LineInput::new(&initial, Vec::new())),
                        error: None,
                    };
                }
            }
            Action::ConvertAll => match &self.closure {
                Some(v) if v.closure.is_open() && v.to_convert > 0 => {
                    self.mode = Mode::ConfirmConvert {
                        count: v.to_convert,
                    };
                }
                Some(v) if v.closure.is_open() => {
                    self.message =
                        Some(crate::i18n::closure::nothing_to_convert(self.lang).to_string());
                }
                _ => self.message = Some(self.lang.w().closure_not_open.to_string()),
            },
            Action::Convert => self.convert_selected()?,
            Action::QuickAdd => {
                let prefill = match self.state().list.selected_row().and_then(Row::citizen_id) {
                    Some(id) => Some((id, self.store.citizen(id)?.name)),
                    None => None,
                };
                self.open_quick_add("", prefill)?;
            }
            Action::NextStep => self.next_step()?,
            Action::FullForm => {
                let citizen = match self.state().list.selected_row().and_then(Row::citizen_id) {
                    Some(id) => Some(self.store.citizen(id)?.name),
                    None => None,
                };
                let q = QuickAdd::open(&self.store, "", None)?;
                let form =
                    super::form::Form::new(q.citizens, citizen.as_deref(), self.now, self.lang);
                self.mode = Mode::Form(Box::new(form));
            }
            Action::Export => {
                let date = self.state().date;
                let path =
                    crate::export::day_to_documents(&mut self.store, date, self.lang, self.now)?;
                self.message = Some(format!(
                    "{} {} · {}",
                    self.lang.w().exported_to,
                    path.display(),
                    self.lang.w().personal_data
                ));
            }
        }
        if let Mode::Help { scroll } = &mut self.mode {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1),
                _ => {}
            }
        }
        Ok(())
    }

    fn go_pane(&mut self, i: usize) {
        self.pane = Pane::ALL[i];
        self.mode = Mode::Normal;
        // Each pane keeps its own day, filter and selection; re-read its window (data may have
        // changed in another pane).
        self.reload_pane();
    }

    fn reset_and_reload(&mut self) {
        let st = self.state_mut();
        st.list.selected = 0;
        st.list.offset = 0;
        self.reload_pane();
    }

    pub fn open_card(&mut self, citizen_id: i64) -> Result<()> {
        let citizen = self.store.citizen(citizen_id)?;
        let contacts = self.store.contacts(
            &ContactFilter {
                citizen_id: Some(citizen_id),
                ..Default::default()
            },
            0,
            8,
        )?;
        let from = self.today().and_time(NaiveTime::MIN) - Duration::days(30);
        let appointments = self.store.appointments(
            &AppointmentFilter {
                citizen_id: Some(citizen_id),
                from: Some(from),
                ..Default::default()
            },
            0,
            8,
        )?;
        let feedback = contacts
            .iter()
            .map(|c| self.store.feedback(c.id).ok().flatten())
            .collect();
        let agreement = self.store.mentor_agreement(citizen_id)?;
        let exemptions = self.store.jobclub_exemptions(citizen_id)?;
        self.mode = Mode::Card(Box::new(Card {
            citizen,
            contacts,
            feedback,
            appointments,
            agreement,
            exemptions,
            cpr_revealed: None,
        }));
        Ok(())
    }

    /// Rows a list shows on the current screen (from the shared layout).
    pub fn page(&self) -> usize {
        layout::list_height(self.width, self.height, self.pane).max(1)
    }

    fn move_by(&mut self, delta: i64) {
        if self.mode != Mode::Normal && self.mode != Mode::Filter {
            return;
        }
        let today = self.pane == Pane::Today;
        let st = self.state_mut();
        let total = st.list.total;
        if total == 0 {
            return;
        }
        let sel = (st.list.selected as i64 + delta).clamp(0, total as i64 - 1) as usize;
        st.list.selected = st.list.nearest_selectable(today, sel, delta.signum());
        let pane = self.pane;
        if self.clamp_offset(pane) {
            let _ = self.load_window(pane);
        }
    }

    /// Keeps the selection on screen; returns whether the window moved.
    fn clamp_offset(&mut self, pane: Pane) -> bool {
        let page = layout::list_height(self.width, self.height, pane).max(1);
        let l = &mut self.panes[pane.index()].list;
        let before = l.offset;
        if l.selected < l.offset {
            l.offset = l.selected;
        } else if l.selected >= l.offset + page {
            l.offset = l.selected + 1 - page;
        }
        let max_offset = l.total.saturating_sub(page);
        l.offset = l.offset.min(max_offset);
        l.offset != before || l.rows.len() < page.min(l.total.saturating_sub(l.offset))
    }

    /// Re-reads everything derived from the store: counts, the current pane.
    pub fn refresh(&mut self) -> Result<()> {
        // A closure started or ended from the command line meanwhile pauses or frees deadlines.
        self.store.load_suspensions()?;
        self.empty = self.store.count(crate::store::Table::Citizens)? == 0;
        let purge_due = self.counts.purge_due;
        self.counts = Counts {
            purge_due,
            ..self.load_counts()?
        };
        self.closure = self.load_closure()?;
        self.reload_pane();
        Ok(())
    }

    fn load_counts(&self) -> Result<Counts> {
        let from = self.today().and_time(NaiveTime::MIN);
        let (calls, visits) = self.store.count_by_kind(from, from + Duration::days(1))?;
        Ok(Counts {
            calls,
            visits,
            overdue: self.store.count_overdue(self.today())?,
            purge_due: self.counts.purge_due,
        })
    }

    /// Re-counts and re-reads the current pane's window.
    fn reload_pane(&mut self) {
        let pane = self.pane;
        if let Err(e) = self.count_pane(pane).and_then(|_| {
            self.clamp_offset(pane);
            self.load_window(pane)
        }) {
            self.message = Some(format!("{e:#}"));
        }
    }

    fn range(&self, pane: Pane) -> (NaiveDateTime, NaiveDateTime) {
        let st = &self.panes[pane.index()];
        if st.week {
            let from = week_start(st.date).and_time(NaiveTime::MIN);
            (from, from + Duration::days(7))
        } else {
            let from = st.date.and_time(NaiveTime::MIN);
            (from, from + Duration::days(1))
        }
    }

    fn appointment_filter(&self, pane: Pane) -> AppointmentFilter {
        let (from, to) = self.range(pane);
        AppointmentFilter {
            from: Some(from),
            to: Some(to),
            kind: match pane {
                Pane::Calls => Some(Kind::Conversation),
                Pane::Visits => Some(Kind::MentorVisit),
                _ => None,
            },
            citizen_id: None,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn due_until(&self, pane: Pane) -> NaiveDate {
        self.panes[pane.index()].date + Duration::days(DUE_DAYS)
    }

    fn citizen_filter(&self, pane: Pane) -> CitizenFilter {
        CitizenFilter {
            include_archived: false,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn contact_filter(&self, pane: Pane) -> ContactFilter {
        let (from, to) = self.range(pane);
        ContactFilter {
            from: Some(from),
            to: Some(to),
            citizen_id: None,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn count_pane(&mut self, pane: Pane) -> Result<()> {
        let (mut appts, mut due) = (0, 0);
        let total = match pane {
            Pane::Today => {
                appts = self
                    .store
                    .count_appointments(&self.appointment_filter(pane))?;
                let st = &self.panes[pane.index()];
                due = self.store.count_due(self.due_until(pane), &st.filter)?;
                appts.max(1) + 1 + due.max(1)
            }
            Pane::Calls | Pane::Visits => self
                .store
                .count_appointments(&self.appointment_filter(pane))?,
            Pane::Log => self.store.count_contacts(&self.contact_filter(pane))?,
            Pane::Caseload => self.store.count_citizens(&self.citizen_filter(pane))?,
            Pane::Closure => self
                .closure
                .as_ref()
                .map(|c| c.progress.on_list as usize)
                .unwrap_or(0),
        };
        let l = &mut self.panes[pane.index()].list;
        l.total = total;
        l.appts = appts;
        l.due = due;
        l.selected = l.selected.min(total.saturating_sub(1));
        l.selected = l.nearest_selectable(pane == Pane::Today, l.selected, 1);
        Ok(())
    }

    /// Reads just the rows on screen.
    fn load_window(&mut self, pane: Pane) -> Result<()> {
        let page = layout::list_height(self.width, self.height, pane).max(1);
        let (offset, appts, due, heading) = {
            let l = &self.panes[pane.index()].list;
            (l.offset, l.appts, l.due, l.heading())
        };
        let rows: Vec<Row> = match pane {
            Pane::Today => {
                let mut rows: Vec<Row> = Vec::with_capacity(page);
                let end = offset + page;
                if offset < heading {
                    if appts == 0 {
                        rows.push(Row::NoAppointments);
                    } else {
                        let n = page.min(appts - offset);
                        rows.extend(
                            self.store
                                .appointments(&self.appointment_filter(pane), offset, n)?
                                .into_iter()
                                .map(Row::Appointment),
                        );
                    }
                }
                if offset <= heading && heading < end {
                    rows.push(Row::DueHeading);
                }
                if end > heading + 1 {
                    if due == 0 {
                        rows.push(Row::NothingDue);
                    } else {
                        let due_offset = offset.saturating_sub(heading + 1);
                        let filter = self.panes[pane.index()].filter.clone();
                        let n = page.saturating_sub(rows.len());
                        rows.extend(
                            self.store
                                .due_citizens(self.due_until(pane), &filter, due_offset, n)?
                                .into_iter()
                                .map(Row::Due),
                        );
                    }
                }
                rows.truncate(page);
                rows
            }
            Pane::Calls | Pane::Visits => self
                .store
                .appointments(&self.appointment_filter(pane), offset, page)?
                .into_iter()
                .map(Row::Appointment)
                .collect(),
            Pane::Log => self
                .store
                .contacts(&self.contact_filter(pane), offset, page)?
                .into_iter()
                .map(Row::Contact)
                .collect(),
            Pane::Caseload => self
                .store
                .citizens(&self.citizen_filter(pane), CitizenOrder::Name, offset, page)?
                .into_iter()
                .map(Row::Citizen)
                .collect(),
            Pane::Closure => match &self.closure {
                Some(v) => self
                    .store
                    .call_list(v.closure.id, self.today(), offset, page)?
                    .into_iter()
                    .map(Row::Call)
                    .collect(),
                None => Vec::new(),
            },
        };
        self.panes[pane.index()].list.rows = rows;
        Ok(())
    }
}

/// A multi-line editor holding `text`.
fn summary_editor(text: &str) -> Editor {
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
