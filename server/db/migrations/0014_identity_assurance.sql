ALTER TABLE "sessions" ADD COLUMN "face_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "face_consents" ADD COLUMN "decision" text DEFAULT 'given' NOT NULL;
