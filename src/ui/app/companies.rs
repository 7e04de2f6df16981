//! The Companies pane (7) and what is done from it: the window of companies or leads, the
//! company card and the lead card, proposing a citizen to a lead (from the lead card or the
//! citizen card), a proposal's outcome, and a contact with a company logged with its note.

use super::{App, Mode, Pane, Row};
use crate::error::Result;
use crate::store::LeadFilter;
use crate::ui::action::CompanyAction;
use crate::ui::overlay::company::{CompanyCard, CompanyEffect, CompanyMode, LeadCard, LeadPick};

/// What the Companies pane shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompanyView {
    /// The leads instead of the companies.
    pub leads: bool,
    /// In the leads view: all of them, not only the open ones.
    pub all: bool,
}

impl App {
    fn company_filter(&self) -> String {
        self.panes[Pane::Companies.index()].filter.clone()
    }

    pub(super) fn companies_total(&self) -> Result<usize> {
        let text = self.company_filter();
        let v = self.company_view;
        if v.leads {
            self.store.desk_lead_count(&text, !v.all)
        } else {
            self.store.desk_company_count(&text)
        }
    }

    pub(super) fn companies_rows(&self, offset: usize, page: usize) -> Result<Vec<Row>> {
        let text = self.company_filter();
        let v = self.company_view;
        Ok(if v.leads {
            self.store
                .desk_leads(&text, !v.all, offset, page)?
                .into_iter()
                .map(|r| Row::Lead(Box::new(r)))
                .collect()
        } else {
            self.store
                .desk_companies(&text, offset, page)?
                .into_iter()
                .map(|r| Row::Company(Box::new(r)))
                .collect()
        })
    }

    /// Enter on a company (its card) or a lead (its card).
    pub(super) fn open_company_row(&mut self) -> Result<()> {
        match self.state().list.selected_row().cloned() {
            Some(Row::Company(c)) => self.open_company_card(c.company.id),
            Some(Row::Lead(l)) => self.open_lead_card(l.lead.id),
            _ => Ok(()),
        }
    }

    pub fn open_company_card(&mut self, id: i64) -> Result<()> {
        let card = CompanyCard {
            company: self.store.company(id)?,
            persons: self.store.contact_persons(id)?,
            leads: self.store.leads(&LeadFilter {
                company_id: Some(id),
                ..Default::default()
            })?,
            log: self.store.company_log(id)?,
            scroll: 0,
        };
        self.mode = Mode::Company(Box::new(CompanyMode::Card(card)));
        Ok(())
    }

    fn read_lead_card(&self, id: i64) -> Result<LeadCard> {
        Ok(LeadCard {
            lead: self.store.lead(id)?,
            proposals: self.store.proposals_of_lead(id)?,
            fitting: self.store.fitting_citizens(id)?,
            selected: 0,
            scroll: 0,
        })
    }

    pub fn open_lead_card(&mut self, id: i64) -> Result<()> {
        let card = self.read_lead_card(id)?;
        self.mode = Mode::Company(Box::new(CompanyMode::Lead(card)));
        Ok(())
    }

    /// The open lead card read again (after a proposal or an outcome), on the same row.
    fn reload_lead_card(&mut self) -> Result<()> {
        let Mode::Company(m) = &self.mode else {
            return Ok(());
        };
        let CompanyMode::Lead(old) = m.as_ref() else {
            return Ok(());
        };
        let (id, selected, scroll) = (old.lead.id, old.selected, old.scroll);
        let mut card = self.read_lead_card(id)?;
        card.selected = selected;
        card.scroll = scroll;
        card.follow(&self.ctx());
        self.mode = Mode::Company(Box::new(CompanyMode::Lead(card)));
        Ok(())
    }

    pub(super) fn company_action(&mut self, a: CompanyAction) -> Result<()> {
        match a {
            CompanyAction::ToggleLeads => {
                self.company_view.leads = !self.company_view.leads;
                self.reset_and_reload();
            }
            CompanyAction::ToggleOpen => {
                if self.company_view.leads {
                    self.company_view.all = !self.company_view.all;
                    self.reset_and_reload();
                }
            }
            CompanyAction::LogContact => {
                let company = match self.state().list.selected_row() {
                    Some(Row::Company(c)) => Some((c.company.id, c.company.name.clone())),
                    Some(Row::Lead(l)) => Some((l.lead.company_id, l.lead.company.clone())),
                    _ => None,
                };
                if let Some((company_id, company)) = company {
                    self.mode = Mode::Company(Box::new(CompanyMode::LogPick {
                        company_id,
                        company,
                    }));
                }
            }
            CompanyAction::Propose => {
                // From the citizen card: the open leads that fit.
                if let Mode::Card(c) = &self.mode {
                    let pick = LeadPick {
                        citizen_id: c.citizen.id,
                        citizen: c.citizen.name.clone(),
                        leads: self.store.fitting_leads(c.citizen.id)?,
                        selected: 0,
                    };
                    self.mode = Mode::Company(Box::new(CompanyMode::LeadPick(pick)));
                }
            }
            CompanyAction::Outcome(_) => {}
        }
        Ok(())
    }

    pub(super) fn apply_company(&mut self, e: CompanyEffect) -> Result<()> {
        let l = self.lang;
        match e {
            CompanyEffect::Propose {
                lead_id,
                citizen_id,
            } => {
                let done = self.store.propose(lead_id, citizen_id, self.now, "")?;
                let lead = self.store.lead(lead_id)?;
                let citizen = self.store.citizen(citizen_id)?.name;
                let what = crate::i18n::companies_desk::proposed(l, &citizen, &lead);
                self.push_undo(what.clone(), done.undo);
                self.after_change(&what);
                self.reload_lead_card()?;
            }
            CompanyEffect::Outcome {
                proposal_id,
                outcome,
            } => {
                let done = self
                    .store
                    .set_proposal_outcome(proposal_id, outcome, self.now, "")?;
                let p = self.store.proposal(proposal_id)?;
                let what = crate::i18n::companies_desk::outcome_set(l, &p);
                self.push_undo(what.clone(), done.undo);
                self.after_change(&what);
                self.reload_lead_card()?;
            }
            CompanyEffect::Log {
                company_id,
                at,
                channel,
                outcome,
                minutes,
                note,
            } => {
                let done =
                    self.store
                        .log_company_contact(&crate::domain::company::NewCompanyContact {
                            company_id,
                            person_id: None,
                            at: at.unwrap_or(self.now),
                            channel,
                            outcome,
                            minutes,
                            note,
                        })?;
                let company = self.store.company(company_id)?.name;
                let what = crate::i18n::companies_desk::logged(l, &company, channel, outcome);
                self.push_undo(what.clone(), done.undo);
                self.after_change(&what);
                // The card shows the new entry in the history with the company.
                self.open_company_card(company_id)?;
            }
        }
        Ok(())
    }
}
