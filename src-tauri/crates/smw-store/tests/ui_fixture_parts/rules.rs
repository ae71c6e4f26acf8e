//! The domain's rules as tables the UI's mock backend reads, so the mock applies the domain's
//! decisions and messages instead of a TypeScript copy of them.

use serde_json::{json, Value};
use smw_core::priority::Level;
use smw_core::workflow::{check_transition, successors, Status, TransitionFacts};
use smw_core::Invalid;
use smw_store::{Actor, StoreError, Workspace};

/// The facts a move depends on, in bit order: bit i set means fact i is present (a text fact
/// counts as present when the domain would accept it as filled in).
const FACTS: [&str; 5] = ["has_assignee", "has_group", "pending_reason", "resolution_code", "resolution_notes"];

/// For every (from, to) and every combination of facts, the domain's answer, as an index into
/// `outcomes` (0 is "allowed"). Exhaustive, so the mock never decides a move by itself.
pub fn workflow() -> Value {
    let mut outcomes: Vec<Value> = vec![Value::Null];
    let mut table = serde_json::Map::new();
    for from in Status::ALL {
        let mut row = serde_json::Map::new();
        for to in Status::ALL {
            let answers: Vec<usize> = (0..1usize << FACTS.len())
                .map(|mask| match check_transition(from, to, &facts(mask)) {
                    Ok(()) => 0,
                    Err(refusal) => {
                        let refusal = invalid(&refusal);
                        outcomes.iter().position(|o| *o == refusal).unwrap_or_else(|| {
                            outcomes.push(refusal);
                            outcomes.len() - 1
                        })
                    }
                })
                .collect();
            row.insert(to.as_str().into(), json!(answers));
        }
        table.insert(from.as_str().into(), Value::Object(row));
    }
    let successors: serde_json::Map<String, Value> =
        Status::ALL.iter().map(|&s| (s.as_str().to_string(), json!(successors(s)))).collect();
    json!({
        "statuses": Status::ALL,
        "facts": FACTS,
        "successors": successors,
        "moves": table,
        "outcomes": outcomes,
    })
}

fn facts(mask: usize) -> TransitionFacts {
    let text = |bit: usize, value: &str| (mask & (1 << bit) != 0).then(|| value.to_string());
    TransitionFacts {
        has_assignee: mask & 1 != 0,
        has_group: mask & 2 != 0,
        pending_reason: text(2, "Waiting for the caller"),
        resolution_code: text(3, "fixed"),
        resolution_notes: text(4, "Replaced the cable."),
    }
}

/// The workspace's impact × urgency matrix, with the level order its rows and columns use.
pub fn priority(ws: &Workspace) -> Value {
    let matrix = ws.priority_matrix().expect("the demo workspace has a matrix");
    json!({ "levels": Level::ALL, "cells": matrix.cells })
}

/// Refusals the UI tests exercise, each as (command, the arguments the UI sends, what the
/// store answered). `run` calls the store function the shell's command calls, with the same
/// arguments deserialised the way the shell deserialises them.
pub fn refusals(ws: &Workspace, actor: &Actor, now: smw_core::Timestamp, open_key: &str) -> Value {
    let samples: Vec<(&str, Value)> = vec![
        (
            "ticket_create",
            json!({ "draft": { "kind": "incident", "title": "", "description": "", "category": "", "impact": "medium", "urgency": "medium" } }),
        ),
        (
            "ticket_create",
            json!({ "draft": { "kind": "incident", "title": "   ", "description": "", "category": "", "impact": "medium", "urgency": "medium" } }),
        ),
        (
            "ticket_create",
            json!({ "draft": { "kind": "incident", "title": "x".repeat(201), "description": "", "category": "", "impact": "medium", "urgency": "medium" } }),
        ),
        ("ticket_update", json!({ "key": open_key, "patch": { "title": "" } })),
        ("problem_create", json!({ "draft": { "title": "", "description": "" } })),
        ("comment_add", json!({ "parentKey": open_key, "draft": { "body": "", "internal": false } })),
        ("comment_add", json!({ "parentKey": open_key, "draft": { "body": "  ", "internal": true } })),
    ];
    let answered: Vec<Value> = samples
        .into_iter()
        .map(|(command, args)| {
            let error = run(ws, actor, now, command, &args).expect_err("a refusal sample must be refused");
            json!({ "command": command, "args": args, "error": app_error(&error) })
        })
        .collect();
    json!(answered)
}

fn run(ws: &Workspace, actor: &Actor, now: smw_core::Timestamp, command: &str, args: &Value) -> Result<(), StoreError> {
    let key = || args["key"].as_str().expect("a key").to_string();
    match command {
        "ticket_create" => ws.ticket_create(actor, now, arg(args, "draft")).map(drop),
        "ticket_update" => ws.ticket_update(actor, now, &key(), arg(args, "patch"), None).map(drop),
        "problem_create" => ws.problem_create(actor, now, arg(args, "draft")).map(drop),
        "comment_add" => {
            let parent = args["parentKey"].as_str().expect("a parent key");
            ws.comment_add(actor, now, parent, arg(args, "draft")).map(drop)
        }
        other => panic!("no sample runner for {other}"),
    }
}

fn arg<T: serde::de::DeserializeOwned>(args: &Value, name: &str) -> T {
    serde_json::from_value(args[name].clone()).expect("the sample's arguments parse")
}

/// Messages whose wording the store owns and whose subject varies (a key, a version), as
/// templates: produced with marker values that are then replaced by `{placeholders}`.
pub fn messages(ws: &Workspace, actor: &Actor, now: smw_core::Timestamp, key: &str, version: i64) -> Value {
    const MISSING: &str = "ZZZ-424242";
    const STALE: i64 = 987_654;
    let template = |error: StoreError| {
        let mut error = app_error(&error);
        let message = error["message"].as_str().expect("a message").replace(MISSING, "{key}");
        error["message"] = json!(message);
        error
    };
    let missing_ticket = ws.ticket_detail(MISSING).expect_err("no such ticket");
    let missing_problem = ws.problem_detail(MISSING).expect_err("no such problem");
    let missing_link_end =
        ws.link_add(actor, now, key, MISSING, smw_core::link::LinkKind::Related).expect_err("no record to link to");
    let missing_parent = ws
        .comment_add(actor, now, MISSING, smw_core::comment::CommentDraft { body: "x".into(), internal: false })
        .expect_err("no record to comment on");
    let stale =
        ws.ticket_update(actor, now, key, Default::default(), Some(STALE)).expect_err("a stale version is refused");
    let mut conflict = app_error(&stale);
    let text = conflict["message"]
        .as_str()
        .expect("a message")
        .replace(key, "{key}")
        .replace(&STALE.to_string(), "{expected}");
    conflict["message"] = json!(replace_number(&text, version, "{actual}"));
    json!({
        "ticket_not_found": template(missing_ticket),
        "problem_not_found": template(missing_problem),
        "link_target_not_found": template(missing_link_end),
        "comment_parent_not_found": template(missing_parent),
        "conflict": conflict,
    })
}

/// Replaces `n` where it stands as a whole number (not inside a longer run of digits).
fn replace_number(text: &str, n: i64, with: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&digits) {
        let before = rest[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit());
        let after = rest[at + digits.len()..].chars().next().is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        out.push_str(if before || after { &digits } else { with });
        rest = &rest[at + digits.len()..];
    }
    out.push_str(rest);
    out
}

/// The shell's error shape (`AppError` in src-tauri/src/error.rs): a domain refusal travels
/// with its bare sentence, every other store error with its Display text.
pub fn app_error(error: &StoreError) -> Value {
    let message = match error {
        StoreError::Invalid(refusal) => refusal.message.clone(),
        other => other.to_string(),
    };
    let mut shape = json!({ "code": error.code(), "message": message });
    if let Some(field) = error.field() {
        shape["field"] = json!(field);
    }
    shape
}

fn invalid(refusal: &Invalid) -> Value {
    app_error(&StoreError::Invalid(refusal.clone()))
}
