CREATE TABLE "registration_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filer_person_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"step" text DEFAULT 'basics' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"data_enc" text NOT NULL,
	"proposed_name" text,
	"name_parts" jsonb,
	"content_hash" text,
	"review_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_comment" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"reviewer_person_id" uuid,
	"company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"identifier_hash" text NOT NULL,
	"roles" jsonb NOT NULL,
	"person_id" uuid,
	"method" text NOT NULL,
	"link_token_hash" text,
	"link_token_enc" text,
	"code_enc" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_confirmations_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"licence_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_uscc_sequences" (
	"division_code" text PRIMARY KEY NOT NULL,
	"next_value" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_applications" ADD CONSTRAINT "registration_applications_filer_person_id_persons_id_fk" FOREIGN KEY ("filer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD CONSTRAINT "registration_applications_reviewer_person_id_persons_id_fk" FOREIGN KEY ("reviewer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_applications" ADD CONSTRAINT "registration_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_confirmations" ADD CONSTRAINT "registration_confirmations_application_id_registration_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."registration_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_confirmations" ADD CONSTRAINT "registration_confirmations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_application_id_registration_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."registration_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_records" ADD CONSTRAINT "registration_records_application_id_registration_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."registration_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_records" ADD CONSTRAINT "registration_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_records" ADD CONSTRAINT "registration_records_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_filer_idx" ON "registration_applications" USING btree ("filer_person_id","updated_at");--> statement-breakpoint
CREATE INDEX "registration_status_idx" ON "registration_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "registration_name_idx" ON "registration_applications" USING btree ("proposed_name");--> statement-breakpoint
CREATE INDEX "registration_confirmations_app_idx" ON "registration_confirmations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "registration_confirmations_person_idx" ON "registration_confirmations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "registration_events_app_idx" ON "registration_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "registration_records_company_idx" ON "registration_records" USING btree ("company_id");