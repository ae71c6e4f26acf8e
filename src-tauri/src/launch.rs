//! Which workspace the app opens at start: `--workspace PATH`, else a bare `PATH` (what a
//! double-click on a `.smw` file passes, through the desktop entry's `%f`), else
//! `$SMW_WORKSPACE`, else the default workspace in the user's data folder (created on first start).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The workspace the person asked for on the command line or in the environment, made
/// absolute so the title bar and the recent list name the same file from any folder.
pub fn requested_workspace(args: impl IntoIterator<Item = OsString>, env_value: Option<OsString>) -> Option<PathBuf> {
    named_workspace(args, env_value).map(|path| std::path::absolute(&path).unwrap_or(path))
}

fn named_workspace(args: impl IntoIterator<Item = OsString>, env_value: Option<OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    let mut bare = None;
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|text| text.strip_prefix("--workspace=")) {
            return Some(PathBuf::from(value));
        }
        // Options the platform adds (macOS's `-psn_…`, say) are not paths; the first bare one is.
        let is_option = arg.as_encoded_bytes().starts_with(b"-");
        if bare.is_none() && !is_option && !arg.is_empty() {
            bare = Some(PathBuf::from(arg));
        }
    }
    bare.or_else(|| env_value.filter(|value| !value.is_empty()).map(PathBuf::from))
}

/// `$XDG_DATA_HOME/sms-workbench/default.smw` on Linux (tauri's data dir is the platform's).
pub fn default_workspace(data_dir: &Path) -> PathBuf {
    data_dir.join("sms-workbench").join("default.smw")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_argument_wins_over_the_environment() {
        let env = Some(OsString::from("/env.smw"));
        assert_eq!(requested_workspace(args(&["app", "--workspace", "/a.smw"]), env.clone()), Some("/a.smw".into()));
        assert_eq!(requested_workspace(args(&["app", "--workspace=/b.smw"]), env.clone()), Some("/b.smw".into()));
        assert_eq!(requested_workspace(args(&["app"]), env), Some("/env.smw".into()));
        assert_eq!(requested_workspace(args(&["app"]), Some(OsString::new())), None);
        assert_eq!(requested_workspace(args(&["app"]), None), None);
    }

    #[test]
    fn a_bare_path_opens_like_a_double_click() {
        let env = Some(OsString::from("/env.smw"));
        assert_eq!(requested_workspace(args(&["app", "/a.smw"]), env.clone()), Some("/a.smw".into()));
        assert_eq!(requested_workspace(args(&["app", "-psn_0_1", "/a.smw", "/b.smw"]), None), Some("/a.smw".into()));
        assert_eq!(requested_workspace(args(&["app", "/a.smw", "--workspace", "/b.smw"]), env), Some("/b.smw".into()));
    }

    #[test]
    fn a_relative_path_becomes_absolute() {
        let path = requested_workspace(args(&["app", "--workspace", "demo.smw"]), None).unwrap();
        assert!(path.is_absolute());
        assert!(path.ends_with("demo.smw"));
    }
}
