CREATE TABLE `outcome_publications` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`published_by` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
