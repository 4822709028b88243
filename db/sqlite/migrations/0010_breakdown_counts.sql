-- Hand-edited: WITHOUT ROWID, as survey_daily_counts (0005); drizzle-kit cannot declare it. The
-- triggers and the backfill are hand-written too (drizzle-kit does not declare triggers).
CREATE TABLE `survey_breakdown_counts` (
	`survey_id` text NOT NULL,
	`day` integer NOT NULL,
	`dimension` text NOT NULL,
	`dimension_id` integer NOT NULL,
	`offered` integer NOT NULL,
	`answered` integer NOT NULL,
	`good` integer NOT NULL,
	`neutral` integer NOT NULL,
	`bad` integer NOT NULL,
	PRIMARY KEY(`survey_id`, `day`, `dimension`, `dimension_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A response counts once in the row of each of its assignee, group and brand (those it has), for the
-- UTC day it was created: offered always, answered once answered, and in good, neutral or bad by its
-- rating's category. Attribution never changes after Create; a submit changes answered and the rating.
INSERT INTO `survey_breakdown_counts` (`survey_id`, `day`, `dimension`, `dimension_id`, `offered`, `answered`, `good`, `neutral`, `bad`)
  SELECT `survey_id`, `day`, `dimension`, `dimension_id`, count(*), sum(`answered_at` IS NOT NULL),
    sum(`rating_category` IS 'good'), sum(`rating_category` IS 'neutral'), sum(`rating_category` IS 'bad')
  FROM (
    SELECT `survey_id`, `created_at` / 86400000 AS `day`, 'assignee' AS `dimension`, `assignee_id` AS `dimension_id`, `answered_at`, `rating_category`
      FROM `survey_responses` WHERE `assignee_id` IS NOT NULL
    UNION ALL
    SELECT `survey_id`, `created_at` / 86400000, 'group', `group_id`, `answered_at`, `rating_category`
      FROM `survey_responses` WHERE `group_id` IS NOT NULL
    UNION ALL
    SELECT `survey_id`, `created_at` / 86400000, 'brand', `brand_id`, `answered_at`, `rating_category`
      FROM `survey_responses` WHERE `brand_id` IS NOT NULL
  )
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `survey_breakdown_counts_insert` AFTER INSERT ON `survey_responses`
WHEN new.`assignee_id` IS NOT NULL OR new.`group_id` IS NOT NULL OR new.`brand_id` IS NOT NULL
BEGIN
  INSERT INTO `survey_breakdown_counts` (`survey_id`, `day`, `dimension`, `dimension_id`, `offered`, `answered`, `good`, `neutral`, `bad`)
  SELECT new.`survey_id`, new.`created_at` / 86400000, d.`dimension`, d.`id`, 1, new.`answered_at` IS NOT NULL,
    new.`rating_category` IS 'good', new.`rating_category` IS 'neutral', new.`rating_category` IS 'bad'
  FROM (SELECT 'assignee' AS `dimension`, new.`assignee_id` AS `id` UNION ALL SELECT 'group', new.`group_id` UNION ALL SELECT 'brand', new.`brand_id`) d
  WHERE d.`id` IS NOT NULL
  ON CONFLICT DO UPDATE SET `offered` = `offered` + excluded.`offered`, `answered` = `answered` + excluded.`answered`,
    `good` = `good` + excluded.`good`, `neutral` = `neutral` + excluded.`neutral`, `bad` = `bad` + excluded.`bad`;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_breakdown_counts_delete` AFTER DELETE ON `survey_responses`
WHEN old.`assignee_id` IS NOT NULL OR old.`group_id` IS NOT NULL OR old.`brand_id` IS NOT NULL
BEGIN
  UPDATE `survey_breakdown_counts` SET `offered` = `offered` - 1, `answered` = `answered` - (old.`answered_at` IS NOT NULL),
    `good` = `good` - (old.`rating_category` IS 'good'), `neutral` = `neutral` - (old.`rating_category` IS 'neutral'), `bad` = `bad` - (old.`rating_category` IS 'bad')
  WHERE `survey_id` = old.`survey_id` AND `day` = old.`created_at` / 86400000
    AND (`dimension`, `dimension_id`) IN (VALUES ('assignee', old.`assignee_id`), ('group', old.`group_id`), ('brand', old.`brand_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `survey_breakdown_counts_update` AFTER UPDATE OF `answered_at`, `rating_category`, `survey_id`, `created_at`, `assignee_id`, `group_id`, `brand_id` ON `survey_responses`
WHEN (old.`answered_at` IS NULL) <> (new.`answered_at` IS NULL) OR old.`rating_category` IS NOT new.`rating_category`
  OR old.`survey_id` <> new.`survey_id` OR old.`created_at` <> new.`created_at`
  OR old.`assignee_id` IS NOT new.`assignee_id` OR old.`group_id` IS NOT new.`group_id` OR old.`brand_id` IS NOT new.`brand_id`
BEGIN
  UPDATE `survey_breakdown_counts` SET `offered` = `offered` - 1, `answered` = `answered` - (old.`answered_at` IS NOT NULL),
    `good` = `good` - (old.`rating_category` IS 'good'), `neutral` = `neutral` - (old.`rating_category` IS 'neutral'), `bad` = `bad` - (old.`rating_category` IS 'bad')
  WHERE `survey_id` = old.`survey_id` AND `day` = old.`created_at` / 86400000
    AND (`dimension`, `dimension_id`) IN (VALUES ('assignee', old.`assignee_id`), ('group', old.`group_id`), ('brand', old.`brand_id`));
  INSERT INTO `survey_breakdown_counts` (`survey_id`, `day`, `dimension`, `dimension_id`, `offered`, `answered`, `good`, `neutral`, `bad`)
  SELECT new.`survey_id`, new.`created_at` / 86400000, d.`dimension`, d.`id`, 1, new.`answered_at` IS NOT NULL,
    new.`rating_category` IS 'good', new.`rating_category` IS 'neutral', new.`rating_category` IS 'bad'
  FROM (SELECT 'assignee' AS `dimension`, new.`assignee_id` AS `id` UNION ALL SELECT 'group', new.`group_id` UNION ALL SELECT 'brand', new.`brand_id`) d
  WHERE d.`id` IS NOT NULL
  ON CONFLICT DO UPDATE SET `offered` = `offered` + excluded.`offered`, `answered` = `answered` + excluded.`answered`,
    `good` = `good` + excluded.`good`, `neutral` = `neutral` + excluded.`neutral`, `bad` = `bad` + excluded.`bad`;
END;
