DROP TABLE "delegation_face_attempts" CASCADE;--> statement-breakpoint
DROP TABLE "delegation_face_challenges" CASCADE;