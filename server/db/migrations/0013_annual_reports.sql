CREATE TABLE "abnormal_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"report_year" integer NOT NULL,
	"reason" jsonb NOT NULL,
	"listed_on" date NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"removal_applied_at" timestamp with time zone,
	"removed_on" date,
	"removed_at" timestamp with time zone,
	"removed_by_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "abnormal_list_runs" (
	"report_year" integer PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"listed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"report_year" integer NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"withheld" jsonb NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"correction_note" text,
	"filed_by_person_id" uuid NOT NULL,
	"acting_as" text NOT NULL,
	"delegation_id" uuid,
	"firm_id" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "abnormal_list_entries" ADD CONSTRAINT "abnormal_list_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abnormal_list_entries" ADD CONSTRAINT "abnormal_list_entries_removed_by_person_id_persons_id_fk" FOREIGN KEY ("removed_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_filed_by_person_id_persons_id_fk" FOREIGN KEY ("filed_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "abnormal_list_company_year_idx" ON "abnormal_list_entries" USING btree ("company_id","report_year");--> statement-breakpoint
CREATE INDEX "abnormal_list_listed_idx" ON "abnormal_list_entries" USING btree ("company_id","removed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_version_idx" ON "annual_reports" USING btree ("company_id","report_year","version");--> statement-breakpoint
CREATE INDEX "annual_reports_company_idx" ON "annual_reports" USING btree ("company_id","report_year");