CREATE TABLE "face_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id_hash" text NOT NULL,
	"notice_version" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity_register" (
	"resident_id_hash" text PRIMARY KEY NOT NULL,
	"resident_id_enc" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"barred" boolean DEFAULT false NOT NULL,
	"portrait_enc" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id_hash" text NOT NULL,
	"resident_id_enc" text NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_verified_at" timestamp with time zone,
	"failed_face_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"phone_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"wrong_tries" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "reverify_window_minutes" integer;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "assurance" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "face_verified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "face_consents_person_idx" ON "face_consents" USING btree ("resident_id_hash");--> statement-breakpoint
CREATE INDEX "sms_codes_phone_idx" ON "sms_codes" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "sms_codes_subject_idx" ON "sms_codes" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "face_template";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "face_enrolled_at";
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "authority_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "counter_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "counter_verified_by" uuid;