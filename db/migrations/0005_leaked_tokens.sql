CREATE TYPE "public"."leak_response" AS ENUM('revoke', 'notify');--> statement-breakpoint
CREATE TYPE "public"."revoked_reason" AS ENUM('manual', 'leaked', 'public_report');--> statement-breakpoint
ALTER TYPE "public"."credential_action" ADD VALUE 'leak_reported';--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "revoked_reason" "revoked_reason";--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "leaked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "leak_url" text;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "leak_source" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "leak_response" "leak_response" DEFAULT 'revoke' NOT NULL;