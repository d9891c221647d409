ALTER TABLE `notifications` ADD `task` text;--> statement-breakpoint
CREATE INDEX `notifications_task` ON `notifications` (`task`);