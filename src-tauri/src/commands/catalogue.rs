//! The service catalogue's own records: services, customers and suppliers, created, edited
//! and retired.

use super::write;
use crate::error::AppResult;
use smw_core::catalogue::{Customer, PartyDraft, Service, ServiceDraft, Supplier};
use smw_core::catalogue_patch::{PartyPatch, ServicePatch};
use tauri::AppHandle;
use uuid::Uuid;

#[tauri::command]
pub async fn service_create(app: AppHandle, draft: ServiceDraft) -> AppResult<Service> {
    write(&app, move |ws, actor, now| ws.service_create(actor, now, draft)).await
}

/// A dependency that would close a cycle is refused, naming `depends_on[i]`.
#[tauri::command]
pub async fn service_update(
    app: AppHandle,
    key: String,
    patch: ServicePatch,
    expected_version: Option<i64>,
) -> AppResult<Service> {
    write(&app, move |ws, actor, now| ws.service_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn service_retire(app: AppHandle, key: String) -> AppResult<Service> {
    write(&app, move |ws, actor, now| ws.service_retire(actor, now, &key)).await
}

#[tauri::command]
pub async fn customer_create(app: AppHandle, draft: PartyDraft) -> AppResult<Customer> {
    write(&app, move |ws, actor, now| ws.customer_create(actor, now, draft)).await
}

/// `serviceIds`, when given, becomes the whole list of services the customer takes.
#[tauri::command]
pub async fn customer_update(
    app: AppHandle,
    key: String,
    patch: PartyPatch,
    service_ids: Option<Vec<Uuid>>,
    expected_version: Option<i64>,
) -> AppResult<Customer> {
    write(&app, move |ws, actor, now| ws.customer_update(actor, now, &key, patch, service_ids, expected_version)).await
}

#[tauri::command]
pub async fn customer_retire(app: AppHandle, key: String) -> AppResult<Customer> {
    write(&app, move |ws, actor, now| ws.customer_retire(actor, now, &key)).await
}

#[tauri::command]
pub async fn supplier_create(app: AppHandle, draft: PartyDraft) -> AppResult<Supplier> {
    write(&app, move |ws, actor, now| ws.supplier_create(actor, now, draft)).await
}

#[tauri::command]
pub async fn supplier_update(
    app: AppHandle,
    key: String,
    patch: PartyPatch,
    expected_version: Option<i64>,
) -> AppResult<Supplier> {
    write(&app, move |ws, actor, now| ws.supplier_update(actor, now, &key, patch, expected_version)).await
}

#[tauri::command]
pub async fn supplier_retire(app: AppHandle, key: String) -> AppResult<Supplier> {
    write(&app, move |ws, actor, now| ws.supplier_retire(actor, now, &key)).await
}
