-- Change, release and deployment management: requests for change (with their approvals and
-- accepted conflicts inside the record, so the history shows each decision), releases and
-- change windows. New tables only: no existing row changes, so every digest still holds.

CREATE TABLE changes (
    seq                     INTEGER PRIMARY KEY,
    id                      TEXT NOT NULL,
    key                     TEXT NOT NULL,
    change_type             TEXT NOT NULL,
    title                   TEXT NOT NULL,
    description             TEXT NOT NULL,
    reason                  TEXT NOT NULL,
    requester_id            TEXT,
    owner_id                TEXT,
    group_id                TEXT,
    ci_ids                  TEXT NOT NULL,
    service_ids             TEXT NOT NULL,
    likelihood              TEXT NOT NULL,
    impact                  TEXT NOT NULL,
    risk                    TEXT NOT NULL,
    implementation_plan     TEXT NOT NULL,
    backout_plan            TEXT NOT NULL,
    test_plan               TEXT NOT NULL,
    planned_start           TEXT,
    planned_end             TEXT,
    actual_start            TEXT,
    actual_end              TEXT,
    ended_as                TEXT,
    release_id              TEXT,
    template                TEXT,
    status                  TEXT NOT NULL,
    approver_ids            TEXT NOT NULL,
    decisions               TEXT NOT NULL,
    accepted_conflicts      TEXT NOT NULL,
    needs_design_transition INTEGER NOT NULL,
    review_outcome          TEXT,
    lessons                 TEXT,
    submitted_at            TEXT,
    approved_at             TEXT,
    closed_at               TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    deleted_at              TEXT,
    version                 INTEGER NOT NULL
);
CREATE UNIQUE INDEX changes_id ON changes (id);
CREATE UNIQUE INDEX changes_key ON changes (key);
-- The calendar reads a range of planned windows.
CREATE INDEX changes_by_start ON changes (planned_start) WHERE deleted_at IS NULL;
CREATE INDEX changes_by_release ON changes (release_id) WHERE deleted_at IS NULL;

CREATE TABLE releases (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL,
    key                 TEXT NOT NULL,
    name                TEXT NOT NULL,
    status              TEXT NOT NULL,
    planned_start       TEXT,
    planned_end         TEXT,
    acceptance_criteria TEXT NOT NULL,
    test_results        TEXT NOT NULL,
    deployment_notes    TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT,
    version             INTEGER NOT NULL
);
CREATE UNIQUE INDEX releases_id ON releases (id);
CREATE UNIQUE INDEX releases_key ON releases (key);

CREATE TABLE change_windows (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL,
    key              TEXT NOT NULL,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    time_zone        TEXT NOT NULL,
    starts_local     TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    rrule            TEXT,
    service_ids      TEXT NOT NULL,
    description      TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    version          INTEGER NOT NULL
);
CREATE UNIQUE INDEX change_windows_id ON change_windows (id);
CREATE UNIQUE INDEX change_windows_key ON change_windows (key);
