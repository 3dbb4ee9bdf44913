-- Rollout journal, schema version 2: what the reserved tables of version 1 lacked for resuming and reporting.
-- Times Fleetdesk records are epoch milliseconds; a deployment's created_at is the API's own ISO-8601 text.

-- Each target's status: waiting, sending (intent journalled, request maybe sent), then the deployment's state
-- (pending, in_progress, succeeded, failed, cancelled), or timed_out, refused, skipped.
ALTER TABLE rollout_targets RENAME COLUMN intent TO status;
DROP INDEX rollout_targets_by_intent;
CREATE INDEX rollout_targets_by_status ON rollout_targets(rollout_id, wave, status);
ALTER TABLE rollout_targets ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollout_targets ADD COLUMN device_name TEXT;
-- when the intent to create was journalled (before the request was sent)
ALTER TABLE rollout_targets ADD COLUMN intent_at INTEGER;
-- the deployment's created_at from the API, and when its answer arrived here (together: the server's clock)
ALTER TABLE rollout_targets ADD COLUMN created_at TEXT;
ALTER TABLE rollout_targets ADD COLUMN created_local INTEGER;
-- when the monitor saw the deployment finish
ALTER TABLE rollout_targets ADD COLUMN finished_at INTEGER;
CREATE INDEX rollout_targets_by_deployment ON rollout_targets(deployment_id);

ALTER TABLE rollouts ADD COLUMN artefact_name TEXT;
-- 1: the targets are the answer to the query column ('' = the whole organisation); 0: an explicit selection
ALTER TABLE rollouts ADD COLUMN from_query INTEGER NOT NULL DEFAULT 1;
-- the frozen target set in words: the query, or how many devices were selected
ALTER TABLE rollouts ADD COLUMN targets_description TEXT;
-- why the rollout stopped, halted or was aborted
ALTER TABLE rollouts ADD COLUMN reason TEXT;
ALTER TABLE rollouts ADD COLUMN finished_at INTEGER;
-- the process running it ("pid@start-millis"), so that a second process does not run it at the same time
ALTER TABLE rollouts ADD COLUMN owner TEXT;

-- Counts per target status over time (JSON object status -> count), for the monitor's chart after a restart.
CREATE TABLE rollout_samples (
    rollout_id  TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    counts_json TEXT NOT NULL,
    PRIMARY KEY (rollout_id, at)
) WITHOUT ROWID;
