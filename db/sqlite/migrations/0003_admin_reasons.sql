CREATE TABLE `survey_daily_reasons` (
	`survey_id` text NOT NULL,
	`day` integer NOT NULL,
	`question_id` text NOT NULL,
	`option_id` text NOT NULL,
	`responses` integer NOT NULL,
	PRIMARY KEY(`survey_id`, `day`, `question_id`, `option_id`)
);
--> statement-breakpoint
INSERT INTO `survey_daily_reasons` (`survey_id`, `day`, `question_id`, `option_id`, `responses`)
  SELECT r.`survey_id`, r.`created_at` / 86400000, a.`question_id`, j.`value`, count(*)
  FROM `answers` a JOIN `survey_responses` r ON r.`id` = a.`response_id`, json_each(a.`selections`) j
  WHERE a.`type` = 'closed_ended' AND a.`selections` IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `survey_daily_reasons_insert` AFTER INSERT ON `answers`
WHEN new.`type` = 'closed_ended' AND new.`selections` IS NOT NULL
BEGIN
  INSERT INTO `survey_daily_reasons` (`survey_id`, `day`, `question_id`, `option_id`, `responses`)
  SELECT r.`survey_id`, r.`created_at` / 86400000, new.`question_id`, j.`value`, 1
  FROM `survey_responses` r, json_each(new.`selections`) j WHERE r.`id` = new.`response_id`
  ON CONFLICT DO UPDATE SET `responses` = `responses` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_daily_reasons_delete` AFTER DELETE ON `answers`
WHEN old.`type` = 'closed_ended' AND old.`selections` IS NOT NULL
BEGIN
  UPDATE `survey_daily_reasons` SET `responses` = `responses` - 1
  WHERE (`survey_id`, `day`, `question_id`, `option_id`) IN (
    SELECT r.`survey_id`, r.`created_at` / 86400000, old.`question_id`, j.`value`
    FROM `survey_responses` r, json_each(old.`selections`) j WHERE r.`id` = old.`response_id`
  );
END;
