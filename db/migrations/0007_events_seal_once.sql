-- The event log stays append-only, with one exception: a row written before the hash chain existed
-- (or written without its hashes) may be sealed once, by filling its NULL prev_hash and hash while
-- every other column stays as it was. A sealed row, like before, can never be updated; no row can be
-- deleted (events_no_delete is unchanged).
DROP TRIGGER events_no_update;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (
  OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
  AND NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.actor_id IS OLD.actor_id AND NEW.type IS OLD.type
  AND NEW.subject_type IS OLD.subject_type AND NEW.subject_id IS OLD.subject_id AND NEW.data IS OLD.data
)
BEGIN
  SELECT RAISE(ABORT, 'events is append-only');
END;
