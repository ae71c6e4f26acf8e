//! Read models: queries shaped for a view (the board and its lists, search hits) over several
//! families.

pub(crate) mod board;
pub(crate) mod search_hits;
