//! The consistency check over the whole workspace: SLA targets the OLAs and contracts under
//! them cannot meet, and catalogue services without an SLA.

use crate::error::StoreResult;
use crate::stored::list_live;
use crate::workspace::Workspace;
use chrono::NaiveDate;
use smw_core::agreements::{
    check_consistency, CalendarRecord, ConsistencyFinding, ConsistencyInput, Contract, Ola, Sla,
};
use smw_core::catalogue::Service;
use std::collections::HashMap;

impl Workspace {
    /// Findings as the agreements stand on `today` (coverage is compared over the week after it).
    pub fn sla_consistency(&self, today: NaiveDate) -> StoreResult<Vec<ConsistencyFinding>> {
        let conn = self.reader();
        let mut calendars = HashMap::new();
        for record in list_live::<CalendarRecord>(&conn)? {
            calendars.insert(record.id, record.business_calendar()?);
        }
        let services = list_live::<Service>(&conn)?;
        let slas = list_live::<Sla>(&conn)?;
        let olas = list_live::<Ola>(&conn)?;
        let contracts = list_live::<Contract>(&conn)?;
        Ok(check_consistency(&ConsistencyInput {
            services: &services,
            slas: &slas,
            olas: &olas,
            contracts: &contracts,
            calendars: &calendars,
            today,
        }))
    }
}
