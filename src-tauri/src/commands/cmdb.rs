//! Configuration management: items, their classes and relationships, impact, the graph's
//! neighbourhood, the estate as of a date, data quality and CSV import.

use super::{read, write};
use crate::error::AppResult;
use smw_core::cmdb::views::{
    CiAsOf, CiDetail, CiFilter, CiPage, ImpactReport, ImportSummary, Neighbourhood, QualityReport, TicketImpact,
};
use smw_core::cmdb::{
    Ci, CiClass, CiFields, ClassDef, ClassDraft, Direction, RelationType, RelationTypeDraft, Relationship, TypeDef,
};
use smw_core::Timestamp;
use smw_store::CsvMapping;
use tauri::AppHandle;

#[tauri::command]
pub async fn cis_list(app: AppHandle, filter: CiFilter, offset: usize, limit: usize) -> AppResult<CiPage> {
    read(&app, move |ws| ws.cis_list(&filter, offset, limit)).await
}

#[tauri::command]
pub async fn ci_get(app: AppHandle, key: String) -> AppResult<CiDetail> {
    read(&app, move |ws| ws.ci_get(&key)).await
}

#[tauri::command]
pub async fn ci_create(app: AppHandle, fields: CiFields) -> AppResult<Ci> {
    write(&app, move |ws, actor, now| ws.ci_create(actor, now, fields)).await
}

#[tauri::command]
pub async fn ci_update(app: AppHandle, key: String, fields: CiFields, expected_version: Option<i64>) -> AppResult<Ci> {
    write(&app, move |ws, actor, now| ws.ci_update(actor, now, &key, fields, expected_version)).await
}

#[tauri::command]
pub async fn ci_retire(app: AppHandle, key: String) -> AppResult<Ci> {
    write(&app, move |ws, actor, now| ws.ci_retire(actor, now, &key)).await
}

/// The acting person checked the item against reality just now.
#[tauri::command]
pub async fn ci_verify(app: AppHandle, key: String) -> AppResult<Ci> {
    write(&app, move |ws, actor, now| {
        let fields = CiFields { verified_at: Some(Some(now)), verified_by: Some(actor.id), ..CiFields::default() };
        ws.ci_update(actor, now, &key, fields, None)
    })
    .await
}

#[tauri::command]
pub async fn ci_classes(app: AppHandle) -> AppResult<Vec<ClassDef>> {
    read(&app, |ws| ws.ci_classes()).await
}

#[tauri::command]
pub async fn relation_types(app: AppHandle) -> AppResult<Vec<TypeDef>> {
    read(&app, |ws| ws.relation_types()).await
}

/// `source —relation→ target`, each end a CI key or a catalogue service key.
#[tauri::command]
pub async fn relate(app: AppHandle, source: String, relation: String, target: String) -> AppResult<Relationship> {
    write(&app, move |ws, actor, now| ws.relate(actor, now, &source, &relation, &target)).await
}

#[tauri::command]
pub async fn relationship_retire(app: AppHandle, key: String) -> AppResult<Relationship> {
    write(&app, move |ws, actor, now| ws.relationship_retire(actor, now, &key)).await
}

#[tauri::command]
pub async fn cmdb_impact(
    app: AppHandle,
    key: String,
    direction: Direction,
    depth: Option<u32>,
) -> AppResult<ImpactReport> {
    read(&app, move |ws| ws.cmdb_impact(&key, direction, depth)).await
}

#[tauri::command]
pub async fn cmdb_neighbourhood(app: AppHandle, key: String, hops: u32, max_nodes: usize) -> AppResult<Neighbourhood> {
    read(&app, move |ws| ws.cmdb_neighbourhood(&key, hops, max_nodes)).await
}

#[tauri::command]
pub async fn ci_as_of(app: AppHandle, key: String, at: Timestamp) -> AppResult<CiAsOf> {
    read(&app, move |ws| ws.ci_as_of(&key, at)).await
}

#[tauri::command]
pub async fn cmdb_quality(app: AppHandle, stale_after_days: u32) -> AppResult<QualityReport> {
    read(&app, move |ws| ws.cmdb_quality(Timestamp::from(chrono::Utc::now()), stale_after_days)).await
}

/// CSV import: with `dry_run`, or when any row has a problem, nothing is written and the
/// summary lists every problem with its file, line and column.
#[tauri::command]
pub async fn cmdb_import(
    app: AppHandle,
    cis_csv: String,
    relations_csv: Option<String>,
    mapping: CsvMapping,
    dry_run: bool,
) -> AppResult<ImportSummary> {
    write(&app, move |ws, actor, now| {
        ws.cmdb_import_csv(
            actor,
            now,
            cis_csv.as_bytes(),
            relations_csv.as_deref().map(str::as_bytes),
            &mapping,
            dry_run,
        )
    })
    .await
}

/// The CIs a ticket names and the services, customers and SLAs their failure reaches.
#[tauri::command]
pub async fn ticket_impact(app: AppHandle, key: String) -> AppResult<TicketImpact> {
    read(&app, move |ws| ws.ticket_impact(&key)).await
}

/// A class a team defines, with typed attributes its CIs are checked against.
#[tauri::command]
pub async fn ci_class_create(app: AppHandle, draft: ClassDraft) -> AppResult<CiClass> {
    write(&app, move |ws, actor, now| ws.ci_class_create(actor, now, draft)).await
}

/// A relationship type a team defines, with the direction its impact travels.
#[tauri::command]
pub async fn relation_type_create(app: AppHandle, draft: RelationTypeDraft) -> AppResult<RelationType> {
    write(&app, move |ws, actor, now| ws.relation_type_create(actor, now, draft)).await
}
