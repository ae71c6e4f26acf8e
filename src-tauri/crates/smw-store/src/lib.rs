//! The SMS Workbench store.
