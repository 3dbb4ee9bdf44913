-- The journal file, schema version 1: what Fleetdesk records and a sync cannot rebuild. Its tables have the shape
-- they had in the cache at cache schema version 2, so rows from an older cache are copied over column by column.
-- Times Fleetdesk records are epoch milliseconds; a deployment's created_at is the API's own ISO-8601 text.

-- Rollout journal: a rollout, then one row per target device whose intent is written before each request is sent,
-- so that a crash can resume without duplicate deployments.
CREATE TABLE rollouts (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    artefact_id         TEXT NOT NULL,
    query               TEXT NOT NULL,
    plan_json           TEXT NOT NULL,
    state               TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    artefact_name       TEXT,
    -- 1: the targets are the answer to the query column ('' = the whole organisation); 0: an explicit selection
    from_query          INTEGER NOT NULL DEFAULT 1,
    -- the frozen target set in words: the query, or how many devices were selected
    targets_description TEXT,
    -- why the rollout stopped, halted or was aborted
    reason              TEXT,
    finished_at         INTEGER,
    -- the process running it ("pid@start-millis"), so that a second process does not run it at the same time
    owner               TEXT
);

-- Each target's status: waiting, sending (intent journalled, request maybe sent), then the deployment's state
-- (pending, in_progress, succeeded, failed, cancelled), or timed_out, refused, skipped.
CREATE TABLE rollout_targets (
    rollout_id    TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    device_id     TEXT NOT NULL,
    wave          INTEGER NOT NULL,
    status        TEXT NOT NULL,
    deployment_id TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    state_reason  TEXT,
    updated_at    INTEGER NOT NULL,
    position      INTEGER NOT NULL DEFAULT 0,
    device_name   TEXT,
    -- when the intent to create was journalled (before the request was sent)
    intent_at     INTEGER,
    -- the deployment's created_at from the API, and when its answer arrived here (together: the server's clock)
    created_at    TEXT,
    created_local INTEGER,
    -- when the monitor saw the deployment finish
    finished_at   INTEGER,
    PRIMARY KEY (rollout_id, device_id)
) WITHOUT ROWID;
CREATE INDEX rollout_targets_by_status ON rollout_targets(rollout_id, wave, status);
CREATE INDEX rollout_targets_by_deployment ON rollout_targets(deployment_id);

-- Counts per target status over time (JSON object status -> count), for the monitor's chart after a restart.
CREATE TABLE rollout_samples (
    rollout_id  TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    counts_json TEXT NOT NULL,
    PRIMARY KEY (rollout_id, at)
) WITHOUT ROWID;

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

CREATE TABLE saved_searches (
    name       TEXT PRIMARY KEY,
    query      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
