DROP INDEX `login_attempts_email_at`;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `client` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `login_attempts_email_client_at` ON `login_attempts` (`email`,`client`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_client_at` ON `login_attempts` (`client`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_at` ON `login_attempts` (`at`);