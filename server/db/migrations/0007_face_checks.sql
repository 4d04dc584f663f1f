CREATE TABLE "face_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"challenge_actions" jsonb NOT NULL,
	"challenge_issued_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"match" boolean NOT NULL,
	"similarity" double precision NOT NULL,
	"min_frame_similarity" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"liveness" jsonb NOT NULL,
	"faces_per_frame" jsonb NOT NULL,
	"frame_count" integer NOT NULL,
	"engine" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"user_agent" text,
	CONSTRAINT "face_attempts_challenge_id_unique" UNIQUE("challenge_id")
);
--> statement-breakpoint
CREATE TABLE "face_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "face_attempts" ADD CONSTRAINT "face_attempts_challenge_id_face_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."face_challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_attempts" ADD CONSTRAINT "face_attempts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "face_attempts_subject_idx" ON "face_attempts" USING btree ("purpose","subject_id");--> statement-breakpoint
CREATE INDEX "face_challenges_subject_idx" ON "face_challenges" USING btree ("purpose","subject_id");--> statement-breakpoint
-- Delegation face checks move to the shared tables (the old ones are dropped by the next migration).
INSERT INTO "face_challenges" ("id", "purpose", "subject_id", "actions", "created_at", "expires_at", "used_at", "user_agent")
SELECT "id", 'delegation.approve', "delegation_id", "actions", "created_at", "expires_at", "used_at", "user_agent"
FROM "delegation_face_challenges";--> statement-breakpoint
INSERT INTO "face_attempts" ("id", "purpose", "subject_id", "challenge_id", "person_id", "challenge_actions", "challenge_issued_at", "submitted_at", "finished_at", "outcome", "match", "similarity", "min_frame_similarity", "threshold", "liveness", "faces_per_frame", "frame_count", "engine", "duration_ms", "user_agent")
SELECT "id", 'delegation.approve', "delegation_id", "challenge_id", "person_id", "challenge_actions", "challenge_issued_at", "submitted_at", "finished_at", "outcome", "match", "similarity", "min_frame_similarity", "threshold", "liveness", "faces_per_frame", "frame_count", "engine", "duration_ms", "user_agent"
FROM "delegation_face_attempts";
