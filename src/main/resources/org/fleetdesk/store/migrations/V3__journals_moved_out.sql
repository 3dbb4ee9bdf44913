-- Schema version 3: the rollout journal, the activity journal and the saved searches moved to the organisation's
-- journal file (journal.sqlite, its own migrations under journal-migrations/), so that a damaged cache can be moved
-- aside and rebuilt by a sync without losing what a sync cannot bring back. Their rows were copied into the journal
-- file (in its own transaction, before this script runs) by the code that opens the cache.
DROP TABLE rollout_samples;
DROP TABLE rollout_targets;
DROP TABLE rollouts;
DROP TABLE activity;
DROP TABLE saved_searches;
