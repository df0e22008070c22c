-- Work plans: drafts stay inside the tenant; published plans and items are readable by every member
-- of the community and by every tenant above the owner in the tenant tree (a province reads what its
-- cities, counties, clusters and schools published), and so are the co-organisers and changes of an
-- item one can see. A tenant below never reads an ancestor's drafts, nor another branch's plans.
drop policy if exists work_plan_own_tenant on work_plan;
create policy work_plan_own_tenant on work_plan
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists work_plan_published_to_members on work_plan;
create policy work_plan_published_to_members on work_plan for select
    using (published_at is not null and app_is_member(community_id));

drop policy if exists work_plan_published_to_ancestors on work_plan;
create policy work_plan_published_to_ancestors on work_plan for select
    using (published_at is not null
           and tenant_id in (select a.descendant_id from tenant_ancestry a where a.ancestor_id = app_current_tenant()));

drop policy if exists plan_item_own_tenant on plan_item;
create policy plan_item_own_tenant on plan_item
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists plan_item_published_to_members on plan_item;
create policy plan_item_published_to_members on plan_item for select
    using (published_at is not null and app_is_member(community_id));

drop policy if exists plan_item_published_to_ancestors on plan_item;
create policy plan_item_published_to_ancestors on plan_item for select
    using (published_at is not null
           and tenant_id in (select a.descendant_id from tenant_ancestry a where a.ancestor_id = app_current_tenant()));

drop policy if exists plan_item_co_organiser_own_tenant on plan_item_co_organiser;
create policy plan_item_co_organiser_own_tenant on plan_item_co_organiser
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists plan_item_co_organiser_with_visible_item on plan_item_co_organiser;
create policy plan_item_co_organiser_with_visible_item on plan_item_co_organiser for select
    using (exists (select 1 from plan_item i where i.tenant_id = plan_item_co_organiser.tenant_id
                                                and i.id = plan_item_co_organiser.item_id));

drop policy if exists plan_item_change_own_tenant on plan_item_change;
create policy plan_item_change_own_tenant on plan_item_change
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists plan_item_change_with_visible_item on plan_item_change;
create policy plan_item_change_with_visible_item on plan_item_change for select
    using (exists (select 1 from plan_item i where i.tenant_id = plan_item_change.tenant_id
                                                and i.id = plan_item_change.item_id));
