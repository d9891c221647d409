CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`department_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` integer,
	`revoked_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_email` ON `invitations` (`email`);--> statement-breakpoint
CREATE TABLE `saml_seen_assertions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`assertion_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saml_seen_assertions_id` ON `saml_seen_assertions` (`connection_id`,`assertion_id`);--> statement-breakpoint
CREATE TABLE `scim_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `scim_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_group_members_pair` ON `scim_group_members` (`group_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `scim_group_members_user` ON `scim_group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `scim_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` integer NOT NULL,
	`display_name` text NOT NULL,
	`external_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_groups_name` ON `scim_groups` (`connection_id`,`display_name`);--> statement-breakpoint
CREATE TABLE `sign_in_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`method` text NOT NULL,
	`connection_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sso_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`protocol` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`config` text NOT NULL,
	`secret_ciphertext` text,
	`scim_token_hash` text,
	`scim_token_created_at` integer,
	`enforced` integer DEFAULT false NOT NULL,
	`allow_idp_initiated` integer DEFAULT false NOT NULL,
	`last_test` text,
	`last_tested_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sso_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`domain` text NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_domains_domain` ON `sso_domains` (`domain`);--> statement-breakpoint
CREATE INDEX `sso_domains_connection` ON `sso_domains` (`connection_id`);--> statement-breakpoint
CREATE TABLE `sso_group_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`group_name` text NOT NULL,
	`role` text,
	`department_id` integer,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_group_mappings_group` ON `sso_group_mappings` (`connection_id`,`group_name`);--> statement-breakpoint
CREATE TABLE `sso_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`subject` text NOT NULL,
	`user_id` integer NOT NULL,
	`scim_id` text,
	`external_id` text,
	`groups` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`last_sign_in_at` integer,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_identities_subject` ON `sso_identities` (`connection_id`,`subject`);--> statement-breakpoint
CREATE UNIQUE INDEX `sso_identities_scim_id` ON `sso_identities` (`scim_id`);--> statement-breakpoint
CREATE INDEX `sso_identities_user` ON `sso_identities` (`user_id`);--> statement-breakpoint
CREATE TABLE `sso_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`nonce` text,
	`code_verifier` text,
	`next_path` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	FOREIGN KEY (`connection_id`) REFERENCES `sso_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sso_requests_expires` ON `sso_requests` (`expires_at`);--> statement-breakpoint
ALTER TABLE `departments` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `departments` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `modules` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `modules` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `users` ADD `last_sign_in_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `last_sign_in_method` text;