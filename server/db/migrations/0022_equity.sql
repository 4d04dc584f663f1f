CREATE TABLE "equity_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"shareholder_name" text NOT NULL,
	"person_id" uuid,
	"notified_on" date NOT NULL,
	"window_ends_on" date NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "company_filings" ADD COLUMN "shareholders" jsonb;--> statement-breakpoint
ALTER TABLE "company_filings" ADD COLUMN "business_term_ends_on" date;--> statement-breakpoint
ALTER TABLE "company_filings" ADD COLUMN "business_term_filed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "company_filings" ADD COLUMN "beneficial_owners" jsonb;--> statement-breakpoint
ALTER TABLE "equity_notices" ADD CONSTRAINT "equity_notices_application_id_change_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."change_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_notices" ADD CONSTRAINT "equity_notices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_notices" ADD CONSTRAINT "equity_notices_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equity_notices_app_idx" ON "equity_notices" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "equity_notices_person_idx" ON "equity_notices" USING btree ("person_id");