CREATE TABLE "seal_claims" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"claimed_by_person_id" uuid NOT NULL,
	"pin_hash" text NOT NULL,
	"claim_face_attempt_id" uuid,
	"claimed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seal_claims_claim_face_attempt_id_unique" UNIQUE("claim_face_attempt_id")
);--> statement-breakpoint
CREATE TABLE "seal_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"granted_by_person_id" uuid NOT NULL,
	"revoked_at" timestamp with time zone
);--> statement-breakpoint
CREATE TABLE "seal_keys" (
	"licence_id" uuid PRIMARY KEY NOT NULL,
	"public_key_hex" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"issuer_key_id" text NOT NULL,
	"cert_signature" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
CREATE TABLE "seal_pin_failures" (
	"licence_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "seal_pin_failures_licence_id_person_id_pk" PRIMARY KEY("licence_id","person_id")
);--> statement-breakpoint
CREATE TABLE "seal_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"licence_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"grant_id" uuid,
	"via" text NOT NULL,
	"face_attempt_id" uuid,
	"file_name" text NOT NULL,
	"digest" text NOT NULL,
	"placement" jsonb NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
ALTER TABLE "seal_claims" ADD CONSTRAINT "seal_claims_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_claims" ADD CONSTRAINT "seal_claims_claimed_by_person_id_persons_id_fk" FOREIGN KEY ("claimed_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_grants" ADD CONSTRAINT "seal_grants_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_grants" ADD CONSTRAINT "seal_grants_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_grants" ADD CONSTRAINT "seal_grants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_grants" ADD CONSTRAINT "seal_grants_granted_by_person_id_persons_id_fk" FOREIGN KEY ("granted_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_keys" ADD CONSTRAINT "seal_keys_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_pin_failures" ADD CONSTRAINT "seal_pin_failures_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_pin_failures" ADD CONSTRAINT "seal_pin_failures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_signatures" ADD CONSTRAINT "seal_signatures_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_signatures" ADD CONSTRAINT "seal_signatures_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_signatures" ADD CONSTRAINT "seal_signatures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_signatures" ADD CONSTRAINT "seal_signatures_grant_id_seal_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."seal_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seal_grants_licence_idx" ON "seal_grants" USING btree ("licence_id","person_id");--> statement-breakpoint
CREATE INDEX "seal_signatures_company_idx" ON "seal_signatures" USING btree ("company_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_signatures_face_idx" ON "seal_signatures" USING btree ("face_attempt_id");--> statement-breakpoint
CREATE TABLE "deregistration_commitments" (
	"deregistration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone,
	"face_attempt_id" uuid,
	CONSTRAINT "deregistration_commitments_deregistration_id_person_id_pk" PRIMARY KEY("deregistration_id","person_id"),
	CONSTRAINT "deregistration_commitments_face_attempt_id_unique" UNIQUE("face_attempt_id")
);
--> statement-breakpoint
CREATE TABLE "deregistration_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by_person_id" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deregistration_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deregistration_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact_enc" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deregistrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"notice_from" date,
	"notice_until" date,
	"apply_until" date,
	"ended_reason" text,
	"ended_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"blocked_by" text
);
--> statement-breakpoint
ALTER TABLE "deregistration_commitments" ADD CONSTRAINT "deregistration_commitments_deregistration_id_deregistrations_id_fk" FOREIGN KEY ("deregistration_id") REFERENCES "public"."deregistrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistration_commitments" ADD CONSTRAINT "deregistration_commitments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistration_flags" ADD CONSTRAINT "deregistration_flags_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistration_flags" ADD CONSTRAINT "deregistration_flags_set_by_person_id_persons_id_fk" FOREIGN KEY ("set_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistration_objections" ADD CONSTRAINT "deregistration_objections_deregistration_id_deregistrations_id_fk" FOREIGN KEY ("deregistration_id") REFERENCES "public"."deregistrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistrations" ADD CONSTRAINT "deregistrations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deregistrations" ADD CONSTRAINT "deregistrations_started_by_person_id_persons_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deregistration_flags_company_idx" ON "deregistration_flags" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "deregistrations_company_idx" ON "deregistrations" USING btree ("company_id","status");
