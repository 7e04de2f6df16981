//! What rests on a citizen beside the summary: the mentor agreement, exemptions from
//! conversations, and the citizen's feedback on a contact (job-club exemptions: `jobclub`).

use chrono::NaiveDate;
use rusqlite::params;

use super::{Store, no_citizen, refresh_citizen_on};
use crate::error::Result;

/// The written mentor agreement: goals, hours a week, and until when.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentorAgreement {
    pub goals: String,
    pub hours: Option<f64>,
    pub until: Option<NaiveDate>,
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Store {
    pub fn mentor_agreement(&self, citizen_id: i64) -> Result<MentorAgreement> {
        self.conn
            .query_row(
                "SELECT mentor_goals, mentor_hours, mentor_until FROM citizens WHERE id = ?1",
                [citizen_id],
                |r| {
                    Ok(MentorAgreement {
                        goals: r.get(0)?,
                        hours: r.get(1)?,
                        until: date(r.get(2)?),
                    })
                },
            )
            .map_err(|_| no_citizen(citizen_id))
    }

    /// Sets the mentor agreement (and marks the citizen as having a mentor when it has goals).
    pub fn set_mentor_agreement(&mut self, citizen_id: i64, a: &MentorAgreement) -> Result<()> {
        self.require_citizen(citizen_id)?;
        if let Some(h) = a.hours
            && !(0.0..=60.0).contains(&h)
        {
            return Err(super::Error::MentorHoursOutOfRange(h).into());
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE citizens SET mentor_goals = ?2, mentor_hours = ?3, mentor_until = ?4,
                     mentor = CASE WHEN ?2 <> '' THEN 1 ELSE mentor END
                 WHERE id = ?1",
                params![citizen_id, a.goals, a.hours, a.until.map(ymd)],
            )?;
            Ok(())
        })
    }

    /// Sets the plain flags of a citizen; `None` leaves one as it is. Recomputes the due date.
    pub fn set_citizen_flags(
        &mut self,
        citizen_id: i64,
        exempt: Option<bool>,
        mentor: Option<bool>,
        archived: Option<bool>,
    ) -> Result<()> {
        self.require_citizen(citizen_id)?;
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            tx.execute(
                "UPDATE citizens SET exempt = coalesce(?2, exempt), mentor = coalesce(?3, mentor),
                     archived = coalesce(?4, archived) WHERE id = ?1",
                params![citizen_id, exempt, mentor, archived],
            )?;
            refresh_citizen_on(tx, &rules, &sus, citizen_id)?;
            Ok(())
        })
    }

    /// The citizen's own view of a contact: 1–5 and a wish in one line (`score: None` takes
    /// the feedback away; the wish goes with it). Setting it again changes it. Returns the
    /// change that undoes it (for the desk's undo).
    pub fn set_feedback(
        &mut self,
        contact_id: i64,
        score: Option<u8>,
        wish: &str,
    ) -> Result<super::Change> {
        if let Some(s) = score
            && !(1..=5).contains(&s)
        {
            return Err(super::Error::ScoreOutOfRange(s).into());
        }
        self.contact(contact_id)?;
        let wish = if score.is_some() { wish } else { "" };
        let mut inverse = self.apply(&[super::Change::Feedback {
            contact_id,
            score,
            wish: wish.to_string(),
        }])?;
        inverse
            .pop()
            .ok_or_else(|| anyhow::anyhow!("internal: no undo for the feedback"))
    }

    /// The feedback on a contact, if any.
    pub fn feedback(&self, contact_id: i64) -> Result<Option<(u8, String)>> {
        Ok(self.conn.query_row(
            "SELECT feedback_score, feedback_wish FROM contacts WHERE id = ?1",
            [contact_id],
            |r| {
                Ok(r.get::<_, Option<u8>>(0)?
                    .map(|s| (s, r.get::<_, String>(1).unwrap_or_default())))
            },
        )?)
    }
}
