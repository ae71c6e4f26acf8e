//! The change policy, kept as the `change_policy` setting (so its edits are audited).

use crate::error::StoreResult;
use crate::settings::setting;
use crate::stored::require_ref;
use crate::workspace::Workspace;
use crate::write::Actor;
use rusqlite::Connection;
use smw_core::catalogue::Service;
use smw_core::change_management::policy::CHANGE_POLICY;
use smw_core::change_management::ChangePolicy;
use smw_core::directory::Person;
use smw_core::Timestamp;

/// The workspace's policy, or the empty one (nothing controlled, no boards) when none is set.
pub(crate) fn change_policy(conn: &Connection) -> StoreResult<ChangePolicy> {
    match setting(conn, CHANGE_POLICY)? {
        Some(stored) => Ok(ChangePolicy::from_json(&stored.value)?),
        None => Ok(ChangePolicy::default()),
    }
}

impl Workspace {
    pub fn change_policy(&self) -> StoreResult<ChangePolicy> {
        change_policy(&self.reader())
    }

    /// Replaces the policy after checking it and every person and service it names.
    pub fn set_change_policy(&self, actor: &Actor, now: Timestamp, policy: ChangePolicy) -> StoreResult<ChangePolicy> {
        policy.check()?;
        {
            let conn = self.reader();
            let people = policy.default_board.iter().map(|id| ("default_board", id));
            let people = people.chain(policy.emergency_board.iter().map(|id| ("emergency_board", id)));
            let people = people.chain(
                policy.service_boards.iter().flat_map(|b| b.approver_ids.iter().map(|id| ("service_boards", id))),
            );
            for (field, id) in people {
                require_ref::<Person>(&conn, Some(*id), field)?;
            }
            let services = policy.controlled_service_ids.iter().map(|id| ("controlled_service_ids", id));
            for (field, id) in services.chain(policy.service_boards.iter().map(|b| ("service_boards", &b.service_id))) {
                require_ref::<Service>(&conn, Some(*id), field)?;
            }
            for id in &policy.controlled_ci_ids {
                require_ref::<smw_core::cmdb::Ci>(&conn, Some(*id), "controlled_ci_ids")?;
            }
        }
        let value = serde_json::to_string(&policy).map_err(|e| {
            smw_core::Invalid::field(
                smw_core::Code::BadSetting,
                "change_policy",
                format!("The policy cannot be written: {e}."),
            )
        })?;
        self.put_setting(actor, now, CHANGE_POLICY, value)?;
        Ok(policy)
    }
}
