CREATE TABLE `item_co_people` (
	`item_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`via_item_id` integer,
	`added_at` text NOT NULL,
	PRIMARY KEY(`item_id`, `user_id`, `role`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`via_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_co_people_user` ON `item_co_people` (`user_id`);--> statement-breakpoint
CREATE TABLE `item_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survivor_id` integer NOT NULL,
	`merged_id` integer NOT NULL,
	`fields_taken` text NOT NULL,
	`merged_by` integer NOT NULL,
	`merged_at` text NOT NULL,
	FOREIGN KEY (`survivor_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_merges_merged` ON `item_merges` (`merged_id`);--> statement-breakpoint
CREATE INDEX `item_merges_survivor` ON `item_merges` (`survivor_id`);--> statement-breakpoint
CREATE TABLE `item_score_inputs` (
	`item_id` integer NOT NULL,
	`input` text NOT NULL,
	`value` real NOT NULL,
	`set_by` integer NOT NULL,
	`set_at` text NOT NULL,
	PRIMARY KEY(`item_id`, `input`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `map_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_activities_cycle` ON `map_activities` (`cycle_id`,`position`);--> statement-breakpoint
CREATE TABLE `map_cards` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`cycle_id` integer NOT NULL,
	`step_id` integer,
	`slice_id` integer,
	`position` integer NOT NULL,
	`culled_at` text,
	`cull_reason` text,
	`culled_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `map_steps`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`slice_id`) REFERENCES `map_slices`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`culled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `map_cards_cycle` ON `map_cards` (`cycle_id`,`slice_id`,`step_id`);--> statement-breakpoint
CREATE TABLE `map_slices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'custom' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_slices_cycle` ON `map_slices` (`cycle_id`,`position`);--> statement-breakpoint
CREATE TABLE `map_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `map_activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_steps_activity` ON `map_steps` (`activity_id`,`position`);--> statement-breakpoint
CREATE TABLE `scoring_input_owners` (
	`cycle_id` integer NOT NULL,
	`input` text NOT NULL,
	`owner_role` text NOT NULL,
	PRIMARY KEY(`cycle_id`, `input`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `cycles` ADD `scoring_model` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `cycles` ADD `nfr_target_percent` integer;--> statement-breakpoint
ALTER TABLE `items` ADD `sme_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `items` ADD `info_request` text;--> statement-breakpoint
ALTER TABLE `items` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `themes` ADD `metric_name` text;--> statement-breakpoint
ALTER TABLE `themes` ADD `metric_unit` text;--> statement-breakpoint
ALTER TABLE `themes` ADD `metric_baseline` real;--> statement-breakpoint
ALTER TABLE `themes` ADD `metric_target` real;--> statement-breakpoint
-- Every cycle's map starts with the three slices people plan in; the pm adds, renames and reorders from there.
INSERT INTO `map_slices` (`cycle_id`, `name`, `role`, `position`) SELECT `id`, 'This cycle', 'this_cycle', 0 FROM `cycles`;--> statement-breakpoint
INSERT INTO `map_slices` (`cycle_id`, `name`, `role`, `position`) SELECT `id`, 'Next', 'next', 1 FROM `cycles`;--> statement-breakpoint
INSERT INTO `map_slices` (`cycle_id`, `name`, `role`, `position`) SELECT `id`, 'Later', 'later', 2 FROM `cycles`;
