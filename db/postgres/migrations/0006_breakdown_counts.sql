CREATE TABLE "survey_breakdown_counts" (
	"survey_id" text collate "C" NOT NULL,
	"day" integer NOT NULL,
	"dimension" text NOT NULL,
	"dimension_id" bigint NOT NULL,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"good" integer NOT NULL,
	"neutral" integer NOT NULL,
	"bad" integer NOT NULL,
	CONSTRAINT "survey_breakdown_counts_survey_id_day_dimension_dimension_id_pk" PRIMARY KEY("survey_id","day","dimension","dimension_id")
);
--> statement-breakpoint
-- Hand-written from here (drizzle-kit does not declare triggers), as SQLite's twin migration: a
-- response counts once in the row of each of its assignee, group and brand (those it has), for the
-- UTC day it was created: offered always, answered once answered, and in good, neutral or bad by its
-- rating's category. Attribution never changes after Create; a submit changes answered and the rating.
INSERT INTO survey_breakdown_counts (survey_id, day, dimension, dimension_id, offered, answered, good, neutral, bad)
  SELECT r.survey_id, r.created_at / 86400000, d.dimension, d.id, count(*), count(*) FILTER (WHERE r.answered_at IS NOT NULL),
    count(*) FILTER (WHERE r.rating_category = 'good'), count(*) FILTER (WHERE r.rating_category = 'neutral'), count(*) FILTER (WHERE r.rating_category = 'bad')
  FROM survey_responses r
    CROSS JOIN LATERAL (VALUES ('assignee', r.assignee_id), ('group', r.group_id), ('brand', r.brand_id)) d(dimension, id)
  WHERE d.id IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE FUNCTION survey_breakdown_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE survey_breakdown_counts b SET offered = b.offered - 1, answered = b.answered - (OLD.answered_at IS NOT NULL)::int,
      good = b.good - (OLD.rating_category IS NOT DISTINCT FROM 'good')::int,
      neutral = b.neutral - (OLD.rating_category IS NOT DISTINCT FROM 'neutral')::int,
      bad = b.bad - (OLD.rating_category IS NOT DISTINCT FROM 'bad')::int
    FROM (VALUES ('assignee', OLD.assignee_id), ('group', OLD.group_id), ('brand', OLD.brand_id)) d(dimension, id)
    WHERE d.id IS NOT NULL AND b.survey_id = OLD.survey_id AND b.day = OLD.created_at / 86400000
      AND b.dimension = d.dimension AND b.dimension_id = d.id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO survey_breakdown_counts (survey_id, day, dimension, dimension_id, offered, answered, good, neutral, bad)
    SELECT NEW.survey_id, NEW.created_at / 86400000, d.dimension, d.id, 1, (NEW.answered_at IS NOT NULL)::int,
      (NEW.rating_category IS NOT DISTINCT FROM 'good')::int, (NEW.rating_category IS NOT DISTINCT FROM 'neutral')::int,
      (NEW.rating_category IS NOT DISTINCT FROM 'bad')::int
    FROM (VALUES ('assignee', NEW.assignee_id), ('group', NEW.group_id), ('brand', NEW.brand_id)) d(dimension, id)
    WHERE d.id IS NOT NULL
    ON CONFLICT (survey_id, day, dimension, dimension_id) DO UPDATE SET
      offered = survey_breakdown_counts.offered + excluded.offered, answered = survey_breakdown_counts.answered + excluded.answered,
      good = survey_breakdown_counts.good + excluded.good, neutral = survey_breakdown_counts.neutral + excluded.neutral,
      bad = survey_breakdown_counts.bad + excluded.bad;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_breakdown_counts_insert AFTER INSERT ON survey_responses
  FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL OR NEW.group_id IS NOT NULL OR NEW.brand_id IS NOT NULL)
  EXECUTE FUNCTION survey_breakdown_counts_change();
--> statement-breakpoint
CREATE TRIGGER survey_breakdown_counts_delete AFTER DELETE ON survey_responses
  FOR EACH ROW WHEN (OLD.assignee_id IS NOT NULL OR OLD.group_id IS NOT NULL OR OLD.brand_id IS NOT NULL)
  EXECUTE FUNCTION survey_breakdown_counts_change();
--> statement-breakpoint
CREATE TRIGGER survey_breakdown_counts_update AFTER UPDATE OF answered_at, rating_category, survey_id, created_at, assignee_id, group_id, brand_id ON survey_responses
  FOR EACH ROW
  WHEN ((OLD.answered_at IS NULL) <> (NEW.answered_at IS NULL) OR OLD.rating_category IS DISTINCT FROM NEW.rating_category
    OR OLD.survey_id <> NEW.survey_id OR OLD.created_at <> NEW.created_at OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
    OR OLD.group_id IS DISTINCT FROM NEW.group_id OR OLD.brand_id IS DISTINCT FROM NEW.brand_id)
  EXECUTE FUNCTION survey_breakdown_counts_change();
