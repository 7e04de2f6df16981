//! The desk's modals as components: each file holds one overlay's state, its keys (the keymap
//! scopes it answers to), its drawing and so its footer hints. An overlay never writes to the
//! store: it reads what it must show and returns [`Effect`]s, which `App` applies in one place.
//!
//! The app holds a [`Mode`]: the lists (`Normal`, `Filter`) or one overlay. It calls
//! [`Mode::handle`] with each event, [`Mode::draw`] to draw it and [`Mode::scopes`] for the
//! footer and the help.

pub mod appointment_edit;
pub mod call_answers;
pub mod card;
mod card_rows;
pub mod citizen_form;
pub mod closure_start;
pub mod company;
pub mod confirm;
pub mod contact_edit;
pub mod copied;
pub mod export_dialog;
pub mod feedback;
pub mod form;
pub mod help;
pub mod jobclub;
pub mod log_pick;
pub mod moving;
pub mod note;
pub mod quick_add;
pub mod satisfaction;
pub mod series;
pub mod summary;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{self, Scope};
use crate::config::Config;
use crate::domain::closure::NewClosure;
use crate::domain::{Channel, NewAppointment, Outcome, Status};
use crate::i18n::Lang;
use crate::store::{DraftKind, Store};

pub use appointment_edit::EditAppointment;
pub use call_answers::Answers;
pub use card::Card;
pub use citizen_form::CitizenForm;
pub use closure_start::StartClosure;
pub use confirm::{Confirm, Question};
pub use contact_edit::EditContact;
pub use copied::Copied;
pub use export_dialog::ExportDialog;
pub use feedback::Feedback;
pub use form::Form;
pub use help::Help;
pub use jobclub::{ExemptionForm, JobClub};
pub use log_pick::{LOG_OPTIONS, LogPick};
pub use moving::Move;
pub use note::Note;
pub use quick_add::QuickAdd;
pub use satisfaction::Satisfaction;
pub use series::{DaysOff, EndSeries, SeriesOp, Which};
pub use summary::Summary;

/// The warnings of planning `new` (the same list as `jobdesk plan` prints: after the citizen's
/// legal deadline, a day off, a weekend, in the past, over another appointment), worded for the
/// desk: an overlap names the other appointment's time and citizen. `moving`: the appointment
/// being moved or edited (no overlap with itself). Never a refusal: the desk plans all the
/// same after a second Enter.
pub fn plan_warnings(
    store: &Store,
    now: NaiveDateTime,
    lang: Lang,
    new: &NewAppointment,
    moving: Option<i64>,
) -> Vec<String> {
    use crate::domain::cadence::PlanWarning;
    store
        .plan_warnings(new, now, moving)
        .unwrap_or_default()
        .iter()
        .map(|w| match w {
            PlanWarning::Overlap {
                appointment_id,
                start,
                minutes,
            } => {
                let who = store
                    .appointment(*appointment_id)
                    .map(|a| crate::domain::text::sanitize_line(&a.citizen))
                    .unwrap_or_default();
                let end = *start + chrono::Duration::minutes(*minutes);
                format!(
                    "⚠ {} {}–{} {who}",
                    lang.t("overlapper", "overlaps"),
                    lang.time(start.time()),
                    lang.time(end.time())
                )
            }
            w => crate::i18n::cli::plan_warning(lang, w),
        })
        .collect()
}

/// What an overlay may read while it handles a key or draws: never a write.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub now: NaiveDateTime,
    pub store: &'a Store,
    pub config: &'a Config,
    /// The terminal's size (for scrolling).
    pub width: u16,
    pub height: u16,
}

/// What an overlay asks the app to do. The app applies them in order; when one fails, the rest
/// are dropped and the error goes to the overlay (see [`Mode::failed`]) or the footer.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Close the overlay: back to the lists.
    Close,
    /// Show another overlay in its place.
    Open(Box<Mode>),
    /// A line in the footer.
    Message(String),
    /// An action of the lists or of every mode (quit, help, switch pane).
    Action(Action),
    /// The note or summary being typed changed: arm the draft timer.
    DraftChanged,
    /// The draft is done with (saved or thrown away).
    DropDraft(DraftKind, i64),
    /// Save the one-line note of a contact (nothing when empty).
    SaveNote { contact_id: i64, text: String },
    /// Mark an appointment (the question, if any, was answered).
    Mark { appointment_id: i64, status: Status },
    /// Move an appointment to `start`, then offer the note.
    Moved {
        appointment_id: i64,
        citizen: String,
        start: NaiveDateTime,
    },
    /// Log an unplanned contact now, then offer the note.
    Log {
        citizen_id: i64,
        citizen: String,
        outcome: Outcome,
        channel: Channel,
        minutes: i64,
    },
    /// Plan an appointment (the overlay closes when it is written).
    Plan {
        new: Box<NewAppointment>,
        citizen: String,
    },
    /// The call-round reached the citizen; whether they accepted the offer.
    Reached {
        citizen_id: i64,
        citizen: String,
        accepted: Option<bool>,
    },
    /// Record a reaching call with its answers (how it was received, matched); `note`: then
    /// offer the note. After "takker ja" the quick-add line for a conversation follows.
    CallAnswered {
        citizen_id: i64,
        citizen: String,
        accepted: Option<bool>,
        answers: crate::domain::closure::CallAnswers,
        note: bool,
    },
    /// End the open closure (asked first).
    EndClosure,
    /// Convert every in-person appointment of the open closure.
    ConvertAll,
    /// Erase the citizen for good.
    Erase(i64),
    /// Start a closure (the overlay closes when it is written).
    StartClosure(NewClosure),
    /// Save the citizen's summary, then show the card.
    SaveSummary { citizen_id: i64, text: String },
    /// Show the citizen's card.
    OpenCard(i64),
    /// Show the card's CPR number in full (written to the audit log).
    RevealCpr(i64),
    /// Correct a log entry (one undo step; `what` says which).
    EditContact {
        id: i64,
        edit: Box<crate::store::ContactEdit>,
        what: String,
    },
    /// Change a planned appointment's length, channel, place or kind (one undo step).
    EditAppointment {
        id: i64,
        edit: Box<crate::store::AppointmentEdit>,
        what: String,
    },
    /// Delete a log entry (one undo step).
    DeleteContact { id: i64, what: String },
    /// The answer about a first conversation not held in person (logged as not counting):
    /// count it (`counts`) or leave it; then the one-line note.
    FirstCounts {
        contact_id: i64,
        citizen: String,
        counts: bool,
    },
    /// The quick-add line for this citizen, with `line` typed.
    QuickAdd {
        citizen_id: i64,
        citizen: String,
        line: String,
    },
    /// Mark a contact transferred (`Some`) or not (one undo step; the card is read again).
    Transferred {
        contact_id: i64,
        at: Option<NaiveDateTime>,
    },
    /// Mark these contacts transferred now (one undo step).
    MarkTransferred(Vec<i64>),
    /// Edit (or archive) a citizen (one undo step), then show the card again.
    EditCitizen {
        id: i64,
        edit: Box<crate::store::CitizenEdit>,
        what: String,
    },
    /// Add a citizen, with the agreement and exemption of `edit` (one undo step), then show
    /// the card.
    AddCitizen {
        new: Box<crate::domain::NewCitizen>,
        edit: Box<crate::store::CitizenEdit>,
    },
    /// Plan a series (the days-off question, if any, was answered); the overlay closes when it
    /// is written.
    PlanSeries {
        series: Box<crate::store::NewSeries>,
        citizen: String,
    },
    /// Move, cancel or edit an occurrence of a series: only it, or it and all following.
    SeriesOp {
        appointment: Box<crate::domain::Appointment>,
        op: SeriesOp,
        following: bool,
    },
    /// "This and all following": change the time of day, length, channel or place of the
    /// occurrence and every later planned one (one undo step; `what` says it).
    Following {
        appointment_id: i64,
        edit: Box<crate::store::FollowingEdit>,
        what: String,
    },
    /// Ask before ending the series of this appointment.
    AskEndSeries(i64),
    /// End the series: its planned appointments go, the marked stay (one undo step).
    EndSeries { series_id: i64, what: String },
    /// Set the citizen's rating of a contact and their wish (`score: None` removes it; one
    /// undo step).
    Feedback {
        contact_id: i64,
        citizen: String,
        score: Option<u8>,
        wish: String,
    },
    /// Mark a citizen's attendance at the session of `date` (`None` takes the mark away; one
    /// undo step); the job club is read again.
    Attendance {
        citizen_id: i64,
        citizen: String,
        date: chrono::NaiveDate,
        mark: Option<crate::domain::jobclub::Mark>,
        /// An absence is also logged as a contact (`L`).
        log: bool,
    },
    /// Add (id 0) or change a job-club exemption, then show the job club again; the store's
    /// refusal (an overlap) goes to the form.
    SaveExemption {
        exemption: Box<crate::domain::jobclub::Exemption>,
        citizen: String,
        back: Box<JobClub>,
    },
    /// Remove a job-club exemption.
    RemoveExemption { id: i64, citizen: String },
    /// Mark that the citizen asked for a conversation today, or clear the mark (one undo step).
    ToggleRequested(i64),
    /// Write the contact log of `range` into `folder` (the Excel form with `excel`), then
    /// close.
    ExportLog {
        range: crate::domain::records::DayRange,
        excel: bool,
        folder: String,
    },
    /// Companies and leads: propose, set an outcome, log a contact with a company.
    Company(company::CompanyEffect),
}

/// What is open over the panes: the lists themselves, or one overlay.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// Typing a filter in the footer.
    Filter,
    Help(Help),
    Card(Box<Card>),
    /// The one-line note after marking or logging.
    Note(Box<Note>),
    /// The new time of an appointment being moved.
    Move(Box<Move>),
    /// What kind of unplanned contact to log.
    LogPick(LogPick),
    /// Planning from one line, with a live preview.
    QuickAdd(Box<QuickAdd>),
    /// The full form for a new appointment.
    Form(Box<Form>),
    /// A yes/no question (erase, convert all, accepted, an unusual mark).
    Confirm(Confirm),
    /// A new closure's range.
    StartClosure(Box<StartClosure>),
    /// After a reaching call: how it was received, matched to a job or placement.
    Answers(Box<Answers>),
    /// The citizen's living summary.
    Summary(Box<Summary>),
    /// Correcting a log entry.
    EditContact(Box<EditContact>),
    /// Editing or adding a citizen.
    CitizenForm(Box<CitizenForm>),
    /// Changing a planned appointment without moving it.
    EditAppointment(Box<EditAppointment>),
    /// What to export of the contact log, in which form, where to (`x`).
    ExportDialog(Box<ExportDialog>),
    /// The journal-ready text copied (or to copy by hand), offering to mark it transferred.
    Copied(Box<Copied>),
    /// A new series lands on days off: skip or move them?
    DaysOff(Box<DaysOff>),
    /// Only this occurrence of a series, or this and all following?
    Which(Box<Which>),
    /// End a series?
    EndSeries(Box<EndSeries>),
    /// A company card, a lead card, logging a company contact, choosing a lead.
    Company(Box<company::CompanyMode>),
    /// The citizen's rating of a contact and their wish.
    Feedback(Box<Feedback>),
    /// Satisfaction over time (`F` in the Contact log).
    Satisfaction(Box<Satisfaction>),
    /// The job club: a session's attendance, the week's exemptions (`J` in Today).
    JobClub(Box<JobClub>),
    /// Adding or editing a job-club exemption.
    ExemptionForm(Box<ExemptionForm>),
}

/// One overlay: its keys, its drawing.
pub trait Overlay {
    /// The keymap scopes whose keys work now, searched in order (the footer shows them).
    fn scopes(&self) -> Vec<Scope>;
    /// A bound key's action.
    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect>;
    /// An event no binding claims (typing, a paste, an editing key).
    fn input(&mut self, _ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        Vec::new()
    }
    /// Draws it over the desk drawn in `area` (the whole screen).
    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect);
    /// Whether letters typed are text rather than commands.
    fn typing(&self) -> bool {
        false
    }
    /// Shows an error from applying its effects; false when it has no place for one.
    fn failed(&mut self, _msg: &str) -> bool {
        false
    }
}

impl Mode {
    fn overlay(&self) -> Option<&dyn Overlay> {
        Some(match self {
            Mode::Normal | Mode::Filter => return None,
            Mode::Help(o) => o,
            Mode::Card(o) => o.as_ref(),
            Mode::Note(o) => o.as_ref(),
            Mode::Move(o) => o.as_ref(),
            Mode::LogPick(o) => o,
            Mode::QuickAdd(o) => o.as_ref(),
            Mode::Form(o) => o.as_ref(),
            Mode::Confirm(o) => o,
            Mode::StartClosure(o) => o.as_ref(),
            Mode::Answers(o) => o.as_ref(),
            Mode::Summary(o) => o.as_ref(),
            Mode::EditContact(o) => o.as_ref(),
            Mode::CitizenForm(o) => o.as_ref(),
            Mode::EditAppointment(o) => o.as_ref(),
            Mode::ExportDialog(o) => o.as_ref(),
            Mode::Copied(o) => o.as_ref(),
            Mode::DaysOff(o) => o.as_ref(),
            Mode::Which(o) => o.as_ref(),
            Mode::EndSeries(o) => o.as_ref(),
            Mode::Company(o) => o.as_ref(),
            Mode::Feedback(o) => o.as_ref(),
            Mode::Satisfaction(o) => o.as_ref(),
            Mode::JobClub(o) => o.as_ref(),
            Mode::ExemptionForm(o) => o.as_ref(),
        })
    }

    fn overlay_mut(&mut self) -> Option<&mut dyn Overlay> {
        Some(match self {
            Mode::Normal | Mode::Filter => return None,
            Mode::Help(o) => o,
            Mode::Card(o) => o.as_mut(),
            Mode::Note(o) => o.as_mut(),
            Mode::Move(o) => o.as_mut(),
            Mode::LogPick(o) => o,
            Mode::QuickAdd(o) => o.as_mut(),
            Mode::Form(o) => o.as_mut(),
            Mode::Confirm(o) => o,
            Mode::StartClosure(o) => o.as_mut(),
            Mode::Answers(o) => o.as_mut(),
            Mode::Summary(o) => o.as_mut(),
            Mode::EditContact(o) => o.as_mut(),
            Mode::CitizenForm(o) => o.as_mut(),
            Mode::EditAppointment(o) => o.as_mut(),
            Mode::ExportDialog(o) => o.as_mut(),
            Mode::Copied(o) => o.as_mut(),
            Mode::DaysOff(o) => o.as_mut(),
            Mode::Which(o) => o.as_mut(),
            Mode::EndSeries(o) => o.as_mut(),
            Mode::Company(o) => o.as_mut(),
            Mode::Feedback(o) => o.as_mut(),
            Mode::Satisfaction(o) => o.as_mut(),
            Mode::JobClub(o) => o.as_mut(),
            Mode::ExemptionForm(o) => o.as_mut(),
        })
    }

    /// Whether an overlay is open (not the lists or the filter).
    pub fn is_overlay(&self) -> bool {
        self.overlay().is_some()
    }

    /// The overlay's scopes, Ctrl+C first (it quits from every mode); `None` for the lists.
    pub fn scopes(&self) -> Option<Vec<Scope>> {
        let o = self.overlay()?;
        let mut v = vec![Scope::Always];
        v.extend(o.scopes());
        Some(v)
    }

    /// An event for the overlay: a bound key becomes its action, anything else goes to its
    /// text field. `None` when no overlay is open.
    pub fn handle(&mut self, ev: &Event, ctx: &Ctx<'_>) -> Option<Vec<Effect>> {
        let scopes = self.scopes()?;
        let o = self.overlay_mut()?;
        Some(match ev {
            Event::Key(k) => match keymap::lookup(&scopes, k) {
                Some(Action::Quit) => vec![Effect::Action(Action::Quit)],
                Some(Action::Edit) | None => o.input(ev, ctx),
                Some(a) => o.act(a, ctx),
            },
            Event::Paste(_) => o.input(ev, ctx),
            _ => Vec::new(),
        })
    }

    pub fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        if let Some(o) = self.overlay() {
            o.draw(ctx, f, area);
        }
    }

    /// Whether letters typed now are text (the filter, a note, a time, a form, the summary).
    pub fn typing(&self) -> bool {
        match self {
            Mode::Filter => true,
            m => m.overlay().is_some_and(Overlay::typing),
        }
    }

    /// Gives the overlay an error to show; false when it has no place for one.
    pub fn failed(&mut self, msg: &str) -> bool {
        self.overlay_mut().is_some_and(|o| o.failed(msg))
    }

    /// The draft being typed: its kind, what it is for and the text.
    pub fn draft(&self) -> Option<(DraftKind, i64, String)> {
        match self {
            Mode::Note(n) => Some(n.draft()),
            Mode::Summary(s) => Some(s.draft()),
            _ => None,
        }
    }
}
