CREATE TABLE `change_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`raised_by` integer NOT NULL,
	`title` text NOT NULL,
	`why_now` text NOT NULL,
	`urgency` text NOT NULL,
	`incoming_item_id` integer NOT NULL,
	`incoming_period_id` integer,
	`incoming_position` integer NOT NULL,
	`displaced` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`decided_at` text,
	`decided_by` integer,
	`rule_met` integer,
	`decision_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incoming_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incoming_period_id`) REFERENCES `schedule_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_requests_cycle` ON `change_requests` (`cycle_id`,`status`);--> statement-breakpoint
CREATE TABLE `emergency_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_request_id` integer NOT NULL,
	`mode` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`deadline` text,
	`quorum` integer NOT NULL,
	`sponsor_veto` integer DEFAULT false NOT NULL,
	`convened_by` integer NOT NULL,
	`convened_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`change_request_id`) REFERENCES `change_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`convened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emergency_sessions_request` ON `emergency_sessions` (`change_request_id`);--> statement-breakpoint
CREATE TABLE `schedule_entries` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`period_id` integer,
	`owner_id` integer,
	`kickoff_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`period_id`) REFERENCES `schedule_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_entries_period` ON `schedule_entries` (`period_id`);--> statement-breakpoint
CREATE TABLE `schedule_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` integer,
	`resolution_note` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_flags_item` ON `schedule_flags` (`item_id`);--> statement-breakpoint
CREATE TABLE `schedule_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`capacity_weeks` real NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedule_periods_cycle` ON `schedule_periods` (`cycle_id`,`position`);--> statement-breakpoint
CREATE TABLE `schedule_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`published_at` text NOT NULL,
	`published_by` integer NOT NULL,
	`snapshot` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_publications_cycle` ON `schedule_publications` (`cycle_id`,`id`);--> statement-breakpoint
CREATE TABLE `session_invitees` (
	`session_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `emergency_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `session_responses` (
	`session_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`response` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `emergency_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
