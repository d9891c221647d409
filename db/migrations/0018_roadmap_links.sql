CREATE TABLE `roadmap_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`label` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` integer,
	`last_used_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roadmap_links_token` ON `roadmap_links` (`token_hash`);--> statement-breakpoint
ALTER TABLE `cycles` ADD `shared_on_roadmap` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `metric_actual` real;