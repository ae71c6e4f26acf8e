//! Build script of the desktop app: compiles `tauri.conf.json` into the binary and builds the
//! access-control list from `src-tauri/capabilities/`.

/// Every command the shell registers in `lib.rs`. tauri-build turns each into an
/// `allow-<command>` permission, and the main window's capability grants them one by one, so a
/// command that is registered but not listed here cannot be called from the UI.
const APP_COMMANDS: &[&str] = &[
    // workspace
    "workspace_info",
    "workspace_open",
    "workspace_create",
    "workspace_pick_open",
    "workspace_pick_create",
    "workspace_load_demo",
    "actor_set",
    "workspace_verify",
    // directory
    "directory",
    "actor_introduce",
    "person_create",
    "person_update",
    "person_retire",
    "group_create",
    "group_update",
    "group_retire",
    "location_create",
    "location_update",
    "location_retire",
    // catalogue
    "service_create",
    "service_update",
    "service_retire",
    "customer_create",
    "customer_update",
    "customer_retire",
    "supplier_create",
    "supplier_update",
    "supplier_retire",
    // tickets
    "board",
    "tickets_list",
    "ticket_get",
    "ticket_create",
    "ticket_update",
    "ticket_transition",
    "comment_add",
    "link_add",
    "link_remove",
    // search
    "search",
    // problems
    "problems_list",
    "problem_get",
    "problem_create",
    "problem_update",
    "known_errors_search",
    // service levels (calendars, agreements, figures, exports)
    "calendars_list",
    "calendar_get",
    "calendar_create",
    "calendar_update",
    "calendar_import_holidays",
    "slas_list",
    "sla_get",
    "sla_create",
    "sla_update",
    "olas_list",
    "ola_get",
    "ola_create",
    "ola_update",
    "contracts_list",
    "contract_get",
    "contract_create",
    "contract_update",
    "sla_consistency",
    "sla_report",
    "sla_at_risk",
    "ticket_clocks",
    "file_save",
    // configuration management
    "cis_list",
    "ci_get",
    "ci_create",
    "ci_update",
    "ci_retire",
    "ci_verify",
    "ci_classes",
    "relation_types",
    "relate",
    "relationship_retire",
    "cmdb_impact",
    "cmdb_neighbourhood",
    "ci_as_of",
    "cmdb_quality",
    "cmdb_import",
    "ticket_impact",
    "ci_class_create",
    "relation_type_create",
];

fn main() {
    // The capabilities live beside the shell's sources rather than at the package root (the
    // root is the Cargo workspace); a custom path needs its own rerun instruction.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed: check tauri.conf.json and src-tauri/capabilities/");
}
