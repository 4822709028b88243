-- The admin overview's daily figures, kept exact in the same transaction as every write, as SQLite's
-- triggers do (db/sqlite/migrations 0002, 0003, 0005). Hand-written: drizzle-kit does not declare
-- triggers. A response sits in exactly one survey_daily_counts cell; a closed-ended answer adds one
-- to survey_daily_reasons per option chosen.
CREATE FUNCTION survey_daily_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE survey_daily_counts SET responses = responses - 1
    WHERE survey_id = OLD.survey_id AND day = OLD.created_at / 86400000 AND answered = (OLD.answered_at IS NOT NULL)
      AND rating = coalesce(OLD.rating, -1) AND rating_category = coalesce(OLD.rating_category, '');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO survey_daily_counts (survey_id, day, answered, rating, rating_category, responses)
    VALUES (NEW.survey_id, NEW.created_at / 86400000, NEW.answered_at IS NOT NULL, coalesce(NEW.rating, -1), coalesce(NEW.rating_category, ''), 1)
    ON CONFLICT (survey_id, day, answered, rating, rating_category) DO UPDATE SET responses = survey_daily_counts.responses + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_daily_counts_insert AFTER INSERT ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION survey_daily_counts_change();
--> statement-breakpoint
CREATE TRIGGER survey_daily_counts_delete AFTER DELETE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION survey_daily_counts_change();
--> statement-breakpoint
CREATE TRIGGER survey_daily_counts_update AFTER UPDATE OF answered_at, rating, rating_category, survey_id, created_at ON survey_responses
  FOR EACH ROW
  WHEN ((OLD.answered_at IS NULL) <> (NEW.answered_at IS NULL) OR OLD.rating IS DISTINCT FROM NEW.rating
    OR OLD.rating_category IS DISTINCT FROM NEW.rating_category OR OLD.survey_id <> NEW.survey_id OR OLD.created_at <> NEW.created_at)
  EXECUTE FUNCTION survey_daily_counts_change();
--> statement-breakpoint
CREATE FUNCTION survey_daily_reasons_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE survey_daily_reasons d SET responses = d.responses - 1
    FROM survey_responses r, jsonb_array_elements_text(OLD.selections::jsonb) j(option_id)
    WHERE r.id = OLD.response_id AND d.survey_id = r.survey_id AND d.day = r.created_at / 86400000
      AND d.question_id = OLD.question_id AND d.option_id = j.option_id;
  ELSE
    INSERT INTO survey_daily_reasons (survey_id, day, question_id, option_id, responses)
    SELECT r.survey_id, r.created_at / 86400000, NEW.question_id, j.option_id, count(*)
    FROM survey_responses r, jsonb_array_elements_text(NEW.selections::jsonb) j(option_id)
    WHERE r.id = NEW.response_id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (survey_id, day, question_id, option_id) DO UPDATE SET responses = survey_daily_reasons.responses + excluded.responses;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_daily_reasons_insert AFTER INSERT ON answers
  FOR EACH ROW WHEN (NEW.type = 'closed_ended' AND NEW.selections IS NOT NULL)
  EXECUTE FUNCTION survey_daily_reasons_change();
--> statement-breakpoint
CREATE TRIGGER survey_daily_reasons_delete AFTER DELETE ON answers
  FOR EACH ROW WHEN (OLD.type = 'closed_ended' AND OLD.selections IS NOT NULL)
  EXECUTE FUNCTION survey_daily_reasons_change();
