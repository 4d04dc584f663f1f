CREATE SEQUENCE "public"."tax_document_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "invoice_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_count" integer NOT NULL,
	"already_on_file" integer NOT NULL,
	"removed_count" integer NOT NULL,
	"rejected" jsonb NOT NULL,
	"excluded" jsonb NOT NULL,
	"periods" jsonb NOT NULL,
	"imported_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line_key" text NOT NULL,
	"source_row" integer NOT NULL,
	"invoice_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"red" boolean NOT NULL,
	"rate" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"tax" numeric(18, 2) NOT NULL,
	"total" numeric(18, 2) NOT NULL,
	"seller_id" text NOT NULL,
	"seller_name" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_name" text NOT NULL,
	"item_name" text NOT NULL,
	"tax_category_code" text NOT NULL,
	"special_business" text NOT NULL,
	"invoice_type" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"due_date" date NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by_person_id" uuid,
	"voucher_number" text,
	"certificate_number" text,
	"certificate_licence_id" uuid,
	"certificate_identifier" text,
	"certificate_fields" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_payments_return_id_unique" UNIQUE("return_id"),
	CONSTRAINT "tax_payments_voucher_number_unique" UNIQUE("voucher_number"),
	CONSTRAINT "tax_payments_certificate_number_unique" UNIQUE("certificate_number")
);
--> statement-breakpoint
CREATE TABLE "tax_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"tax" text NOT NULL,
	"form" text NOT NULL,
	"period_key" text NOT NULL,
	"period" jsonb NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"zero_filing" boolean DEFAULT false NOT NULL,
	"input" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"computation" jsonb,
	"sales_total" numeric(18, 2),
	"total_payable" numeric(18, 2),
	"difference" numeric(18, 2),
	"due_date" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"prepared_by_person_id" uuid NOT NULL,
	"submitted_by_person_id" uuid,
	"acting_as" text,
	"delegation_id" uuid,
	"firm_id" uuid,
	"signature" jsonb,
	"receipt_number" text,
	"bureau_note" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "tax_returns_receipt_number_unique" UNIQUE("receipt_number")
);
--> statement-breakpoint
ALTER TABLE "invoice_imports" ADD CONSTRAINT "invoice_imports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_imports" ADD CONSTRAINT "invoice_imports_imported_by_person_id_persons_id_fk" FOREIGN KEY ("imported_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_import_id_invoice_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."invoice_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_payments" ADD CONSTRAINT "tax_payments_return_id_tax_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."tax_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_payments" ADD CONSTRAINT "tax_payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_payments" ADD CONSTRAINT "tax_payments_paid_by_person_id_persons_id_fk" FOREIGN KEY ("paid_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_returns" ADD CONSTRAINT "tax_returns_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_returns" ADD CONSTRAINT "tax_returns_prepared_by_person_id_persons_id_fk" FOREIGN KEY ("prepared_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_returns" ADD CONSTRAINT "tax_returns_submitted_by_person_id_persons_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_imports_company_idx" ON "invoice_imports" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_key_idx" ON "invoice_lines" USING btree ("company_id","line_key");--> statement-breakpoint
CREATE INDEX "invoice_lines_date_idx" ON "invoice_lines" USING btree ("company_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoice_lines_number_idx" ON "invoice_lines" USING btree ("company_id","invoice_number");--> statement-breakpoint
CREATE INDEX "tax_payments_company_idx" ON "tax_payments" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_returns_version_idx" ON "tax_returns" USING btree ("company_id","tax","period_key","version");--> statement-breakpoint
CREATE INDEX "tax_returns_company_idx" ON "tax_returns" USING btree ("company_id","status");