-- Hand-edited: WITHOUT ROWID, as survey_response_subjects (0005); drizzle-kit cannot declare it.
CREATE TABLE `survey_response_tags` (
	`tag` text NOT NULL,
	`response_id` text NOT NULL,
	PRIMARY KEY(`tag`, `response_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `assignee_id` integer;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `group_id` integer;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `brand_id` integer;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `survey_responses_assignee_idx` ON `survey_responses` (`assignee_id`,`id`) WHERE "survey_responses"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX `survey_responses_group_idx` ON `survey_responses` (`group_id`,`id`) WHERE "survey_responses"."group_id" is not null;--> statement-breakpoint
CREATE INDEX `survey_responses_brand_idx` ON `survey_responses` (`brand_id`,`id`) WHERE "survey_responses"."brand_id" is not null;--> statement-breakpoint
CREATE INDEX `survey_responses_updated_idx` ON `survey_responses` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `survey_responses_unanswered_idx` ON `survey_responses` (`id`,`expires_at`) WHERE "survey_responses"."answered_at" is null;