CREATE SEQUENCE "public"."licence_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "licence_application_attachments" (
	"application_id" uuid NOT NULL,
	"licence_id" uuid NOT NULL,
	"material_key" text NOT NULL,
	"type_key" text NOT NULL,
	"identifier" text NOT NULL,
	"version" integer NOT NULL,
	"digest" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licence_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by_person_id" uuid NOT NULL,
	"acting_as" text NOT NULL,
	"delegation_id" uuid,
	"firm_id" uuid,
	"note" text,
	"consented_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"reviewer_person_id" uuid,
	"decision_note" text,
	"issued_licence_id" uuid
);
--> statement-breakpoint
CREATE TABLE "licence_issuer_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"issuer_key" text NOT NULL,
	"public_key_hex" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_issuer_keys_issuer_key_unique" UNIQUE("issuer_key")
);
--> statement-breakpoint
CREATE TABLE "licence_share_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"client" text
);
--> statement-breakpoint
CREATE TABLE "licence_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_shares_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "licence_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"uploaded_by_person_id" uuid NOT NULL,
	"application_id" uuid,
	"material_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"serial" text NOT NULL,
	"type_key" text NOT NULL,
	"type_code" text NOT NULL,
	"version" integer NOT NULL,
	"company_id" uuid NOT NULL,
	"issuer_key" text NOT NULL,
	"signed" jsonb NOT NULL,
	"digest" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"issued_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "licences_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
ALTER TABLE "licence_application_attachments" ADD CONSTRAINT "licence_application_attachments_application_id_licence_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."licence_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_application_attachments" ADD CONSTRAINT "licence_application_attachments_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_applications" ADD CONSTRAINT "licence_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_applications" ADD CONSTRAINT "licence_applications_submitted_by_person_id_persons_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_applications" ADD CONSTRAINT "licence_applications_reviewer_person_id_persons_id_fk" FOREIGN KEY ("reviewer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_applications" ADD CONSTRAINT "licence_applications_issued_licence_id_licences_id_fk" FOREIGN KEY ("issued_licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_share_access" ADD CONSTRAINT "licence_share_access_share_id_licence_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."licence_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_shares" ADD CONSTRAINT "licence_shares_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_shares" ADD CONSTRAINT "licence_shares_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_shares" ADD CONSTRAINT "licence_shares_created_by_person_id_persons_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uploads" ADD CONSTRAINT "licence_uploads_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uploads" ADD CONSTRAINT "licence_uploads_uploaded_by_person_id_persons_id_fk" FOREIGN KEY ("uploaded_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uploads" ADD CONSTRAINT "licence_uploads_application_id_licence_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."licence_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licence_app_att_pk" ON "licence_application_attachments" USING btree ("application_id","licence_id");--> statement-breakpoint
CREATE INDEX "licence_app_att_licence_idx" ON "licence_application_attachments" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licence_applications_company_idx" ON "licence_applications" USING btree ("company_id","submitted_at");--> statement-breakpoint
CREATE INDEX "licence_applications_status_idx" ON "licence_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "licence_share_access_share_idx" ON "licence_share_access" USING btree ("share_id","at");--> statement-breakpoint
CREATE INDEX "licence_shares_licence_idx" ON "licence_shares" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licence_uploads_application_idx" ON "licence_uploads" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "licences_company_idx" ON "licences" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_lineage_version_idx" ON "licences" USING btree ("type_code","issuer_key","serial","version");