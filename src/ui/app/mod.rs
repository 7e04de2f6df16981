//! The desk's state and `update`: an action in, the state changed, the store asked for exactly the
//! rows that are shown. No drawing and no SQL strings here.
//!
//! `update` dispatches each action to the child that owns it: `lists` (panes, days, the window of
//! rows), `text` (notes, new times, the summary, drafts, marking, the filter), `plan` (quick-add,
//! the form, the next step), `closure` (the call-round and its questions), `card`. The types of the
//! state are in `state`.

mod card;
mod closure;
mod companies;
mod effects;
mod lists;
mod live;
mod plan;
mod queue;
mod series;
mod state;
mod text;
mod voice;

pub use super::pane::Pane;
pub use companies::CompanyView;
pub use lists::DUE_DAYS;
pub use live::{Reminder, until_next_minute};
pub use state::*;

use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keymap::{self, Scope};
use super::overlay::{Confirm, Ctx, EditContact, Help};
use crate::config::Config;
use crate::domain::Status;
use crate::domain::text::capitalise;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::{Change, Store};

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
    /// Mentor agreements ending within 14 days (id, name, last day): read with the counts, shown
    /// in Today's due heading.
    pub mentor_expiring: Vec<(i64, String, chrono::NaiveDate)>,
    /// The Mentor visits pane's week: minutes used and hours agreed per week over all mentor
    /// citizens, read with the window (drawing never reads the store).
    pub visits_hours: Option<(i64, f64)>,
    pub empty: bool,
    pub quit: bool,
    /// A one-line message for the footer (an error, what just happened).
    pub message: Option<String>,
    pub config: Config,
    /// Changes that can be undone, newest last.
    pub undo: Vec<UndoStep>,
    /// When the draft being typed is to be saved: a one-shot timer armed by the keystroke that
    /// changed it (about a second after typing stops; see `tick_drafts`).
    draft_due: Option<Instant>,
    /// Since when the draft has had unsaved changes (a long burst of typing is saved too).
    draft_dirty_since: Option<Instant>,
    /// The closure the Closure pane shows (the open one, else the latest), its progress and,
    /// when asked for, its report.
    pub closure: Option<ClosureView>,
    /// The card an overlay was opened from (`a`, `l`, `N`, `e`, `E` on the card): when that
    /// overlay closes, by Esc or by saving, the card comes back (read again, where it was
    /// scrolled to and with its selection), not the list.
    return_to: Option<Box<Card>>,
    /// The Contact log shows the transfer queue (every live contact not yet transferred, all
    /// days, oldest first) instead of its day.
    pub queue: bool,
    /// Whether a copy can reach the terminal's clipboard (the desk runs in a terminal); when
    /// not, the text is shown to select by hand.
    pub clipboard_ok: bool,
    /// The clipboard escape (OSC 52) waiting to be written to the terminal.
    pub clipboard: Option<String>,
    /// Today's next planned appointment after now (the header's "next 10:30 …").
    pub next: Option<crate::domain::Appointment>,
    /// SQLite's `data_version` when the desk last read: another process's change moves it.
    data_version: i64,
    /// The database is not encrypted (the real desk; never the demo): the header says so.
    pub unencrypted: bool,
    /// The reminder before the next appointment (config `reminder_minutes`).
    pub reminder: Reminder,
    /// The Companies pane: companies or leads, open leads only or all.
    pub company_view: CompanyView,
    /// What follows a mark (moving on to the next appointment, the rating offered).
    pub voice: voice::Voice,
}

/// The desk's SQLite page cache: at a team's five years of data the pages a key press needs
/// (the citizens, the index pages of the days on screen) fit, so they are read once.
const PAGE_CACHE_KIB: u32 = 16 * 1024;

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
            mentor_expiring: Vec::new(),
            visits_hours: None,
            empty: false,
            quit: false,
            message: None,
            config: Config::default(),
            undo: Vec::new(),
            draft_due: None,
            draft_dirty_since: None,
            closure: None,
            return_to: None,
            queue: false,
            clipboard_ok: false,
            clipboard: None,
            next: None,
            data_version: 0,
            unencrypted: false,
            reminder: Reminder::default(),
            company_view: CompanyView::default(),
            voice: voice::Voice::default(),
        };
        app.data_version = app.store.data_version()?;
        app.refresh()?;
        app.offer_draft()?;
        Ok(app)
    }

    /// Counts what is due for purge (shown in the header). It reads old contacts, so the desk
    /// calls it after the first frame is on the screen, not before. True when the count changed.
    pub fn load_purge_due(&mut self) -> Result<bool> {
        let n = self.store.purge_due_count(self.now)?;
        let changed = n != self.counts.purge_due;
        self.counts.purge_due = n;
        Ok(changed)
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

    /// The scopes whose keys apply now, in the order they are searched: the overlay's, or what
    /// the lists allow where the selection is.
    pub fn scopes(&self) -> Vec<Scope> {
        if let Some(v) = self.mode.scopes() {
            return v;
        }
        if self.mode == Mode::Filter {
            return vec![Scope::Always, Scope::Filter];
        }
        let mut v = vec![Scope::Always, Scope::Global, Scope::List];
        if self.voice.offer.is_some() {
            v.insert(1, Scope::RatingOffer);
        }
        let row = self.state().list.selected_row();
        if row.and_then(Row::citizen_id).is_some() {
            v.push(Scope::Citizen);
        }
        if let Some(Row::Appointment(a)) = row {
            v.push(Scope::Marking);
            if a.series_id.is_some() {
                v.push(Scope::Series);
            }
        }
        if self.pane.has_date() {
            v.push(Scope::Day);
            if self.state().date != self.today() {
                v.push(Scope::NotToday);
            }
        }
        if self.pane.has_week() {
            v.push(Scope::Week);
        }
        if self.pane == Pane::Caseload || self.empty {
            v.push(Scope::Caseload);
        }
        if self.pane == Pane::Log && matches!(row, Some(Row::Contact(_))) {
            v.push(Scope::LogPane);
        }
        if self.pane == Pane::Log {
            v.push(Scope::Log);
        }
        if self.pane == Pane::Today {
            v.push(Scope::TodayPane);
        }
        if self.pane == Pane::Closure {
            if matches!(row, Some(Row::Call(_)))
                && self.closure.as_ref().is_some_and(|c| c.closure.is_open())
            {
                v.push(Scope::ClosureCalls);
            }
            match &self.closure {
                Some(c) if c.closure.is_open() => v.push(Scope::ClosureOpen),
                Some(_) => v.push(Scope::ClosureEnded),
                None => {}
            }
            v.push(Scope::Closure);
        }
        if self.pane == Pane::Companies {
            match row {
                Some(Row::Company(_)) => v.push(Scope::CompanyRow),
                Some(Row::Lead(_)) => v.push(Scope::LeadRow),
                _ => {}
            }
            v.push(Scope::Companies);
        }
        v
    }

    /// The footer's hints: the keys that work now (a key bound in two scopes shows the one
    /// that wins), what the selection allows first, then the global keys, then moving about.
    pub fn footer_bindings(&self) -> Vec<&'static keymap::Binding> {
        let mut v = keymap::footer(&self.scopes());
        let index = |b: &keymap::Binding| {
            keymap::bindings()
                .position(|x| std::ptr::eq(x, b))
                .unwrap_or(usize::MAX)
        };
        v.sort_by_key(|b| {
            let rank = match b.scope {
                Scope::Global | Scope::Always => 1,
                Scope::List | Scope::Week | Scope::Day | Scope::NotToday | Scope::Citizen => 2,
                _ => 0,
            };
            (rank, index(b))
        });
        v
    }

    /// Whether the screen is too small to show the desk: then only `q` / Ctrl+C act.
    pub fn too_small(&self) -> bool {
        super::layout::too_small(self.width, self.height)
    }

    /// Whether letters typed now are text (a note, a time, the filter, quick-add, the form, the
    /// summary) rather than commands.
    pub fn letters_are_text(&self) -> bool {
        !self.too_small() && self.mode.typing()
    }

    /// Handles the events that arrived together (what was already waiting when the first one
    /// came, and what followed within a few milliseconds): a person types one key at a time,
    /// a terminal without bracketed paste delivers pasted text as such a burst. Where letters
    /// are commands, a burst with more than two characters is never run: it is ignored with a
    /// message. Where letters are text, it is typed. Returns whether the screen may have changed.
    pub fn handle_burst(&mut self, events: &[Event]) -> bool {
        let mut dirty = false;
        for (i, ev) in events.iter().enumerate() {
            if !self.letters_are_text() && typed_chars(&events[i..]) > 2 {
                // Resizes still apply; nothing else of the burst does.
                for ev in &events[i..] {
                    if matches!(ev, Event::Resize(..)) {
                        self.handle_event(ev);
                    }
                }
                if !self.too_small() {
                    self.message = Some(self.lang.w().pasted_ignored.to_string());
                }
                return true;
            }
            dirty |= self.handle_event(ev);
        }
        dirty
    }

    /// Handles one terminal event; returns whether anything on screen may have changed.
    pub fn handle_event(&mut self, ev: &Event) -> bool {
        if let Event::Key(k) = ev
            && k.kind != KeyEventKind::Press
        {
            return false;
        }
        if self.too_small() {
            // Nothing acts unseen: only quitting works until the desk can be shown again.
            return match ev {
                Event::Resize(w, h) => {
                    self.resize(*w, *h);
                    true
                }
                Event::Key(k)
                    if keymap::lookup(&[Scope::Always, Scope::Global], k) == Some(Action::Quit) =>
                {
                    self.save_draft_now();
                    self.quit = true;
                    true
                }
                _ => false,
            };
        }
        if let Event::Resize(w, h) = ev {
            self.resize(*w, *h);
            return true;
        }
        if self.mode.is_overlay() {
            // The overlay handles it; its effects are applied here, in one place.
            self.message = None;
            let mut mode = std::mem::replace(&mut self.mode, Mode::Normal);
            let effects = mode.handle(ev, &self.ctx()).unwrap_or_default();
            let card = match &mode {
                Mode::Card(c) => Some(c.clone()),
                _ => None,
            };
            self.mode = mode;
            self.apply(effects);
            self.back_to_card(card);
            self.settle_after_mark();
            return true;
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

    fn handle_key(&mut self, k: &KeyEvent) -> bool {
        let action = keymap::lookup(&self.scopes(), k);
        if self.offer_key(action) {
            return true;
        }
        self.message = None;
        match action {
            Some(Action::Edit) | None => {}
            Some(action) => {
                self.update(action);
                return true;
            }
        }
        if self.mode == Mode::Filter {
            return self.filter_key(k);
        }
        false
    }

    /// After an overlay's effects: an overlay opened from the card remembers it, and when the
    /// overlays opened from it are done (the lists would show), the card comes back.
    fn back_to_card(&mut self, was: Option<Box<Card>>) {
        match &self.mode {
            Mode::Card(_) => self.return_to = None,
            Mode::Normal | Mode::Filter => {
                if let Some(card) = self.return_to.take() {
                    self.mode = Mode::Card(card);
                    self.reload_card();
                }
            }
            // The help goes back to what it was opened over by itself.
            Mode::Help(_) => {}
            _ => {
                if let Some(card) = was {
                    self.return_to = Some(card);
                }
            }
        }
    }

    /// What overlays may read: never a write.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            lang: self.lang,
            now: self.now,
            store: &self.store,
            config: &self.config,
            width: self.width,
            height: self.height,
        }
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
        self.message = Some(crate::i18n::undone(self.lang, &step.what));
        Ok(())
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Err(e) = self.try_update(action) {
            self.message = Some(format!("{e:#}"));
        }
    }

    fn try_update(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Quit => {
                // Ctrl+C while typing: keep what was typed for next time.
                self.save_draft_now();
                self.quit = true;
            }
            Action::Help => {
                let back = std::mem::replace(&mut self.mode, Mode::Normal);
                self.mode = Mode::Help(Help::new(back));
            }
            Action::Close => {
                self.mode = Mode::Normal;
                self.dismiss_reminder();
                if !self.state().filter.is_empty() {
                    self.state_mut().filter.clear();
                    self.reload_after_filter();
                }
            }
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
            Action::Save => self.mode = Mode::Normal,
            Action::Open => {
                if let Some(id) = self.state().list.selected_row().and_then(Row::citizen_id) {
                    self.open_card(id)?;
                } else {
                    self.open_company_row()?;
                }
            }
            Action::Mark(status) => self.mark(status)?,
            Action::Move => self.mark(Status::Moved)?,
            Action::LogContact => self.ask_log_contact()?,
            Action::Undo => self.undo_last()?,
            Action::Transferred => self.toggle_transferred()?,
            Action::TransferQueue => self.toggle_queue(),
            Action::CopyJournal => self.copy_journal(false)?,
            Action::CopyCitizenJournal => self.copy_journal(true)?,
            Action::CopyPhone => self.copy_phone()?,
            Action::MarkDayTransferred => self.mark_day_transferred()?,
            Action::EditEntry | Action::DeleteEntry => {
                let Some(Row::Contact(c)) = self.state().list.selected_row().cloned() else {
                    self.message = Some(self.lang.w().not_contact.to_string());
                    return Ok(());
                };
                self.mode = if action == Action::EditEntry {
                    Mode::EditContact(Box::new(EditContact::new(c, &self.ctx())))
                } else {
                    Mode::Confirm(Confirm::delete_contact(&c, &self.ctx()))
                };
            }
            Action::EditAppointment => self.ask_edit_appointment()?,
            Action::EndSeries => {
                if let Some(Row::Appointment(a)) = self.state().list.selected_row().cloned() {
                    self.ask_end_series(a.id)?;
                }
            }
            Action::Attempt(r) => self.closure_action(Some(r))?,
            Action::ToggleReport => self.toggle_report()?,
            Action::StartClosure => self.ask_start_closure(),
            Action::EndClosure => self.ask_end_closure(),
            Action::ToggleCatchUp => self.toggle_catch_up()?,
            Action::ConvertAll => self.ask_convert_all(),
            Action::Convert => self.convert_selected()?,
            Action::QuickAdd => self.quick_add_for_selection()?,
            Action::NextStep => self.next_step()?,
            Action::FullForm => self.open_full_form()?,
            Action::NewCitizen => self.ask_new_citizen(),
            Action::Company(a) => self.company_action(a)?,
            Action::Feedback => self.ask_feedback()?,
            Action::JobClub => {
                let date = self.state().date;
                let j = crate::ui::overlay::JobClub::new(&self.ctx(), date);
                self.mode = Mode::JobClub(Box::new(j));
            }
            Action::Satisfaction => {
                let v = crate::ui::overlay::Satisfaction::new(&self.ctx())?;
                self.mode = Mode::Satisfaction(Box::new(v));
            }
            Action::Export => {
                let date = self.state().date;
                let dialog = crate::ui::overlay::ExportDialog::new(&self.ctx(), date);
                self.mode = Mode::ExportDialog(Box::new(dialog));
            }
            // Keys of overlays: they handle them themselves.
            Action::Yes
            | Action::DaysOff(_)
            | Action::Following(_)
            | Action::No
            | Action::EditSummary
            | Action::EditCitizen
            | Action::Archive
            | Action::RevealCpr
            | Action::Erase
            | Action::Choose(_)
            | Action::Requested
            | Action::AddExemption
            | Action::LogAbsence
            | Action::Snippet
            | Action::NextField
            | Action::PrevField
            | Action::Edit => {}
        }
        Ok(())
    }
}

/// How many characters the events type (key presses of printable characters, also AltGr ones,
/// and bracketed pastes).
fn typed_chars(events: &[Event]) -> usize {
    events
        .iter()
        .map(|ev| match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                let alt = k.modifiers.contains(KeyModifiers::ALT);
                usize::from(matches!(k.code, KeyCode::Char(_)) && ctrl == alt)
            }
            Event::Paste(s) => s.chars().count(),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests;
