-- Training records: a tenant reads its own people's records, and so does every tenant above it in the
-- tenant tree (a county its schools' teachers, a province everyone below it). Nobody writes them but
-- the functions that award hours (forum_check_in); which person of a tenant sees which rows (their own,
-- or all for its admins) the application decides.
drop policy if exists training_record_own_tenant on training_record;
create policy training_record_own_tenant on training_record for select
    using (tenant_id = app_current_tenant());
drop policy if exists training_record_to_ancestors on training_record;
create policy training_record_to_ancestors on training_record for select
    using (tenant_id in (select a.descendant_id from tenant_ancestry a where a.ancestor_id = app_current_tenant()));
