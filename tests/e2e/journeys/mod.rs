mod default_workspace;
mod incident_board;
mod markup_is_inert;
mod outside_changes;
mod refused_file;
mod sla;
mod steps;
mod window_opens;
