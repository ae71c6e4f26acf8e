//! The hash map for the maps that hold one entry per record of a whole workspace (import's
//! and verify's). They grow to millions of entries keyed by ids and keys from the user's own
//! file, local to one run: SipHash's resistance to chosen keys costs more there than it
//! protects, so they hash with foldhash.

pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
