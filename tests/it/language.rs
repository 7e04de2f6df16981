//! The language of a run, as a new user meets it: `--lang`, then the config's `lang`, then
//! LC_ALL / LC_MESSAGES / LANG, then the operating system's language, else Danish; and the
//! command line's help and errors worded in it.

use std::path::PathBuf;

use crate::support::{bad, command, generated, jobdesk, ok, tmpdir};

/// A settings file with `text` in a new folder (kept alive by the returned folder).
fn config(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tmpdir();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write config: {e}"));
    (dir, path)
}

/// The binary with no locale in its environment at all (as on Windows, or a bare shell).
fn no_locale() -> assert_cmd::Command {
    let mut c = command();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE");
    c
}

fn assert_danish_help(text: &str) {
    for da in [
        "Brug: jobdesk",
        "Kommandoer:",
        "Tilvalg:",
        "Planlæg én aftale",
        "Vis hjælp",
    ] {
        assert!(text.contains(da), "'{da}' missing in:\n{text}");
    }
    for en in ["Usage:", "Commands:", "Options:", "Print help", "[OPTIONS]"] {
        assert!(!text.contains(en), "'{en}' left in:\n{text}");
    }
}

#[test]
fn help_is_danish_from_the_config_with_no_lang_variable() {
    let (_dir, cfg) = config("lang = \"da\"\n");
    let text = ok(no_locale().env("JOBDESK_CONFIG", &cfg).arg("--help"));
    assert_danish_help(&text);
    assert!(text.contains("Exitkoder: 0 ok"), "{text}");
    let plan = ok(no_locale()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["plan", "--help"]));
    assert!(
        plan.contains("Brug: jobdesk plan [TILVALG] --citizen <ID>"),
        "{plan}"
    );
    assert!(
        plan.contains("Borgerens id (se `jobdesk citizens`)"),
        "{plan}"
    );
    assert!(plan.contains("Databasefilen"), "{plan}");
}

#[test]
fn lang_en_on_the_command_line_beats_the_config() {
    let (_dir, cfg) = config("lang = \"da\"\n");
    let text = ok(no_locale()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["--lang", "en", "--help"]));
    assert!(
        text.contains("Usage: jobdesk [OPTIONS] [COMMAND]"),
        "{text}"
    );
    assert!(text.contains("Plan one appointment"), "{text}");
    assert!(!text.contains("Kommandoer"), "{text}");
    // After the command too (`--lang` is global), and with `=`.
    let text = ok(no_locale()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["plan", "--help", "--lang=en"]));
    assert!(text.contains("The citizen's id"), "{text}");
}

#[test]
fn the_config_beats_the_environment_and_the_environment_beats_the_default() {
    let (_dir, da) = config("lang = \"da\"\n");
    let text = ok(command()
        .env("LANG", "en_US.UTF-8")
        .env("JOBDESK_CONFIG", &da)
        .arg("--help"));
    assert_danish_help(&text);
    let (_dir2, en) = config("lang = \"en\"\n");
    let text = ok(command()
        .env("LANG", "da_DK.UTF-8")
        .env("JOBDESK_CONFIG", &en)
        .arg("--help"));
    assert!(text.contains("Usage:"), "{text}");
    // No config: LANG decides.
    let text = ok(command().env("LANG", "da_DK.UTF-8").arg("--help"));
    assert_danish_help(&text);
    let text = ok(command().env("LANG", "en_GB.UTF-8").arg("--help"));
    assert!(text.contains("Usage:"), "{text}");
}

/// With no `--lang`, no config and no locale variable, the operating system's language is asked
/// (on Linux it is the same variables, so nothing) and the answer is Danish.
#[cfg(target_os = "linux")]
#[test]
fn nothing_said_anywhere_means_danish() {
    let text = ok(no_locale().arg("--help"));
    assert_danish_help(&text);
    let dir = tmpdir();
    let db = generated(&dir, 30);
    let out = ok(no_locale().arg("--db").arg(&db).arg("agenda"));
    assert!(out.starts_with("mandag 23.11.2026 (uge 48)"), "{out}");
}

#[test]
fn bad_command_lines_are_refused_in_danish() {
    let da = |args: &[&str]| bad(command().args(["--lang", "da"]).args(args));
    let err = da(&["plan", "--citzen", "3"]);
    assert!(
        err.starts_with("jobdesk: '--citzen' er ikke et tilvalg her"),
        "{err}"
    );
    assert!(err.contains("mente du '--citizen'?"), "{err}");
    assert!(err.contains("Mere hjælp: '--help'."), "{err}");
    let err = da(&["agenda", "--date"]);
    assert!(err.contains("'--date <DATE>' mangler en værdi"), "{err}");
    let err = da(&[
        "plan",
        "--citizen",
        "abc",
        "--at",
        "i dag 10:00",
        "--channel",
        "phone",
    ]);
    assert!(
        err.contains("'abc' er ikke en gyldig værdi for '--citizen <ID>': ikke et helt tal"),
        "{err}"
    );
    let err = da(&["plan", "--citizen", "3"]);
    assert!(
        err.contains("disse skal gives:") && err.contains("--at <DATETIME>"),
        "{err}"
    );
    let err = da(&["agendaa"]);
    assert!(err.contains("'agendaa' er ikke en kommando"), "{err}");
    assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    // jobdesk's own checks after clap, too.
    let dir = tmpdir();
    let db = generated(&dir, 30);
    let err = bad(jobdesk(&db).args(["--lang", "da", "agenda", "--date", "2026-13-01"]));
    assert!(err.starts_with("jobdesk: --date: "), "{err}");
    assert!(!err.contains("no month"), "{err}");
    // English stays clap's own.
    let err = bad(command().args(["--lang", "en", "plan", "--citzen", "3"]));
    assert!(
        err.contains("error: unexpected argument '--citzen'"),
        "{err}"
    );
}

#[test]
fn a_config_lang_that_is_not_a_language_is_named_with_the_choices() {
    let (_dir, cfg) = config("lang = \"dansk\"\n");
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let err = bad(jobdesk(&db).env("JOBDESK_CONFIG", &cfg).arg("citizens"));
    assert!(err.contains("line 1"), "{err}");
    assert!(
        err.contains("lang = \"dansk\"") && err.contains("\"da\"") && err.contains("\"en\""),
        "{err}"
    );
    // Help still works beside it.
    ok(command().env("JOBDESK_CONFIG", &cfg).arg("--help"));
}

#[test]
fn jobdesk_s_own_messages_are_danish_too() {
    let dir = tmpdir();
    let db = generated(&dir, 30);
    let there = dir.path().join("there.csv");
    std::fs::write(&there, "x").unwrap_or_else(|e| panic!("{e}"));
    let da = |args: &[&str]| bad(jobdesk(&db).args(["--lang", "da"]).args(args));
    let err = da(&["export", "csv", "-o", &there.display().to_string()]);
    assert!(err.contains("findes allerede: giv --force"), "{err}");
    assert!(!err.contains("already"), "{err}");
    let err = da(&[
        "plan",
        "--citizen",
        "1",
        "--at",
        "i dag 10:00",
        "--channel",
        "bus",
    ]);
    assert!(
        err.contains("--channel: ukendt kanal 'bus': brug en af in_person"),
        "{err}"
    );
    let err = da(&["agenda", "--days", "0"]);
    assert!(err.contains("--days 0 er uden for området"), "{err}");
    let err = da(&["report", "closure"]);
    assert!(err.contains("der er endnu ingen nedlukning"), "{err}");
    // The same in English, as before.
    let err = bad(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--at",
        "today 10:00",
        "--channel",
        "bus",
    ]));
    assert!(err.contains("--channel: unknown channel 'bus'"), "{err}");
    let out = ok(no_locale().env("JOBDESK_DB", &db).args(["config"]));
    assert!(
        out.contains("findes ikke endnu") || out.contains("i brug"),
        "{out}"
    );
}
