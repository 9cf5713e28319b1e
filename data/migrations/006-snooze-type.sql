-- 006-snooze-type.sql — schema version 6: a snooze is journaled as what it
-- is, type 'snooze', no longer as a task (task.c). Entries journaled before
-- keep their type 'task': the journal is append-only.
INSERT INTO activity_types(type) VALUES ('snooze');

-- The entry that completes a call's start entry is found from the start
-- (history.c shows a call as one row once it has ended).
CREATE INDEX activities_corrects ON activities(corrects) WHERE corrects IS NOT NULL;
