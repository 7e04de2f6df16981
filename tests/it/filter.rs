//! One folding and one filter line (issue 13): the Danish letters met by their old spellings in
//! the stored folded names (recomputed for an older database), the filter's terms in both
//! languages in every list of the store, and the written log channels on the command line.

use jobdesk::store::{MIGRATIONS, migrate};

#[test]
fn an_older_database_gets_its_folded_names_recomputed() {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    let before: Vec<_> = MIGRATIONS
        .iter()
        .filter(|m| m.version <= 7)
        .cloned()
        .collect();
    migrate(&mut conn, &before).unwrap_or_else(|e| panic!("{e:#}"));
    // The folded names as the version before wrote them: "aa" and "oe" kept.
    for (name, key) in [
        ("Søren Aagaard", "soren aagaard"),
        ("Mads Moeller", "mads moeller"),
        ("Åse Ærø", "ase aero"),
    ] {
        conn.execute(
            "INSERT INTO citizens (name, name_key, sort_key, target_group, created_at)
             VALUES (?1, ?2, ?2, 'other', '2026-01-01T00:00:00')",
            [name, key],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    migrate(&mut conn, &MIGRATIONS).unwrap_or_else(|e| panic!("{e:#}"));
    let keys: Vec<String> = conn
        .prepare("SELECT name_key FROM citizens ORDER BY id")
        .and_then(|mut st| {
            st.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect::<Result<_, _>>())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(keys, vec!["soren agard", "mads moller", "ase aero"]);
    // The caseload's filter reads its covering index, not the table.
    let plan: String = conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM citizens
             WHERE archived = 0 AND instr(name_key, 'soren') > 0",
        )
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(3))
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        })
        .unwrap_or_else(|e| panic!("{e}"))
        .join("; ");
    assert!(
        plan.contains("USING COVERING INDEX citizens_active_search"),
        "{plan}"
    );
}

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::closure::NewClosure;
use jobdesk::domain::filter::Filter;
use jobdesk::domain::{
    Channel, Kind, NewAppointment, NewCitizen, NewContact, Outcome, Status, TargetGroup,
};
use jobdesk::store::{
    AppointmentFilter, CitizenFilter, CitizenOrder, Clock, ContactFilter, Create, OpenOptions,
    Store,
};

use crate::support::*;

fn t(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_default()
}

fn today() -> NaiveDate {
    t(23, 9).date()
}

/// A store at "now" (Monday 23 November 2026, 09:00) with a small caseload: ids in order of
/// [`PEOPLE`].
fn caseload(dir: &tempfile::TempDir) -> (Store, Vec<i64>) {
    let opts = OpenOptions::new(Create::Yes).clock(Clock::fixed(t(23, 9)));
    let mut store = Store::open(&db_in(dir), &opts).unwrap_or_else(|e| panic!("{e:#}"));
    let mut ids = Vec::new();
    for (name, phone, group, start, mentor, summary) in PEOPLE {
        let id = store
            .add_citizen(&NewCitizen {
                name: name.to_string(),
                phone: phone.to_string(),
                target_group: Some(*group),
                benefit_start: NaiveDate::parse_from_str(start, "%Y-%m-%d").ok(),
                mentor: *mentor,
                summary: summary.to_string(),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e:#}"));
        ids.push(id);
    }
    (store, ids)
}

type Person = (
    &'static str,
    &'static str,
    TargetGroup,
    &'static str,
    bool,
    &'static str,
);

const PEOPLE: &[Person] = &[
    // Due long ago (overdue), sickness benefit.
    (
        "Søren Hansen",
        "20 30 40 50",
        TargetGroup::Sygedagpenge,
        "2026-09-01",
        false,
        "",
    ),
    (
        "Åse Jørgensen",
        "21 22 23 24",
        TargetGroup::KontanthjaelpJobparat,
        "2026-11-20",
        true,
        "",
    ),
    (
        "Mads Møller",
        "31 32 33 34",
        TargetGroup::Dagpenge,
        "2026-11-20",
        false,
        "",
    ),
    (
        "Hanne Hækkerup",
        "41 42 43 44",
        TargetGroup::Other,
        "",
        false,
        "",
    ),
    (
        "Jens Aagaard",
        "51 52 53 54",
        TargetGroup::Sygedagpenge,
        "2026-11-22",
        true,
        "",
    ),
];

fn names(store: &Store, text: &str) -> Vec<String> {
    let f = CitizenFilter {
        include_archived: false,
        text: text.to_string(),
    };
    let list = store
        .citizens(&f, CitizenOrder::Name, 0, 100)
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(
        store.count_citizens(&f).unwrap_or(usize::MAX),
        list.len(),
        "{text}"
    );
    let mut n: Vec<String> = list.into_iter().map(|c| c.name).collect();
    n.sort();
    n
}

#[test]
fn the_caseload_filter_meets_the_danish_letters_by_their_old_spellings() {
    let dir = tmpdir();
    let (store, _) = caseload(&dir);
    for q in ["soren", "soeren", "Søren", "SOEREN han"] {
        assert_eq!(names(&store, q), vec!["Søren Hansen"], "{q}");
    }
    for q in ["aase", "åse", "Aase Joergensen", "jorgensen"] {
        assert_eq!(names(&store, q), vec!["Åse Jørgensen"], "{q}");
    }
    for q in ["moeller", "møller", "Moller"] {
        assert_eq!(names(&store, q), vec!["Mads Møller"], "{q}");
    }
    for q in ["haekkerup", "hækkerup", "HÆKKE"] {
        assert_eq!(names(&store, q), vec!["Hanne Hækkerup"], "{q}");
    }
    for q in ["aagaard", "ågård", "agard"] {
        assert_eq!(names(&store, q), vec!["Jens Aagaard"], "{q}");
    }
}

#[test]
fn the_caseload_filter_searches_phone_and_group_and_takes_terms_in_both_languages() {
    let dir = tmpdir();
    let (mut store, ids) = caseload(&dir);
    // The phone number, with or without its spaces.
    assert_eq!(names(&store, "31323334"), vec!["Mads Møller"]);
    assert_eq!(names(&store, "2324"), vec!["Åse Jørgensen"]);
    // The target group's name as a word, and as a term.
    let sick = vec!["Jens Aagaard", "Søren Hansen"];
    assert_eq!(names(&store, "sygedagpenge"), sick);
    assert_eq!(names(&store, "sickness"), sick);
    for q in [
        "gruppe:sygedagpenge",
        "group:sickness",
        "målgruppe:syge",
        "GRUPPE: SDP",
    ] {
        assert_eq!(names(&store, q), sick, "{q}");
    }
    assert_eq!(names(&store, "gruppe:syge soren"), vec!["Søren Hansen"]);
    // Overdue: the next conversation was due before today.
    let overdue: Vec<String> = {
        let all = store
            .citizens(&CitizenFilter::default(), CitizenOrder::Name, 0, 100)
            .unwrap_or_default();
        let mut v: Vec<String> = all
            .into_iter()
            .filter(|c| c.next_due.is_some_and(|d| d < today()))
            .map(|c| c.name)
            .collect();
        v.sort();
        v
    };
    assert_eq!(overdue, vec!["Søren Hansen"], "the caseload's due dates");
    assert_eq!(names(&store, "overskredet"), overdue);
    assert_eq!(names(&store, "overdue"), overdue);
    // Mentor.
    let mentors = vec!["Jens Aagaard", "Åse Jørgensen"];
    assert_eq!(names(&store, "mentor"), mentors);
    assert_eq!(names(&store, "Mentor gruppe:syge"), vec!["Jens Aagaard"]);
    // Channel: citizens with a planned appointment on it from today on.
    store
        .add_appointment(&appointment(ids[2], t(25, 10), Channel::Video))
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(names(&store, "kanal:video"), vec!["Mads Møller"]);
    assert_eq!(names(&store, "channel:video"), vec!["Mads Møller"]);
    assert!(names(&store, "kanal:telefon").is_empty());
    // Nothing found, and an unknown term a word that finds nothing.
    assert!(names(&store, "zzz").is_empty());
    assert!(names(&store, "farve:blå").is_empty());
    // The due list of the Today pane takes the same line.
    let due = store
        .due_citizens(t(30, 0).date(), "gruppe:syge overskredet", 0, 100)
        .unwrap_or_default();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].name, "Søren Hansen");
    assert_eq!(
        store
            .count_due(t(30, 0).date(), "gruppe:syge overskredet")
            .unwrap_or(0),
        1
    );
}

fn appointment(citizen_id: i64, start: NaiveDateTime, channel: Channel) -> NewAppointment {
    NewAppointment {
        uuid: format!("a-{citizen_id}-{start}-{channel}"),
        citizen_id,
        kind: if channel.is_mentor_channel() {
            Kind::MentorVisit
        } else {
            Kind::Conversation
        },
        start,
        minutes: 30,
        channel,
        place: String::new(),
        status: Status::Planned,
        reason: String::new(),
    }
}

fn contact(citizen_id: i64, at: NaiveDateTime, channel: Channel, note: &str) -> NewContact {
    NewContact {
        uuid: format!("k-{citizen_id}-{at}-{channel}"),
        citizen_id,
        appointment_id: None,
        at,
        channel,
        outcome: Outcome::Held,
        minutes: 20,
        note: note.to_string(),
        counts: false,
    }
}

#[test]
fn the_log_and_the_agenda_filter_by_words_and_terms() {
    let dir = tmpdir();
    let (mut store, ids) = caseload(&dir);
    let day = |text: &str| ContactFilter {
        from: Some(t(20, 0)),
        to: Some(t(24, 0)),
        text: text.to_string(),
        ..Default::default()
    };
    store
        .add_contact(&contact(
            ids[0],
            t(20, 10),
            Channel::Phone,
            "Talte om husleje hos Møller",
        ))
        .unwrap_or_else(|e| panic!("{e:#}"));
    store
        .add_contact(&contact(
            ids[1],
            t(20, 11),
            Channel::Sms,
            "Påmindelse sendt",
        ))
        .unwrap_or_else(|e| panic!("{e:#}"));
    store
        .add_contact(&contact(ids[4], t(21, 9), Channel::Walk, "Gåtur ved åen"))
        .unwrap_or_else(|e| panic!("{e:#}"));
    let log = |text: &str| -> Vec<i64> {
        let f = day(text);
        let list = store
            .contacts(&f, 0, 100)
            .unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            store.count_contacts(&f).unwrap_or(usize::MAX),
            list.len(),
            "{text}"
        );
        let mut v: Vec<i64> = list.into_iter().map(|c| c.citizen_id).collect();
        v.sort();
        v
    };
    // Note text, folded ("moeller" finds "Møller" in the note, "aaen" finds "åen").
    assert_eq!(log("husleje"), vec![ids[0]]);
    assert_eq!(log("moeller"), vec![ids[0]]);
    assert_eq!(log("aaen"), vec![ids[4]]);
    assert_eq!(log("paamindelse"), vec![ids[1]]);
    // The citizen's name, phone and group.
    assert_eq!(log("aase"), vec![ids[1]]);
    assert_eq!(log("2030"), vec![ids[0]]);
    assert_eq!(log("sygedagpenge"), vec![ids[0], ids[4]]);
    // Terms in both languages.
    assert_eq!(log("kanal:sms"), vec![ids[1]]);
    assert_eq!(log("channel:text_message"), vec![ids[1]]);
    assert_eq!(log("kanal:telefon"), vec![ids[0]]);
    assert_eq!(log("channel:phone"), vec![ids[0]]);
    assert_eq!(log("gruppe:syge"), vec![ids[0], ids[4]]);
    assert_eq!(log("group:sickness kanal:gåtur"), vec![ids[4]]);
    assert_eq!(log("overskredet"), vec![ids[0]]);
    assert_eq!(log("overdue"), vec![ids[0]]);
    // Mentor: citizens with a mentor agreement, and entries on a mentor's channel.
    assert_eq!(log("mentor"), vec![ids[1], ids[4]]);

    // The agenda: name, phone, group, place; the terms.
    let mut video = appointment(ids[2], t(23, 10), Channel::Video);
    video.place = "Jobcenter Aabenraa".into();
    store
        .add_appointment(&video)
        .unwrap_or_else(|e| panic!("{e:#}"));
    store
        .add_appointment(&appointment(ids[0], t(23, 11), Channel::Phone))
        .unwrap_or_else(|e| panic!("{e:#}"));
    store
        .add_appointment(&appointment(ids[3], t(23, 12), Channel::HomeVisit))
        .unwrap_or_else(|e| panic!("{e:#}"));
    let agenda = |text: &str| -> Vec<i64> {
        let f = AppointmentFilter {
            from: Some(t(23, 0)),
            to: Some(t(24, 0)),
            text: text.to_string(),
            ..Default::default()
        };
        let list = store
            .appointments(&f, 0, 100)
            .unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            store.count_appointments(&f).unwrap_or(usize::MAX),
            list.len(),
            "{text}"
        );
        list.into_iter().map(|a| a.citizen_id).collect()
    };
    assert_eq!(agenda(""), vec![ids[2], ids[0], ids[3]]);
    assert_eq!(agenda("soeren"), vec![ids[0]]);
    assert_eq!(agenda("åbenrå"), vec![ids[2]]);
    assert_eq!(agenda("kanal:video"), vec![ids[2]]);
    assert_eq!(agenda("channel:phone"), vec![ids[0]]);
    assert_eq!(agenda("gruppe:dagpenge"), vec![ids[2]]);
    assert_eq!(agenda("overskredet"), vec![ids[0]]);
    // A home visit is a mentor visit, though Hanne has no mentor agreement.
    assert_eq!(agenda("mentor"), vec![ids[3]]);
}

#[test]
fn the_closure_call_list_filters_too() {
    let dir = tmpdir();
    let (mut store, ids) = caseload(&dir);
    let started = store
        .start_closure(
            &NewClosure {
                name: "Vinter".into(),
                from: t(23, 0).date(),
                to: t(27, 0).date(),
                counts_held: false,
            },
            false,
            t(23, 9),
        )
        .unwrap_or_else(|e| panic!("{e:#}"));
    let id = started.closure.id;
    let calls = |text: &str| -> Vec<i64> {
        let f = Filter::parse(text);
        let list = store
            .call_list_filtered(id, today(), &f, 0, 100)
            .unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            store.count_call_list(id, today(), &f).unwrap_or(usize::MAX),
            list.len(),
            "{text}"
        );
        let mut v: Vec<i64> = list.into_iter().map(|c| c.citizen_id).collect();
        v.sort();
        v
    };
    assert_eq!(calls("").len(), ids.len());
    assert_eq!(
        store
            .call_list(id, today(), 0, 100)
            .unwrap_or_default()
            .len(),
        ids.len()
    );
    assert_eq!(calls("soeren"), vec![ids[0]]);
    assert_eq!(calls("aagaard"), vec![ids[4]]);
    assert_eq!(calls("5152"), vec![ids[4]]);
    assert_eq!(calls("gruppe:sygedagpenge"), vec![ids[0], ids[4]]);
    assert_eq!(calls("group:sickness mentor"), vec![ids[4]]);
    assert_eq!(calls("mentor"), vec![ids[1], ids[4]]);
    // A window of the filtered list.
    let w = store
        .call_list_filtered(id, today(), &Filter::parse("mentor"), 1, 1)
        .unwrap_or_default();
    assert_eq!(w.len(), 1);
}

#[test]
fn written_channels_are_logged_listed_and_exported_but_never_count() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Åse Jørgensen",
        "--target-group",
        "dagpenge",
    ]));
    let id = id.trim();
    for (word, key) in [
        ("sms", "sms"),
        ("e-mail", "email"),
        ("mail", "email"),
        ("digital post", "digital_post"),
        ("jobnet", "digital_post"),
        ("brev", "letter"),
        ("letter", "letter"),
    ] {
        let out = ok(jobdesk(&db).args([
            "log",
            "add",
            "--citizen",
            id,
            "--channel",
            word,
            "--outcome",
            "held",
            "--note",
            key,
        ]));
        assert!(out.trim().parse::<i64>().is_ok(), "{word}: {out}");
    }
    let rows = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--citizen",
        id,
        "--json",
    ])));
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        assert_eq!(r["channel"], r["note"], "{r}");
        assert_eq!(r["counts"], serde_json::Value::Bool(false), "{r}");
        assert_eq!(r["kind"], "conversation", "{r}");
    }
    // A phone call held the same way does count: the written ones are left out by their channel.
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        id,
        "--channel",
        "telefon",
        "--outcome",
        "held",
        // The citizen's first conversation, by phone: counted when confirmed.
        "--counts",
        "yes",
    ]));
    let rows = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--citizen",
        id,
        "--json",
    ])));
    let counting: Vec<&serde_json::Value> = rows
        .as_array()
        .map(|v| v.iter().filter(|r| r["counts"] == true).collect())
        .unwrap_or_default();
    assert_eq!(counting.len(), 1);
    assert_eq!(counting[0]["channel"], "phone");
    // The words in a table and in the CSV export, in both languages.
    let da = ok(jobdesk(&db).args(["--lang", "da", "log", "list", "--citizen", id]));
    for w in ["sms", "e-mail", "digital post", "brev"] {
        assert!(da.contains(w), "{w}: {da}");
    }
    let en = ok(jobdesk(&db).args(["--lang", "en", "log", "list", "--citizen", id]));
    for w in ["SMS", "e-mail", "digital post", "letter"] {
        assert!(en.contains(w), "{w}: {en}");
    }
    let csv = ok(jobdesk(&db).args([
        "--lang",
        "da",
        "export",
        "csv",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        "-",
    ]));
    for w in ["sms", "e-mail", "digital post", "brev"] {
        assert!(csv.contains(w), "{w}: {csv}");
    }
    // An unknown channel names the new keys too.
    let err = bad(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        id,
        "--channel",
        "fax",
        "--outcome",
        "held",
    ]));
    assert!(err.contains("sms, email, digital_post, letter"), "{err}");
}
