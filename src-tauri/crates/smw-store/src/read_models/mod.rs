//! Read models: queries shaped for a view (the board and its lists) over several families.

pub(crate) mod board;
