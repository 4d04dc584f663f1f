CREATE TABLE "platform_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"audience" jsonb NOT NULL,
	"published_by_person_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "todo_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"lead_days" integer NOT NULL,
	"due_date" date NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "todo_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"lead_days" jsonb NOT NULL,
	"calendar_token_hash" text,
	"calendar_token_created_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "todo_settings_calendar_token_hash_unique" UNIQUE("calendar_token_hash")
);
--> statement-breakpoint
ALTER TABLE "platform_notices" ADD CONSTRAINT "platform_notices_published_by_person_id_persons_id_fk" FOREIGN KEY ("published_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todo_reminders" ADD CONSTRAINT "todo_reminders_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todo_settings" ADD CONSTRAINT "todo_settings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_notices_window_idx" ON "platform_notices" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "todo_reminders_once_idx" ON "todo_reminders" USING btree ("person_id","item_key","lead_days");--> statement-breakpoint
CREATE INDEX "todo_reminders_pending_idx" ON "todo_reminders" USING btree ("person_id","notified_at");