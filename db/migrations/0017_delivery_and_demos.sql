CREATE TABLE `delivery_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`delivered_on` text NOT NULL,
	`release_notes` text DEFAULT '' NOT NULL,
	`links` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`undone_at` text,
	`undone_by` integer,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_records_item` ON `delivery_records` (`item_id`,`delivered_on`);--> statement-breakpoint
CREATE TABLE `demo_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`demo_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`request_item_id` integer,
	FOREIGN KEY (`demo_id`) REFERENCES `demos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demo_feedback_item` ON `demo_feedback` (`item_id`,`demo_id`);--> statement-breakpoint
CREATE TABLE `demo_invitees` (
	`demo_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`demo_id`, `user_id`),
	FOREIGN KEY (`demo_id`) REFERENCES `demos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demo_invitees_user` ON `demo_invitees` (`user_id`);--> statement-breakpoint
CREATE TABLE `demo_items` (
	`demo_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`shown_at` text,
	`stage` text,
	`notes` text DEFAULT '' NOT NULL,
	`links` text NOT NULL,
	PRIMARY KEY(`demo_id`, `item_id`),
	FOREIGN KEY (`demo_id`) REFERENCES `demos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demo_items_item` ON `demo_items` (`item_id`);--> statement-breakpoint
CREATE TABLE `demos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`time_zone` text NOT NULL,
	`presenter_id` integer NOT NULL,
	`created_by` integer NOT NULL,
	`feedback_closes_at` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`ics_sequence` integer DEFAULT 0 NOT NULL,
	`cancelled_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`presenter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demos_cycle` ON `demos` (`cycle_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `items` ADD `actual_weeks` real;