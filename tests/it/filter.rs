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
