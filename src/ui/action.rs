//! Every user intent as a value. Keys map to actions through the keymap; `App::update` applies them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    /// Close whatever is open (help, card, filter, a question, a prompt).
    Close,
    NextPane,
    PrevPane,
    /// Go to pane 0..=4.
    Pane(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    PrevDay,
    NextDay,
    Today,
    ToggleWeek,
    /// Start typing a filter.
    Filter,
    /// Save / go ahead: keep the filter, save a note, create the appointment, start the closure.
    Save,
    /// Choose option 1..=6 of a list (what kind of contact to log).
    Choose(usize),
    /// Complete the note from the snippets.
    Snippet,
    /// The form's next / previous field.
    NextField,
    PrevField,
    /// A key the text field itself handles (cursor, delete, undo typing): listed so the help
    /// shows it, passed on to the field.
    Edit,
    /// Open the selected row's citizen card.
    Open,
    /// Mark the selected appointment held / no-show / cancelled by the citizen / cancelled.
    Mark(crate::domain::Status),
    /// Move the selected appointment (asks for the new time).
    Move,
    /// Log an unplanned contact with the selected row's citizen.
    LogContact,
    /// Undo the last change.
    Undo,
    /// Correct the selected log entry (a small form).
    EditEntry,
    /// Delete the selected log entry (after a confirmation).
    DeleteEntry,
    /// Toggle the selected contact's "transferred to the case system" mark (in the copied-text
    /// box: mark what was copied transferred).
    Transferred,
    /// Contact log: show or hide the transfer queue (every contact not yet transferred).
    TransferQueue,
    /// Copy the selected entry's journal-ready text to the clipboard.
    CopyJournal,
    /// Copy all of the selected citizen's pending entries as one text.
    CopyCitizenJournal,
    /// Copy the selected row's citizen's phone number to the clipboard (for the softphone).
    CopyPhone,
    /// Mark every pending entry of the shown day (or week) transferred.
    MarkDayTransferred,
    /// Edit the living summary on the citizen card.
    EditSummary,
    /// Closure: record an attempt to reach the selected citizen.
    Attempt(crate::domain::closure::CallResult),
    /// Closure: show or hide the report per target group.
    ToggleReport,
    /// Closure: start one (asks for the range).
    StartClosure,
    /// Closure: end the open one (after a confirmation).
    EndClosure,
    /// Closure: show or hide the catch-up list after an ended closure.
    ToggleCatchUp,
    /// Closure: convert every in-person appointment in the range (after a confirmation).
    ConvertAll,
    /// Convert the selected in-person appointment (phone, or a walk for a mentor visit).
    Convert,
    /// Plan an appointment from one line, for the selected citizen unless the line names one.
    QuickAdd,
    /// Plan the selected citizen's next conversation (same channel, date from the rules).
    NextStep,
    /// The full form for a new appointment.
    FullForm,
    /// Show the CPR number on the card (recorded in the audit log).
    RevealCpr,
    /// Erase the citizen on the card and everything about them (asks first).
    Erase,
    /// The answer to a question the desk asks (y/j).
    Yes,
    /// The answer to a question the desk asks (n).
    No,
    /// Edit the citizen's details on the card (a form).
    EditCitizen,
    /// Archive the citizen on the card, or bring them back (asks first).
    Archive,
    /// Add a citizen (the same form, empty).
    NewCitizen,
    /// Change the selected planned appointment's length, channel, place or kind (a small form).
    EditAppointment,
    /// A new series lands on days off: skip them or move each to the next working day.
    DaysOff(crate::domain::recurrence::OnDayOff),
    /// Moving, cancelling or editing an occurrence of a series: only this one (`false`) or
    /// this and all following (`true`).
    Following(bool),
    /// End the series of the selected appointment (asks first).
    EndSeries,
    /// Give or change the citizen's rating of the selected contact (and their wish).
    Feedback,
    /// Contact log: satisfaction over time (per month and target group).
    Satisfaction,
    /// Today: the job club (attendance of the day's session, the week's exemptions).
    JobClub,
    /// Job club: a new exemption for the selected citizen (a small form).
    AddExemption,
    /// Job club: mark the selected citizen absent and log the absence as a contact.
    LogAbsence,
    /// Card: the citizen asked for a conversation today (or clear that mark).
    Requested,
    /// Export the shown day's log to the documents folder (Danish Excel form in Danish).
    Export,
    /// Companies and job leads (pane 7, the lead card, proposing from the citizen card).
    Company(CompanyAction),
}

/// The keys of companies and leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyAction {
    /// Companies pane: show the leads instead of the companies, or back.
    ToggleLeads,
    /// Companies pane: only open leads, or all.
    ToggleOpen,
    /// Log a contact with the company (a call, a visit) and its note.
    LogContact,
    /// Propose the selected citizen to the lead (lead card), or the citizen on the card to one
    /// of the open leads that fit (citizen card).
    Propose,
    /// Set the selected proposal's outcome (interview, started, declined).
    Outcome(crate::domain::company::ProposalOutcome),
}
