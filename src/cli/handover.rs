//! `jobdesk handover export|import`: cover for a colleague. The chosen citizens with all their
//! rows go into one encrypted jobdesk database (a passphrase typed twice), which the colleague's
//! jobdesk merges into theirs by uuid.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Ctx, prompt};
use crate::domain::TargetGroup;
use crate::error::{Result, user};
use crate::i18n::handover as words;
use crate::store::{Create, Selection};
use crate::transfer::{self, Target};

/// The passphrase of a hand-over file, for scripts (else typed on the terminal).
pub const HANDOVER_PASSPHRASE_ENV: &str = "JOBDESK_HANDOVER_PASSPHRASE";

#[derive(Debug, Subcommand)]
pub enum HandoverCommand {
    /// Write citizens with their appointments, contacts, agreements and drafts into one
    /// encrypted file for a colleague (a passphrase typed twice, or JOBDESK_HANDOVER_PASSPHRASE)
    Export(HandoverExportArgs),
    /// Merge a colleague's hand-over file into this database by uuid: new citizens are added,
    /// newer rows taken, a citizen changed on both sides is listed and left as it is
    Import(HandoverImportArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["citizen", "target_group", "all"])))]
pub struct HandoverExportArgs {
    /// A citizen's id (repeat for more)
    #[arg(long, value_name = "ID")]
    pub citizen: Vec<i64>,
    /// Every active citizen of a target group
    #[arg(long, value_name = "G")]
    pub target_group: Option<String>,
    /// Every active citizen
    #[arg(long)]
    pub all: bool,
    /// The file to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct HandoverImportArgs {
    /// A file written by `jobdesk handover export`
    pub file: PathBuf,
}

pub fn run(c: HandoverCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match c {
        HandoverCommand::Export(a) => export(&a, ctx, out),
        HandoverCommand::Import(a) => import(&a, ctx, out),
    }
}

fn export(a: &HandoverExportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let sel = if a.all {
        Selection::All
    } else if let Some(g) = &a.target_group {
        Selection::TargetGroup(ctx.word::<TargetGroup>("--target-group", g)?)
    } else {
        Selection::Citizens(a.citizen.clone())
    };
    let target = Target::new(Some(&a.output), a.force)?;
    let consultant = ctx.config()?.consultant.clone();
    let mut store = ctx.open_store(Create::No)?;
    let ids = store.handover_ids(&sel)?;
    if ids.is_empty() {
        return Err(user(words::nobody(ctx.lang)));
    }
    let pass = prompt::new_passphrase(ctx.lang, HANDOVER_PASSPHRASE_ENV)?;
    let h = transfer::handover_to_file(&mut store, &ids, &target, &pass, consultant, ctx.now)?;
    writeln!(
        out,
        "{}",
        words::exported(ctx.lang, h.citizens.len(), h.rows(), &target.recorded())
    )?;
    Ok(())
}

fn import(a: &HandoverImportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let shown = a.file.display().to_string();
    if !a.file.is_file() {
        return Err(user(words::not_a_file(ctx.lang, &shown)));
    }
    let mut store = ctx.open_store(Create::No)?;
    let pass = match prompt::passphrase_from_env(HANDOVER_PASSPHRASE_ENV) {
        Some(p) => p,
        None => prompt::read_secret(&words::prompt_file(ctx.lang, &shown))?
            .ok_or_else(|| user(words::no_passphrase(ctx.lang, HANDOVER_PASSPHRASE_ENV)))?,
    };
    let m = transfer::handover_from_file(&mut store, &a.file, &pass, &shown, ctx.now, ctx.lang)?;
    writeln!(
        out,
        "{}",
        words::imported(ctx.lang, m.added, m.updated, m.unchanged, m.kept)
    )?;
    if !m.conflicts.is_empty() {
        writeln!(out, "{}", words::conflicts(ctx.lang, m.conflicts.len()))?;
        for c in &m.conflicts {
            writeln!(
                out,
                "{}",
                words::conflict(ctx.lang, c.citizen_id, &c.name, c.same_cpr)
            )?;
        }
    }
    Ok(())
}
