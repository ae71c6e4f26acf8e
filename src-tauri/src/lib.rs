//! The SMS Workbench desktop shell: opens a workspace at start, holds it in [`AppState`],
//! and turns the UI's commands (docs/commands.md) into store calls.

mod commands;
mod config_file;
#[cfg(test)]
mod contract_tests;
mod dialogs;
mod error;
mod events;
mod history;
mod launch;
mod recent;
mod remembered_actors;
mod sla_alerts;
mod state;
mod watch;

use error::AppError;
use recent::RecentWorkspaces;
use remembered_actors::RememberedActors;
use smw_core::Code;
use smw_store::Workspace;
use state::AppState;
use std::path::Path;
use tauri::Manager;

pub fn run() {
    let requested = launch::requested_workspace(std::env::args_os(), std::env::var_os("SMW_WORKSPACE"));
    tauri::Builder::default()
        .setup(move |app| {
            let paths = app.path();
            let config = paths.config_dir()?.join("sms-workbench");
            let state = AppState::new(
                RecentWorkspaces::load(config.join("recent.json")),
                RememberedActors::load(config.join("actors.json")),
            )
            .with_history_dir(history::data_dir(paths.data_dir().ok()));
            let path =
                requested.clone().unwrap_or_else(|| launch::default_workspace(&paths.data_dir().unwrap_or_default()));
            match open_or_create(&path) {
                Ok(workspace) => {
                    let workspace = state.replace_workspace(workspace);
                    events::announce_commits(app.handle(), &workspace);
                    state.restore_actor(&workspace);
                }
                Err(problem) => {
                    // Start anyway: the UI explains the problem and offers to open another file.
                    eprintln!("sms-workbench: {}", problem.message);
                    state.set_startup_problem(problem);
                }
            }
            app.manage(state);
            watch::start(app.handle().clone());
            sla_alerts::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_info,
            commands::workspace::workspace_open,
            commands::workspace::workspace_create,
            commands::workspace::workspace_pick_open,
            commands::workspace::workspace_pick_create,
            commands::workspace::workspace_load_demo,
            commands::workspace::actor_set,
            commands::workspace::workspace_verify,
            commands::directory::directory,
            commands::directory::actor_introduce,
            commands::directory::person_create,
            commands::directory::person_update,
            commands::directory::person_retire,
            commands::directory::group_create,
            commands::directory::group_update,
            commands::directory::group_retire,
            commands::directory::location_create,
            commands::directory::location_update,
            commands::directory::location_retire,
            commands::catalogue::service_create,
            commands::catalogue::service_update,
            commands::catalogue::service_retire,
            commands::catalogue::customer_create,
            commands::catalogue::customer_update,
            commands::catalogue::customer_retire,
            commands::catalogue::supplier_create,
            commands::catalogue::supplier_update,
            commands::catalogue::supplier_retire,
            commands::tickets::board,
            commands::tickets::tickets_list,
            commands::tickets::ticket_get,
            commands::tickets::ticket_create,
            commands::tickets::ticket_update,
            commands::tickets::ticket_transition,
            commands::tickets::comment_add,
            commands::tickets::link_add,
            commands::tickets::link_remove,
            commands::search::search,
            commands::problems::problems_list,
            commands::problems::problem_get,
            commands::problems::problem_create,
            commands::problems::problem_update,
            commands::problems::known_errors_search,
            commands::service_levels::calendars_list,
            commands::service_levels::calendar_get,
            commands::service_levels::calendar_create,
            commands::service_levels::calendar_update,
            commands::service_levels::calendar_import_holidays,
            commands::service_levels::slas_list,
            commands::service_levels::sla_get,
            commands::service_levels::sla_create,
            commands::service_levels::sla_update,
            commands::service_levels::olas_list,
            commands::service_levels::ola_get,
            commands::service_levels::ola_create,
            commands::service_levels::ola_update,
            commands::service_levels::contracts_list,
            commands::service_levels::contract_get,
            commands::service_levels::contract_create,
            commands::service_levels::contract_update,
            commands::service_levels::sla_consistency,
            commands::service_levels::sla_report,
            commands::service_levels::sla_at_risk,
            commands::service_levels::ticket_clocks,
            commands::service_levels::file_save,
            commands::cmdb::cis_list,
            commands::cmdb::ci_get,
            commands::cmdb::ci_create,
            commands::cmdb::ci_update,
            commands::cmdb::ci_retire,
            commands::cmdb::ci_verify,
            commands::cmdb::ci_classes,
            commands::cmdb::relation_types,
            commands::cmdb::relate,
            commands::cmdb::relationship_retire,
            commands::cmdb::cmdb_impact,
            commands::cmdb::cmdb_neighbourhood,
            commands::cmdb::ci_as_of,
            commands::cmdb::cmdb_quality,
            commands::cmdb::cmdb_import,
            commands::cmdb::ticket_impact,
            commands::cmdb::ci_class_create,
            commands::cmdb::relation_type_create,
        ])
        .build(tauri::generate_context!())
        .expect("SMS Workbench could not start its window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                app.state::<AppState>().close();
            }
        });
}

/// The start-up workspace: opened when it exists, created (with its folder) when it does not,
/// so the first start and `--workspace new.smw` both just work.
fn open_or_create(path: &Path) -> Result<Workspace, AppError> {
    let result = if path.exists() {
        Workspace::open(path)
    } else {
        if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| {
                AppError::new(Code::Io, format!("Could not create the folder {}: {e}", folder.display()))
            })?;
        }
        Workspace::create(path)
    };
    result.map_err(|error| {
        let app_error = AppError::from(error);
        AppError { message: format!("Could not open {}: {}", path.display(), app_error.message), ..app_error }
    })
}
