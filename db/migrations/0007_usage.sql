CREATE TYPE "public"."usage_outcome" AS ENUM('success', 'client_error', 'server_error', 'revoked', 'expired', 'ip_not_allowed', 'rate_limited', 'wrong_environment');--> statement-breakpoint
CREATE TABLE "credential_usage" (
	"credential_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"outcome" "usage_outcome" NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "credential_usage_credential_id_hour_outcome_pk" PRIMARY KEY("credential_id","hour","outcome")
);
--> statement-breakpoint
CREATE TABLE "credential_usage_daily" (
	"credential_id" uuid NOT NULL,
	"day" date NOT NULL,
	"outcome" "usage_outcome" NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "credential_usage_daily_credential_id_day_outcome_pk" PRIMARY KEY("credential_id","day","outcome")
);
--> statement-breakpoint
ALTER TABLE "credential_usage" ADD CONSTRAINT "credential_usage_credential_id_api_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_usage_daily" ADD CONSTRAINT "credential_usage_daily_credential_id_api_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."api_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credential_usage_hour_idx" ON "credential_usage" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "credential_usage_daily_day_idx" ON "credential_usage_daily" USING btree ("day");