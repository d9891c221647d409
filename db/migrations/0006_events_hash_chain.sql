ALTER TABLE `events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `events` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `events_unsealed` ON `events` (`id`) WHERE "events"."hash" is null;