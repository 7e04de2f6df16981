//! The store on its own: migrations, windows, refresh.

use jobdesk::store::{MIGRATIONS, Migration, Store, migrate};

fn version(c: &rusqlite::Connection) -> u32 {
    c.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn an_older_database_runs_only_the_migrations_it_lacks_and_keeps_its_rows() {
    let mut c = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    let first = &MIGRATIONS[..1];
    migrate(&mut c, first).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version(&c), 1);
    c.execute(
        "INSERT INTO citizens (name, name_key, sort_key, target_group, created_at) VALUES ('A', 'a', 'a', 'other', '2026-01-01T00:00:00')",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut next: Vec<Migration> = first.to_vec();
    next.push(Migration {
        version: 2,
        sql: "ALTER TABLE citizens ADD COLUMN nickname TEXT NOT NULL DEFAULT '';".into(),
    });
    migrate(&mut c, &next).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version(&c), 2);
    let (n, nick): (i64, String) = c
        .query_row("SELECT count(*), max(nickname) FROM citizens", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap_or_default();
    assert_eq!((n, nick.as_str()), (1, ""));
    // Running again changes nothing.
    migrate(&mut c, &next).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version(&c), 2);
}

#[test]
fn a_failing_migration_leaves_the_database_as_it_was() {
    let mut c = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    migrate(&mut c, &MIGRATIONS[..1]).unwrap_or_else(|e| panic!("{e}"));
    let mut next: Vec<Migration> = MIGRATIONS[..1].to_vec();
    next.push(Migration {
        version: 2,
        sql: "CREATE TABLE t2 (x); CREATE TABLE citizens (nope);".into(),
    });
    let e = migrate(&mut c, &next)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("migration to database version 2 failed"), "{e}");
    assert_eq!(version(&c), 1);
    let t2: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 't2'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(-1);
    assert_eq!(t2, 0, "the half-done step was rolled back");
}

#[test]
fn lists_return_only_the_window_asked_for() {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default();
    jobdesk::generate::generate(
        &mut store,
        jobdesk::generate::Spec {
            citizens: 50,
            years: 1,
            seed: 2,
            now,
        },
        &mut |_, _| {},
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let all = jobdesk::store::CitizenFilter {
        include_archived: true,
        text: String::new(),
    };
    let page = store
        .citizens(&all, jobdesk::store::CitizenOrder::Name, 10, 5)
        .unwrap_or_default();
    let whole = store
        .citizens(&all, jobdesk::store::CitizenOrder::Name, 0, 100)
        .unwrap_or_default();
    assert_eq!(page.len(), 5);
    assert_eq!(page, whole[10..15].to_vec());
    assert_eq!(store.count_citizens(&all).unwrap_or(0), 50);
    let f = jobdesk::store::CitizenFilter {
        include_archived: true,
        text: jobdesk::domain::text::fold(&whole[0].name),
    };
    let found = store
        .citizens(&f, jobdesk::store::CitizenOrder::Name, 0, 100)
        .unwrap_or_default();
    assert!(found.iter().any(|c| c.id == whole[0].id));
}
