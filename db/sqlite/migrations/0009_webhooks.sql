CREATE TABLE `alert_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`address` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer DEFAULT 0 NOT NULL,
	`lease_token` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `webhook_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_emails_due_idx` ON `alert_emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_emails_event_idx` ON `alert_emails` (`event_id`);--> statement-breakpoint
CREATE TABLE `alert_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_recipients_address_unique` ON `alert_recipients` (`address`);--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invocation_id` integer NOT NULL,
	`status` text NOT NULL,
	`status_code` integer,
	`duration_ms` integer NOT NULL,
	`completed_at` integer NOT NULL,
	`response_body` text NOT NULL,
	FOREIGN KEY (`invocation_id`) REFERENCES `webhook_invocations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_invocation_idx` ON `webhook_attempts` (`invocation_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_invocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` text NOT NULL,
	`event_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer DEFAULT 0 NOT NULL,
	`lease_token` text,
	`created_at` integer NOT NULL,
	`latest_completed_at` integer,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `webhook_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_invocations_due_idx` ON `webhook_invocations` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_invocations_webhook_idx` ON `webhook_invocations` (`webhook_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_invocations_event_idx` ON `webhook_invocations` (`event_id`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`event_type` text NOT NULL,
	`webhook_id` text NOT NULL,
	PRIMARY KEY(`event_type`, `webhook_id`),
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_webhook_idx` ON `webhook_subscriptions` (`webhook_id`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`endpoint` text NOT NULL,
	`http_method` text NOT NULL,
	`request_format` text NOT NULL,
	`authentication` text,
	`signing_secret` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`failing_since` integer
);
