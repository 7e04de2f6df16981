//! The citizen's card: opening it, revealing the CPR number, asking before erasing.

use chrono::{Duration, NaiveTime};

use super::{App, Card, Mode};
use crate::error::Result;
use crate::store::{AppointmentFilter, ContactFilter};

impl App {
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
            scroll: 0,
        }));
        Ok(())
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
}
