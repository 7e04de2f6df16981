//! Bulk loading: filling a fresh database in one go (the generator).
//!
//! Inserting a million rows into tables whose secondary indexes are kept up to date row by row
//! touches index pages all over the file; building each index once at the end sorts its keys and
//! writes it in order, several times faster. Everything happens inside the caller's transaction,
//! so the indexes are dropped and built again all or nothing.

use crate::error::Result;

/// The secondary indexes of the bulk-loaded tables, as `(name, CREATE INDEX …)`. The implicit
/// indexes of UNIQUE and PRIMARY KEY constraints stay: they guard the data while it is loaded.
pub(crate) struct DroppedIndexes(Vec<(String, String)>);

/// Drops the secondary indexes of `appointments` and `contacts` (read from the schema, so an
/// index added by a later migration is handled too).
pub(crate) fn drop_indexes(tx: &rusqlite::Connection) -> Result<DroppedIndexes> {
    let list: Vec<(String, String)> = {
        let mut st = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('appointments', 'contacts')
             ORDER BY name",
        )?;
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &list {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(DroppedIndexes(list))
}

/// Builds the dropped indexes again, each in one sorted pass.
pub(crate) fn restore_indexes(tx: &rusqlite::Connection, dropped: DroppedIndexes) -> Result<()> {
    for (_, sql) in dropped.0 {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}
