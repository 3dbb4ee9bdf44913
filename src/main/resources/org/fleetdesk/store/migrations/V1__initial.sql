-- Fleetdesk cache, schema version 1.
-- One statement per ';' at the end of a line. Instants from the API are ISO-8601 text (exact round trip);
-- instants Fleetdesk records itself (journals, sync stamps) are epoch milliseconds, so they sort as numbers.

CREATE TABLE devices (
    row_id              INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    name                TEXT,
    serial_number       TEXT,
    board_model         TEXT,
    board_revision      TEXT,
    board_memory        TEXT,
    os_name             TEXT,
    os_version          TEXT,
    kernel_architecture TEXT,
    -- the device's filters object; NULL when the device does not report the value (old clients report none)
    filter_model        TEXT COLLATE NOCASE,
    filter_memory       TEXT COLLATE NOCASE,
    filter_os           TEXT COLLATE NOCASE,
    old_client          INTEGER NOT NULL,
    -- tags as the API lists them (JSON array); device_tags holds the same tags for searching
    tags_json           TEXT NOT NULL,
    -- name and serial lowercased by Fleetdesk (Locale.ROOT): what free text is searched in
    name_fold           TEXT NOT NULL,
    serial_fold         TEXT NOT NULL,
    -- hash of everything above from the API, to skip unchanged devices when a sync replaces the set
    content_hash        INTEGER NOT NULL
);
-- the order of DeviceSort.BY_NAME, so that listing by name needs no sorting
CREATE INDEX devices_by_name ON devices(name_fold, coalesce(name, ''), id);
CREATE INDEX devices_by_model ON devices(filter_model);
CREATE INDEX devices_by_memory ON devices(filter_memory);
CREATE INDEX devices_by_os ON devices(filter_os);

CREATE TABLE device_tags (
    device_row INTEGER NOT NULL REFERENCES devices(row_id) ON DELETE CASCADE,
    tag        TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (device_row, tag)
) WITHOUT ROWID;
CREATE INDEX device_tags_by_tag ON device_tags(tag, device_row);

-- Substring search over name_fold and serial_fold (rowid = devices.row_id). Trigram tokens, so terms of fewer
-- than 3 characters cannot use it and are searched with instr() instead. Case-sensitive because the columns
-- and the terms are already lowercased the same way in Java.
CREATE VIRTUAL TABLE device_text USING fts5(
    name_fold, serial_fold, content='', contentless_delete=1, tokenize='trigram case_sensitive 1'
);

CREATE TABLE deployments (
    id          TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
    artefact_id TEXT,
    state       TEXT NOT NULL,
    state_reason TEXT,
    created_at  TEXT,
    updated_at  TEXT,
    -- place in the API's list for the device (most recent first)
    position    INTEGER NOT NULL
);
CREATE INDEX deployments_by_device ON deployments(device_id, position);

CREATE TABLE artefacts (
    id       TEXT PRIMARY KEY,
    name     TEXT,
    uri      TEXT,
    checksum TEXT
);

-- Auth-key metadata only: the secret is never stored (there is deliberately no column for it).
CREATE TABLE auth_keys (
    id           TEXT PRIMARY KEY,
    description  TEXT,
    device_name  TEXT,
    tags_json    TEXT NOT NULL,
    expires_at   TEXT,
    exchanged_at TEXT,
    created_at   TEXT
);

CREATE TABLE device_identities (
    id          TEXT PRIMARY KEY,
    description TEXT,
    device_name TEXT,
    tags_json   TEXT NOT NULL,
    created_at  TEXT,
    public_key  TEXT
);

-- When each resource was last fetched completely from the API, and how many items it had.
CREATE TABLE sync_state (
    resource       TEXT PRIMARY KEY,
    last_full_sync INTEGER NOT NULL,
    item_count     INTEGER NOT NULL
);

CREATE TABLE saved_searches (
    name       TEXT PRIMARY KEY,
    query      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Rollout journal (used by the rollout package): a rollout, then one row per target device whose intent is
-- written before each request is sent, so that a crash can resume without duplicate deployments.
CREATE TABLE rollouts (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    artefact_id TEXT NOT NULL,
    query       TEXT NOT NULL,
    plan_json   TEXT NOT NULL,
    state       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE rollout_targets (
    rollout_id    TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    device_id     TEXT NOT NULL,
    wave          INTEGER NOT NULL,
    intent        TEXT NOT NULL,
    deployment_id TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    state_reason  TEXT,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (rollout_id, device_id)
) WITHOUT ROWID;
CREATE INDEX rollout_targets_by_intent ON rollout_targets(rollout_id, wave, intent);

-- Activity journal: what Fleetdesk did, from which face, and how it ended.
CREATE TABLE activity (
    seq     INTEGER PRIMARY KEY,
    ts      INTEGER NOT NULL,
    source  TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT,
    outcome TEXT NOT NULL,
    message TEXT
);
CREATE INDEX activity_by_ts ON activity(ts);
