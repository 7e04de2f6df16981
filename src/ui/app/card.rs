//! The citizen's card: opening it (the whole history), reading it again after a change made on
//! it, revealing the CPR number, and the citizen's details edited, added or archived.

use chrono::NaiveTime;

use super::{App, Card, Mode};
use crate::domain::NewCitizen;
use crate::error::Result;
use crate::store::{AppointmentFilter, CitizenEdit, ContactFilter};
use crate::ui::overlay::CitizenForm;
use crate::ui::overlay::card::HistoryRow;

/// As many rows as a citizen can have: the card reads the whole history.
const ALL: usize = usize::MAX >> 1;

impl App {
    pub fn open_card(&mut self, citizen_id: i64) -> Result<()> {
        let card = self.read_card(citizen_id)?;
        self.mode = Mode::Card(Box::new(card));
        Ok(())
    }

    /// The card of the citizen, from the store: every contact and appointment.
    fn read_card(&self, citizen_id: i64) -> Result<Card> {
        let citizen = self.store.citizen(citizen_id)?;
        let contacts = self.store.contacts(
            &ContactFilter {
                citizen_id: Some(citizen_id),
                ..Default::default()
            },
            0,
            ALL,
        )?;
        let all = self.store.appointments(
            &AppointmentFilter {
                citizen_id: Some(citizen_id),
                ..Default::default()
            },
            0,
            ALL,
        )?;
        let today = self.today().and_time(NaiveTime::MIN);
        let (upcoming, mut earlier): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|a| a.start >= today);
        earlier.reverse();
        let feedback = contacts
            .iter()
            .map(|c| self.store.feedback(c.id).ok().flatten())
            .collect();
        let agreement = self.store.mentor_agreement(citizen_id)?;
        let exemptions = self.store.jobclub_exemptions(citizen_id)?;
        let series = self.store.series_list(Some(citizen_id))?;
        let leads = self.store.fitting_leads(citizen_id)?;
        let proposals = self.store.proposals_of_citizen(citizen_id)?;
        Ok(Card {
            leads,
            proposals,
            citizen,
            contacts,
            feedback,
            upcoming,
            earlier,
            agreement,
            exemptions,
            series,
            cpr_revealed: None,
            scroll: 0,
            selected: None,
            view: Default::default(),
            detail_scroll: 0,
        })
    }

    /// Reads the open card again after a change (an undo, a transfer mark), keeping where it
    /// was scrolled to, what was selected and a revealed CPR number. The card closes when the
    /// citizen is gone (an undone add).
    pub(super) fn reload_card(&mut self) {
        let Mode::Card(old) = &self.mode else {
            return;
        };
        let old = old.as_ref().clone();
        match self.read_card(old.citizen.id) {
            Ok(mut card) => {
                card.cpr_revealed = old.cpr_revealed.clone();
                // The same row stays selected where it now is (a row planned or logged above
                // it moves it down), else the same place.
                let same = old.selected.and_then(|i| old.row(i)).and_then(|was| {
                    (0..card.history_len()).find(|&j| match (was, card.row(j)) {
                        (HistoryRow::Contact(x, _), Some(HistoryRow::Contact(y, _))) => {
                            x.id == y.id
                        }
                        (HistoryRow::Appointment(x), Some(HistoryRow::Appointment(y))) => {
                            x.id == y.id
                        }
                        _ => false,
                    })
                });
                card.selected = same.or(old.selected.filter(|&i| i < card.history_len()));
                card.scroll = old.scroll;
                card.detail_scroll = old.detail_scroll;
                card.scroll = card.scroll.min(crate::ui::overlay::card::max_scroll(
                    &self.ctx(),
                    &card,
                    self.width,
                    self.height,
                ));
                if same.is_some() && same != old.selected {
                    card.follow(&self.ctx());
                }
                self.mode = Mode::Card(Box::new(card));
            }
            Err(_) => self.mode = Mode::Normal,
        }
    }

    /// Shows the full CPR number on the open card until it closes. The reveal is in the audit
    /// log once: keys act only while the card is on screen, so what is logged is what was shown.
    pub(super) fn reveal_cpr(&mut self, citizen_id: i64) -> Result<()> {
        let cpr = self.store.reveal_cpr(citizen_id, self.now)?;
        if cpr.is_none() {
            self.message = Some(self.lang.w().no_cpr.to_string());
        }
        if let Mode::Card(card) = &mut self.mode {
            card.revealed(cpr);
        }
        Ok(())
    }

    /// `+`: the citizen form, empty.
    pub(super) fn ask_new_citizen(&mut self) {
        self.mode = Mode::CitizenForm(Box::new(CitizenForm::add(&self.ctx())));
    }

    /// Edits (or archives) the citizen: one undo step, then the card again.
    pub(super) fn edit_citizen(&mut self, id: i64, edit: &CitizenEdit, what: String) -> Result<()> {
        let change = self.store.edit_citizen(id, edit, self.now)?;
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        let keep = match &self.mode {
            Mode::Card(c) if c.citizen.id == id => {
                Some((c.scroll, c.selected, c.cpr_revealed.clone()))
            }
            _ => None,
        };
        self.open_card(id)?;
        if let (Some((scroll, selected, cpr)), Mode::Card(c)) = (keep, &mut self.mode) {
            c.scroll = scroll;
            c.selected = selected;
            c.cpr_revealed = cpr;
        }
        Ok(())
    }

    /// Adds a citizen, with the agreement and exemption given: one undo step, then their card.
    pub(super) fn add_citizen(&mut self, new: &NewCitizen, extra: &CitizenEdit) -> Result<()> {
        let (id, added) = self.store.add_citizen_undoable(new, self.now)?;
        let mut undo = vec![added];
        if *extra != CitizenEdit::default() {
            match self.store.edit_citizen(id, extra, self.now) {
                Ok(change) => undo.insert(0, change),
                Err(e) => {
                    // Not half a citizen: take the new one away again.
                    let _ = self.store.apply(&undo);
                    return Err(e);
                }
            }
        }
        let what = crate::i18n::card::added(self.lang, new.name.trim());
        self.push_undo(what.clone(), undo);
        self.after_change(&what);
        self.open_card(id)
    }
}
