CREATE TYPE "public"."shipment_status" AS ENUM('created', 'in_transit', 'delivered', 'cancelled');--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"environment" "environment" NOT NULL,
	"reference" text,
	"recipient_name" text NOT NULL,
	"recipient_address" text NOT NULL,
	"weight_grams" integer NOT NULL,
	"status" "shipment_status" DEFAULT 'created' NOT NULL,
	"created_by_credential_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_weight_range" CHECK ("shipments"."weight_grams" between 1 and 70000)
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_created_by_credential_id_api_credentials_id_fk" FOREIGN KEY ("created_by_credential_id") REFERENCES "public"."api_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipments_team_env_created_idx" ON "shipments" USING btree ("team_id","environment","created_at","id");