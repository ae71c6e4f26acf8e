//! What the shell holds between commands: the open workspace, who is acting, the recent list.

use crate::error::{AppError, AppResult};
use crate::recent::RecentWorkspaces;
use crate::remembered_actors::RememberedActors;
use smw_core::directory::{acting, Person};
use smw_core::views::WorkspaceInfo;
use smw_core::Code;
use smw_store::{Actor, StoreError, Workspace};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

/// An open workspace and the person acting in it. Both change together, so they share a lock.
#[derive(Clone)]
struct OpenWorkspace {
    workspace: Arc<Workspace>,
    actor: Option<Person>,
}

pub struct AppState {
    open: RwLock<Option<OpenWorkspace>>,
    recent: Mutex<RecentWorkspaces>,
    remembered_actors: Mutex<RememberedActors>,
    /// Why the workspace asked for at start could not be opened: the UI learns it from
    /// `workspace_info` rather than from a dialog that would block start-up.
    startup_problem: Mutex<Option<AppError>>,
    /// The newest audit entry already announced to the UI (see `watch.rs`).
    announced_seq: AtomicI64,
    /// Held by our writes until their entries count as announced, and skipped over by the
    /// watcher, so it never mistakes this app's own write for another process's.
    write_gate: Mutex<()>,
    /// Where heads are witnessed and signing keys kept (history.rs); None when the machine has
    /// no data folder.
    history_dir: Option<PathBuf>,
}

impl AppState {
    pub fn new(recent: RecentWorkspaces, remembered_actors: RememberedActors) -> Self {
        AppState {
            open: RwLock::new(None),
            recent: Mutex::new(recent),
            remembered_actors: Mutex::new(remembered_actors),
            startup_problem: Mutex::new(None),
            announced_seq: AtomicI64::new(0),
            write_gate: Mutex::new(()),
            history_dir: None,
        }
    }

    pub fn with_history_dir(self, history_dir: Option<PathBuf>) -> Self {
        AppState { history_dir, ..self }
    }

    /// Signs and witnesses the open workspace's head before the app exits.
    pub fn close(&self) {
        let open = self.open.write().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        if let (Some(dir), Some(open)) = (&self.history_dir, open) {
            crate::history::closing(dir, &open.workspace, open.actor.as_ref());
        }
    }

    /// The open workspace, shared so a blocking task can use it while the lock is free.
    pub fn workspace(&self) -> AppResult<Arc<Workspace>> {
        let open = self.open.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        match open.as_ref() {
            Some(open) => Ok(open.workspace.clone()),
            None => Err(self.startup_problem().unwrap_or_else(AppError::no_workspace)),
        }
    }

    /// The open workspace if there is one; the watcher uses this and never reports errors.
    pub fn workspace_if_open(&self) -> Option<Arc<Workspace>> {
        self.open.read().unwrap_or_else(|poisoned| poisoned.into_inner()).as_ref().map(|open| open.workspace.clone())
    }

    /// Who the audit history names for the next write: the person chosen in the app (the
    /// domain's `acting` rule refuses writes until someone who may act is chosen).
    pub fn actor(&self) -> AppResult<Actor> {
        let chosen = self.actor_person();
        let person = acting(chosen.as_ref()).map_err(StoreError::from)?;
        Ok(Actor { id: Some(person.id), name: person.name.clone() })
    }

    pub fn actor_person(&self) -> Option<Person> {
        self.open.read().unwrap_or_else(|poisoned| poisoned.into_inner()).as_ref().and_then(|open| open.actor.clone())
    }

    /// Makes `workspace` the open one (closing the previous) and remembers it as recent.
    pub fn replace_workspace(&self, workspace: Workspace) -> Arc<Workspace> {
        let workspace = Arc::new(workspace);
        self.recent.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remember(workspace.path());
        let baseline = workspace.audit_head().unwrap_or(0);
        let closed = self
            .open
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .replace(OpenWorkspace { workspace: workspace.clone(), actor: None });
        if let Some(dir) = &self.history_dir {
            if let Some(closed) = closed {
                crate::history::closing(dir, &closed.workspace, closed.actor.as_ref());
            }
            crate::history::opened(dir, &workspace);
        }
        self.announced_seq.store(baseline, Ordering::SeqCst);
        self.startup_problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        workspace
    }

    /// Sets the actor and remembers them for this workspace, provided `workspace` is still the
    /// open one (it may have been switched while the person was being looked up). A person who
    /// may not act is refused.
    pub fn set_actor(&self, workspace: &Arc<Workspace>, person: Person) -> AppResult<()> {
        acting(Some(&person)).map_err(StoreError::from)?;
        let mut open = self.open.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        match open.as_mut() {
            Some(open) if Arc::ptr_eq(&open.workspace, workspace) => {
                self.remembered_actors
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .remember(workspace.path(), person.id);
                open.actor = Some(person);
                Ok(())
            }
            _ => Err(AppError::new(Code::Conflict, "The workspace was switched; choose the person again.")),
        }
    }

    /// Acts again as the person who acted last in `workspace`, if they still may. Reads the
    /// database, so call it from a blocking task.
    pub fn restore_actor(&self, workspace: &Arc<Workspace>) {
        let remembered = self.remembered_actors.lock().unwrap_or_else(|p| p.into_inner()).get(workspace.path());
        if let Some(person) = remembered.and_then(|id| workspace.person_get(id).ok()).filter(Person::may_act) {
            // Fails only if the workspace was switched meanwhile, when there is nothing to restore.
            let _ = self.set_actor(workspace, person);
        }
    }

    /// Keeps the acting person's record current after it was edited: a new name shows at
    /// once, and someone who may no longer act stops acting.
    pub fn actor_edited(&self, workspace: &Arc<Workspace>, person: &Person) {
        let mut open = self.open.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(open) = open.as_mut().filter(|open| Arc::ptr_eq(&open.workspace, workspace)) {
            if open.actor.as_ref().is_some_and(|actor| actor.id == person.id) {
                open.actor = Some(person.clone()).filter(Person::may_act);
            }
        }
    }

    pub fn recent(&self) -> Vec<String> {
        self.recent.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).existing()
    }

    pub fn set_startup_problem(&self, problem: AppError) {
        *self.startup_problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(problem);
    }

    /// Kept until a workspace opens, so every screen asking before then can explain it.
    fn startup_problem(&self) -> Option<AppError> {
        self.startup_problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    pub fn write_gate(&self) -> MutexGuard<'_, ()> {
        self.write_gate.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `None` while one of our writes is under way.
    pub fn try_write_gate(&self) -> Option<MutexGuard<'_, ()>> {
        self.write_gate.try_lock().ok()
    }

    /// Counts every audit entry up to `workspace`'s newest as announced, after our own write
    /// (the write path announced it); nothing when another workspace is open by now.
    pub fn announced_up_to_head(&self, workspace: &Arc<Workspace>) {
        let still_open = self.workspace_if_open().is_some_and(|open| Arc::ptr_eq(&open, workspace));
        if let (true, Ok(head)) = (still_open, workspace.audit_head()) {
            self.announced_seq.store(head, Ordering::SeqCst);
        }
    }

    /// The newest audit entry announced; `set_announced` moves it after the watcher's report.
    pub fn announced(&self) -> i64 {
        self.announced_seq.load(Ordering::SeqCst)
    }

    pub fn set_announced(&self, seq: i64) {
        self.announced_seq.store(seq, Ordering::SeqCst);
    }

    /// Builds the info the UI shows; reads the database, so call it from a blocking task.
    pub fn info(&self, workspace: &Workspace) -> AppResult<WorkspaceInfo> {
        Ok(WorkspaceInfo {
            path: workspace.path().display().to_string(),
            name: display_name(workspace.path()),
            actor: self.actor_person(),
            recent: self.recent(),
            ticket_count: workspace.ticket_count()?,
        })
    }
}

/// The file name without `.smw`: what the title bar and the workspace menu show.
fn display_name(path: &Path) -> String {
    path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}
