//! The hand-over to the case system in the desk: the transfer queue (`T`), copying an entry's
//! journal-ready text (`y`) or all of a citizen's pending ones (`Y`) through the terminal's
//! clipboard escape, and marking entries transferred in bulk (`O`, `o` after a copy).

use chrono::Duration;

use super::{App, Mode, Row};
use crate::domain::journal::{self, age_of, too_old};
use crate::error::Result;
use crate::i18n::queue as words;
use crate::ui::overlay::Copied;

impl App {
    /// The live contacts not yet transferred, and how many of them are too old.
    pub(super) fn count_pending(&self) -> Result<(usize, usize)> {
        let cal = self.config.calendar();
        let max = self.config.transfer_max_days;
        let list = self.store.pending_entries(None)?;
        let old = list
            .iter()
            .filter(|e| too_old(age_of(&cal, e.contact.at, self.now), max))
            .count();
        Ok((list.len(), old))
    }

    pub(super) fn toggle_queue(&mut self) {
        self.queue = !self.queue;
        self.reset_and_reload();
    }

    /// The journal-ready text of contact `id`, from the config's template.
    fn journal_text(&self, id: i64) -> Result<String> {
        let src = self.store.journal_source(id, self.now)?;
        Ok(words::journal_text(
            self.lang,
            self.config.journal_template(self.lang.da()),
            &src,
        ))
    }

    /// Copies the selected entry's text (or, `citizen`, all of that citizen's pending entries'
    /// texts) and opens the box that shows it and offers to mark them transferred.
    pub(super) fn copy_journal(&mut self, citizen: bool) -> Result<()> {
        let Some(Row::Contact(c)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_contact.to_string());
            return Ok(());
        };
        let ids: Vec<i64> = if citizen {
            self.store
                .pending_entries(Some(c.citizen_id))?
                .iter()
                .map(|e| e.contact.id)
                .collect()
        } else {
            vec![c.id]
        };
        if ids.is_empty() {
            self.message = Some(words::nothing_pending_for(self.lang, &c.citizen));
            return Ok(());
        }
        let texts = ids
            .iter()
            .map(|&id| self.journal_text(id))
            .collect::<Result<Vec<_>>>()?;
        let text = journal::join(&texts);
        let sent = self.clipboard_ok;
        if sent {
            self.clipboard = Some(journal::osc52(&text));
        }
        // Entries already transferred have nothing to mark.
        let pending = if citizen || c.transferred_at.is_none() {
            ids
        } else {
            Vec::new()
        };
        self.mode = Mode::Copied(Box::new(Copied::new(&c.citizen, text, pending, sent)));
        Ok(())
    }

    /// `P`: the selected row's citizen's phone number to the clipboard (OSC 52), for the
    /// softphone; without a terminal the number is shown to type by hand.
    pub(super) fn copy_phone(&mut self) -> Result<()> {
        let Some(id) = self.state().list.selected_row().and_then(Row::citizen_id) else {
            return Ok(());
        };
        let c = self.store.citizen(id)?;
        let number = c.phone.trim();
        let shown = crate::domain::text::sanitize_line(number);
        self.message = Some(if number.is_empty() {
            words::no_phone(self.lang, &crate::domain::text::sanitize_line(&c.name))
        } else if self.clipboard_ok {
            self.clipboard = Some(journal::osc52(number));
            words::phone_copied(self.lang, &shown)
        } else {
            words::phone_shown(self.lang, &shown)
        });
        Ok(())
    }

    /// Marks contacts transferred now, as one undo step.
    pub(super) fn mark_ids_transferred(&mut self, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let inverse = self.store.mark_transferred(ids, Some(self.now))?;
        let what = words::marked(self.lang, ids.len(), false);
        self.push_undo(what.clone(), inverse);
        self.after_change(&what);
        Ok(())
    }

    /// `O`: every pending entry of the shown day (or week; in the queue, the selected entry's
    /// day) transferred, as one undo step.
    pub(super) fn mark_day_transferred(&mut self) -> Result<()> {
        let st = self.state();
        let (first, days) = if self.queue {
            match st.list.selected_row() {
                Some(Row::Contact(c)) => (c.at.date(), 1),
                _ => {
                    self.message = Some(self.lang.w().not_contact.to_string());
                    return Ok(());
                }
            }
        } else if st.week {
            (crate::domain::dates::week_start(st.date), 7)
        } else {
            (st.date, 1)
        };
        let mut ids = Vec::new();
        for i in 0..days {
            ids.extend(self.store.transfer_targets(
                crate::store::TransferScope::Day(first + Duration::days(i)),
                false,
            )?);
        }
        if ids.is_empty() {
            self.message = Some(words::nothing_pending(self.lang).to_string());
            return Ok(());
        }
        self.mark_ids_transferred(&ids)
    }
}
