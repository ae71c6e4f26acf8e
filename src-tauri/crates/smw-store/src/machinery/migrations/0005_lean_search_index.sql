-- Two costs every large workspace paid for nothing (a 1 M-ticket workspace: ~4 M indexed
-- documents, ~3 M comments):
--
-- * The search index kept every word's positions, for phrase and NEAR queries that search
--   never makes: what a person types becomes one quoted word per term, all required. Without
--   positions (detail = none) the index is a third of the size, fills faster after an
--   import, and SQLite's integrity check (which `smw verify` runs) walks a third of it.
--   Relevance ranking, used below 100 hits, still weighs how rare a word is and how long the
--   document is; it no longer counts repeats of a word within one document.
--   Without positions every searched word must also be one token, so combining marks count as
--   parts of a word (categories ... M*), as they do for `search::fts_query`: a Hindi word
--   with a vowel sign is one word to both.
-- * comments_key, a unique index on comment keys: comments are only ever reached by their
--   parent or their id, and their keys come from the key counter (and are checked on import),
--   so the index was an entry per comment in every write, import and integrity check.
DROP INDEX comments_key;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body,
    content = '', contentless_delete = 1, detail = none,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
