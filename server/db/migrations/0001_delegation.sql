CREATE TABLE "delegation_face_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
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
	CONSTRAINT "delegation_face_attempts_challenge_id_unique" UNIQUE("challenge_id")
);
--> statement-breakpoint
CREATE TABLE "delegation_face_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "duration_months" integer;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "link_token_enc" text;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "requested_tasks" jsonb;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "renewal_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delegation_face_attempts" ADD CONSTRAINT "delegation_face_attempts_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_face_attempts" ADD CONSTRAINT "delegation_face_attempts_challenge_id_delegation_face_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."delegation_face_challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_face_attempts" ADD CONSTRAINT "delegation_face_attempts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_face_challenges" ADD CONSTRAINT "delegation_face_challenges_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "face_attempts_delegation_idx" ON "delegation_face_attempts" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "face_challenges_delegation_idx" ON "delegation_face_challenges" USING btree ("delegation_id");