-- The event log is append-only, as on SQLite: no row is ever deleted, and a row is updated only
-- once, to seal it (fill its NULL prev_hash and hash while every other column stays as it was).
-- data is json (not jsonb, which has no equality): its text is compared, so even a reformatting
-- of the same value counts as a change.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
    AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.at IS NOT DISTINCT FROM OLD.at
    AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.type IS NOT DISTINCT FROM OLD.type
    AND NEW.subject_type IS NOT DISTINCT FROM OLD.subject_type AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
    AND NEW.data::text IS NOT DISTINCT FROM OLD.data::text
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION events_append_only();
--> statement-breakpoint
-- TRUNCATE fires no row trigger: without this one it would empty the log in one statement.
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
