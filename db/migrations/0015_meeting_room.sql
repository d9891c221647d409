CREATE TABLE `consent_agenda_items` (
	`meeting_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`pulled_by` integer,
	`pulled_at` text,
	PRIMARY KEY(`meeting_id`, `item_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pulled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cut_line_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`proposed_by` integer NOT NULL,
	`capacity_weeks` real,
	`left_out_item_ids` text NOT NULL,
	`proposed_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cut_line_proposals_meeting` ON `cut_line_proposals` (`meeting_id`,`id`);--> statement-breakpoint
CREATE TABLE `leader_rankings` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`submitted_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`, `item_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_presence` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`connected_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_presence_meeting` ON `meeting_presence` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `preread_stances` (
	`meeting_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`stance` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `item_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `undecided_items` (
	`meeting_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`disposition` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `item_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `time_box_minutes` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `current_item_since` text;--> statement-breakpoint
ALTER TABLE `prereads` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outcome_publications` ADD `note` text DEFAULT '' NOT NULL;