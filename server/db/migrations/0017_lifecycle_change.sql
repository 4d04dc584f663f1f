CREATE TABLE "change_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"filer_person_id" uuid NOT NULL,
	"acting_as" text NOT NULL,
	"delegation_id" uuid,
	"firm_id" uuid,
	"status" text NOT NULL,
	"items" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"proposal_enc" text NOT NULL,
	"resolution_date" date NOT NULL,
	"late" boolean NOT NULL,
	"threshold" text NOT NULL,
	"in_favour" text NOT NULL,
	"route" text NOT NULL,
	"review_reasons" jsonb NOT NULL,
	"reduction_cover_losses" boolean,
	"announced_on" date,
	"claim_window_ends_on" date,
	"decision_note" text,
	"reviewer_person_id" uuid,
	"licence_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"approved_on" date
);
--> statement-breakpoint
CREATE TABLE "change_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone,
	"evidence" jsonb
);
--> statement-breakpoint
CREATE TABLE "change_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"licence_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_filings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"officers" jsonb,
	"liaison_person_id" uuid,
	"articles_amended_on" date,
	"articles_summary" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegation_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"reviewer_person_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"notice_on" date NOT NULL,
	"notice_sent_at" timestamp with time zone,
	"decision" text,
	"decided_at" timestamp with time zone,
	"note" jsonb
);
--> statement-breakpoint
ALTER TABLE "change_applications" ADD CONSTRAINT "change_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_applications" ADD CONSTRAINT "change_applications_filer_person_id_persons_id_fk" FOREIGN KEY ("filer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_applications" ADD CONSTRAINT "change_applications_reviewer_person_id_persons_id_fk" FOREIGN KEY ("reviewer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_applications" ADD CONSTRAINT "change_applications_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_confirmations" ADD CONSTRAINT "change_confirmations_application_id_change_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."change_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_confirmations" ADD CONSTRAINT "change_confirmations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_records" ADD CONSTRAINT "change_records_application_id_change_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."change_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_records" ADD CONSTRAINT "change_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_records" ADD CONSTRAINT "change_records_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_filings" ADD CONSTRAINT "company_filings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_filings" ADD CONSTRAINT "company_filings_liaison_person_id_persons_id_fk" FOREIGN KEY ("liaison_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reviews" ADD CONSTRAINT "delegation_reviews_application_id_change_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."change_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reviews" ADD CONSTRAINT "delegation_reviews_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reviews" ADD CONSTRAINT "delegation_reviews_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reviews" ADD CONSTRAINT "delegation_reviews_reviewer_person_id_persons_id_fk" FOREIGN KEY ("reviewer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_applications_company_idx" ON "change_applications" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "change_applications_status_idx" ON "change_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "change_confirmations_app_idx" ON "change_confirmations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "change_confirmations_person_idx" ON "change_confirmations" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "change_records_app_idx" ON "change_records" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "delegation_reviews_company_idx" ON "delegation_reviews" USING btree ("company_id","decision");--> statement-breakpoint
CREATE INDEX "delegation_reviews_due_idx" ON "delegation_reviews" USING btree ("due_on","decision");