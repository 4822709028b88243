CREATE TABLE `survey_daily_counts` (
	`survey_id` text NOT NULL,
	`day` integer NOT NULL,
	`answered` integer NOT NULL,
	`rating` integer NOT NULL,
	`rating_category` text NOT NULL,
	`responses` integer NOT NULL,
	PRIMARY KEY(`survey_id`, `day`, `answered`, `rating`, `rating_category`)
);
--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `rating_category` text;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `has_comment` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `survey_responses_survey_rating_idx` ON `survey_responses` (`survey_id`,`rating`,`id`);--> statement-breakpoint
UPDATE `survey_responses` SET
  `rating` = (SELECT a.`rating` FROM `answers` a WHERE a.`response_id` = `survey_responses`.`id` AND a.`type` = 'rating_scale' ORDER BY a.`position` LIMIT 1),
  `rating_category` = (SELECT a.`rating_category` FROM `answers` a WHERE a.`response_id` = `survey_responses`.`id` AND a.`type` = 'rating_scale' ORDER BY a.`position` LIMIT 1),
  `has_comment` = EXISTS (SELECT 1 FROM `answers` a WHERE a.`response_id` = `survey_responses`.`id` AND a.`type` = 'open_ended' AND a.`value` <> '');
--> statement-breakpoint
INSERT INTO `survey_daily_counts` (`survey_id`, `day`, `answered`, `rating`, `rating_category`, `responses`)
  SELECT `survey_id`, `created_at` / 86400000, `answered_at` IS NOT NULL, coalesce(`rating`, -1), coalesce(`rating_category`, ''), count(*)
  FROM `survey_responses` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `survey_daily_counts_insert` AFTER INSERT ON `survey_responses` BEGIN
  INSERT INTO `survey_daily_counts` (`survey_id`, `day`, `answered`, `rating`, `rating_category`, `responses`)
  VALUES (new.`survey_id`, new.`created_at` / 86400000, new.`answered_at` IS NOT NULL, coalesce(new.`rating`, -1), coalesce(new.`rating_category`, ''), 1)
  ON CONFLICT DO UPDATE SET `responses` = `responses` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_daily_counts_delete` AFTER DELETE ON `survey_responses` BEGIN
  UPDATE `survey_daily_counts` SET `responses` = `responses` - 1
  WHERE `survey_id` = old.`survey_id` AND `day` = old.`created_at` / 86400000 AND `answered` = (old.`answered_at` IS NOT NULL)
    AND `rating` = coalesce(old.`rating`, -1) AND `rating_category` = coalesce(old.`rating_category`, '');
END;
--> statement-breakpoint
CREATE TRIGGER `survey_daily_counts_update` AFTER UPDATE OF `answered_at`, `rating`, `rating_category`, `survey_id`, `created_at` ON `survey_responses`
WHEN (old.`answered_at` IS NULL) <> (new.`answered_at` IS NULL) OR old.`rating` IS NOT new.`rating` OR old.`rating_category` IS NOT new.`rating_category`
  OR old.`survey_id` <> new.`survey_id` OR old.`created_at` <> new.`created_at`
BEGIN
  UPDATE `survey_daily_counts` SET `responses` = `responses` - 1
  WHERE `survey_id` = old.`survey_id` AND `day` = old.`created_at` / 86400000 AND `answered` = (old.`answered_at` IS NOT NULL)
    AND `rating` = coalesce(old.`rating`, -1) AND `rating_category` = coalesce(old.`rating_category`, '');
  INSERT INTO `survey_daily_counts` (`survey_id`, `day`, `answered`, `rating`, `rating_category`, `responses`)
  VALUES (new.`survey_id`, new.`created_at` / 86400000, new.`answered_at` IS NOT NULL, coalesce(new.`rating`, -1), coalesce(new.`rating_category`, ''), 1)
  ON CONFLICT DO UPDATE SET `responses` = `responses` + 1;
END;
