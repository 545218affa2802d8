ALTER TYPE "public"."credential_action" ADD VALUE 'rolled';--> statement-breakpoint
ALTER TYPE "public"."credential_action" ADD VALUE 'expiry_changed';--> statement-breakpoint
ALTER TYPE "public"."credential_action" ADD VALUE 'allowed_addresses_changed';--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "last_used_address" text;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "rolled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD COLUMN "allowed_cidrs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD CONSTRAINT "api_credentials_replaced_by_id_api_credentials_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."api_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_credentials_replaced_by_unique" ON "api_credentials" USING btree ("replaced_by_id");