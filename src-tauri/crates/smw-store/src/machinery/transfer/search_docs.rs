//! The search index of an import, built from the text kept as each record is loaded, rather
//! than read back from the tables at the end (a query with a lookup of the newest audit entry
//! per record, and a sort of all the text).
//!
//! Into a new workspace the index is built in a side file, on a second thread, while the
//! loading thread rebuilds the tables' indexes: both are single-threaded SQLite work, and one
//! core used to sit idle through each. The finished index is then copied in, table by table.

use crate::error::StoreResult;
use crate::search;
use crate::stored::Searchable;
use rusqlite::Connection;

/// The searchable text of the imported records, in a few large buffers: millions of small
/// strings would cost an allocation each.
#[derive(Default)]
pub(super) struct SearchDocs {
    /// Filled one after the other and never moved: one buffer grown by doubling was copied
    /// each time into fresh memory, which the kernel zeroes first. On this kind of machine
    /// that was about 7 % of the loading thread's time while records loaded.
    chunks: Vec<String>,
    docs: Vec<Doc>,
}

/// Text is kept in buffers of this size (a longer text gets a buffer of its own).
const CHUNK_BYTES: usize = 16 << 20;

/// One record's entry, whether or not it has text to index.
struct Doc {
    /// The number of the record's newest audit entry, which numbers its document (search.rs).
    seq: i64,
    indexed: bool,
    chunk: usize,
    start: usize,
    title_end: usize,
    end: usize,
}

/// Which record a doc is: the reader numbers every record in the order of the file.
pub(super) type DocIndex = usize;

impl SearchDocs {
    /// Keeps the text of record `index`, if it has any to index; `index` must be the next one.
    /// Its doc is numbered once the record's audit entries are read.
    pub(super) fn push(&mut self, index: DocIndex, text: Option<Searchable>) {
        debug_assert_eq!(index, self.docs.len(), "docs are kept in the order the reader numbers them");
        let Some(Searchable { title, body }) = text else {
            self.docs.push(Doc { seq: 0, indexed: false, chunk: 0, start: 0, title_end: 0, end: 0 });
            return;
        };
        let length = title.len() + body.len();
        if self.chunks.last().is_none_or(|chunk| chunk.capacity() - chunk.len() < length) {
            self.chunks.push(String::with_capacity(length.max(CHUNK_BYTES)));
        }
        let chunk = self.chunks.len() - 1;
        let text = &mut self.chunks[chunk];
        let start = text.len();
        text.push_str(title);
        let title_end = text.len();
        text.push_str(&body);
        self.docs.push(Doc { seq: 0, indexed: true, chunk, start, title_end, end: text.len() });
    }

    /// A doc's title and body.
    fn text_of(&self, doc: &Doc) -> (&str, &str) {
        let text = &self.chunks[doc.chunk];
        (&text[doc.start..doc.title_end], &text[doc.title_end..doc.end])
    }

    /// Numbers a doc by an audit entry of its record; the newest, read last, wins.
    pub(super) fn numbered(&mut self, doc: DocIndex, seq: i64) {
        self.docs[doc].seq = seq;
    }

    /// Indexes every doc into the empty search index behind `conn`, inside its open
    /// transaction, in the order of their numbers: FTS5 builds its segments fastest so.
    pub(super) fn index_in_place(mut self, conn: &Connection) -> StoreResult<()> {
        self.docs.sort_unstable_by_key(|doc| doc.seq);
        search::bulk_load(conn, || {
            let mut insert = conn.prepare("INSERT INTO search_index (rowid, title, body) VALUES (?1, ?2, ?3)")?;
            for doc in self.docs.iter().filter(|doc| doc.indexed) {
                let (title, body) = self.text_of(doc);
                insert.execute(rusqlite::params![doc.seq, title, body])?;
            }
            Ok(())
        })
    }

    /// Builds the index in a new file at `side` on a second thread while `meanwhile` runs on
    /// this one; [`copy_in`] then brings it into the workspace.
    pub(super) fn index_beside(
        self,
        conn: &Connection,
        side: &str,
        meanwhile: impl FnOnce() -> StoreResult<()>,
    ) -> StoreResult<()> {
        // The side index is made by the very statement that made the workspace's.
        let definition: String =
            conn.query_row("SELECT sql FROM sqlite_master WHERE name = 'search_index'", [], |row| row.get(0))?;
        let page_size: i64 = conn.query_row("PRAGMA page_size", [], |row| row.get(0))?;
        std::thread::scope(|scope| {
            let built = scope.spawn(move || -> StoreResult<()> {
                let side = Connection::open(side)?;
                // Nothing to protect in a file that is thrown away on any failure.
                side.execute_batch(&format!(
                    "PRAGMA page_size = {page_size}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                ))?;
                side.execute_batch(&definition)?;
                let tx = side.unchecked_transaction()?;
                self.index_in_place(&tx)?;
                tx.commit()?;
                Ok(())
            });
            let ours = meanwhile();
            let theirs = built.join().map_err(|_| std::io::Error::other("building the search index failed"))?;
            ours.and(theirs)
        })
    }
}

/// Replaces the workspace's empty search index with the one [`SearchDocs::index_beside`]
/// built at `side`, in one transaction. FTS5 keeps an index wholly in its shadow tables, so
/// copying them row for row copies the index.
pub(super) fn copy_in(conn: &Connection, side: &str) -> StoreResult<()> {
    // Attached only now: a transaction that began with the file attached would lock it.
    conn.execute("ATTACH DATABASE ?1 AS built", [side])?;
    let copied = (|| -> StoreResult<()> {
        let tx = conn.unchecked_transaction()?;
        let shadow_tables: Vec<String> = tx
            .prepare("SELECT name FROM built.sqlite_master WHERE type = 'table' AND name LIKE 'search\\_index\\_%' ESCAPE '\\'")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for table in shadow_tables {
            // Names from our own schema, never from input.
            tx.execute_batch(&format!(
                "DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" SELECT * FROM built.\"{table}\";"
            ))?;
        }
        Ok(tx.commit()?)
    })();
    conn.execute_batch("DETACH DATABASE built")?;
    copied
}

#[cfg(test)]
mod tests {
    use super::{SearchDocs, CHUNK_BYTES};
    use crate::stored::Searchable;

    #[test]
    fn text_is_kept_whole_across_buffers() {
        // Titles and bodies that fill buffers part way, one longer than a buffer, and records
        // with nothing to index in between.
        let texts: Vec<Option<(String, String)>> = vec![
            Some(("first".into(), "a".repeat(CHUNK_BYTES / 2))),
            None,
            Some(("second".into(), "b".repeat(CHUNK_BYTES / 2))),
            Some(("longer than a buffer".into(), "c".repeat(CHUNK_BYTES + 1))),
            Some(("after it".into(), "d".into())),
            None,
            Some((String::new(), String::new())),
        ];
        let mut docs = SearchDocs::default();
        for (index, text) in texts.iter().enumerate() {
            let searchable = text.as_ref().map(|(title, body)| Searchable { title, body: body.into() });
            docs.push(index, searchable);
        }
        assert!(docs.chunks.len() >= 3, "the test must cross buffers");
        for (doc, text) in docs.docs.iter().zip(&texts) {
            assert_eq!(doc.indexed, text.is_some());
            if let Some((title, body)) = text {
                assert_eq!(docs.text_of(doc), (title.as_str(), body.as_str()));
            }
        }
    }
}
