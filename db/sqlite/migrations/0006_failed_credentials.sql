CREATE TABLE `failed_credentials` (
	`kind` text NOT NULL,
	`client` text NOT NULL,
	`window_start` integer NOT NULL,
	`failures` integer NOT NULL,
	PRIMARY KEY(`kind`, `client`)
);
--> statement-breakpoint
CREATE INDEX `failed_credentials_window_idx` ON `failed_credentials` (`window_start`);