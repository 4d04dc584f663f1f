CREATE INDEX "company_roles_person_idx" ON "company_roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "delegations_grantee_firm_idx" ON "delegations" USING btree ("grantee_firm_id");--> statement-breakpoint
CREATE INDEX "audit_firm_idx" ON "audit_log" USING btree ("firm_id","at");