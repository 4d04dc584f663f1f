ALTER TABLE "batch_items" ADD COLUMN "processed_by" text;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "verify_code" text;--> statement-breakpoint
UPDATE "licences" SET "verify_code" = substr(replace(gen_random_uuid()::text, '-', ''), 1, 20) WHERE "verify_code" IS NULL;--> statement-breakpoint
ALTER TABLE "licences" ALTER COLUMN "verify_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_verify_code_unique" UNIQUE("verify_code");
