//! Data made up for people to look at (the demo organisation) and for measuring (the benchmark),
//! written through the same audited write path as everything else.

pub mod bench;
pub mod bench_changes;
pub mod bench_estate;
pub mod demo;
mod demo_changes;
pub(crate) mod demo_estate;
