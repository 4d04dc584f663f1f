ALTER TABLE "delegations" ADD COLUMN "replaces_firm_id" uuid;
