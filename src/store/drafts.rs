//! Drafts of notes and summaries being typed.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::domain::dates::to_db;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    /// The note of a contact (target: the contact's id).
    Note,
    /// A citizen's living summary (target: the citizen's id).
    Summary,
}

impl DraftKind {
    fn key(self) -> &'static str {
        match self {
            DraftKind::Note => "note",
            DraftKind::Summary => "summary",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: DraftKind,
    pub target_id: i64,
    pub citizen_id: i64,
    pub text: String,
}

impl Store {
    /// Saves (or replaces) the draft; an empty text removes it.
    pub fn save_draft(&mut self, d: &Draft, now: NaiveDateTime) -> Result<()> {
        self.write(|tx| {
            if d.text.is_empty() {
                tx.execute("DELETE FROM drafts WHERE kind = ?1 AND target_id = ?2", params![d.kind.key(), d.target_id])?;
            } else {
                tx.execute(
                    "INSERT INTO drafts (kind, target_id, citizen_id, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (kind, target_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    params![d.kind.key(), d.target_id, d.citizen_id, d.text, to_db(now)],
                )?;
            }
            Ok(())
        })
    }

    pub fn delete_draft(&mut self, kind: DraftKind, target_id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM drafts WHERE kind = ?1 AND target_id = ?2",
                params![kind.key(), target_id],
            )?;
            Ok(())
        })
    }

    /// The most recent draft, if any (to offer back on start).
    pub fn latest_draft(&self) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .query_row(
                "SELECT kind, target_id, citizen_id, text FROM drafts ORDER BY updated_at DESC LIMIT 1",
                [],
                |r| {
                    let kind: String = r.get(0)?;
                    Ok(Draft {
                        kind: if kind == "summary" { DraftKind::Summary } else { DraftKind::Note },
                        target_id: r.get(1)?,
                        citizen_id: r.get(2)?,
                        text: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }
}
