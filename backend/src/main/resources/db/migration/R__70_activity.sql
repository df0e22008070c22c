-- Joint activities: the proposer owns the rows; the other organisers confirm (or decline) their part
-- through activity_respond. Once every organiser has confirmed, the whole community sees the activity.

-- Who sees an activity: its proposer, its organisers, and once confirmed every member of the
-- community. Runs as the owner, so the policies below may use it without recursing into each other.
create or replace function activity_visible(p_tenant bigint, p_activity bigint) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select p_tenant = app_current_tenant()
        or exists (select 1 from activity_organiser o
                    where o.tenant_id = p_tenant and o.activity_id = p_activity
                      and o.organiser_tenant_id = app_current_tenant())
        or exists (select 1 from activity a
                    where a.tenant_id = p_tenant and a.id = p_activity and a.confirmed_at is not null
                      and app_is_member(a.community_id))
$$;

-- An organiser confirms or declines its part. When the last organiser confirms, the activity is
-- confirmed. Only a pending part of a proposed activity can be answered; returns the activity's
-- status afterwards, or nothing when there was nothing to answer.
create or replace function activity_respond(p_tenant bigint, p_activity bigint, p_confirm boolean, p_by text, p_note text)
    returns table (status text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
begin
    perform 1 from activity a where a.tenant_id = p_tenant and a.id = p_activity and a.status = 'PROPOSED'
       for update;
    if not found then
        return;
    end if;
    update activity_organiser o
       set response = case when p_confirm then 'CONFIRMED' else 'DECLINED' end,
           responded_by = p_by, responded_at = now(), note = p_note
     where o.tenant_id = p_tenant and o.activity_id = p_activity
       and o.organiser_tenant_id = app_current_tenant() and o.response = 'PENDING';
    if not found then
        return;
    end if;
    if not exists (select 1 from activity_organiser o where o.tenant_id = p_tenant and o.activity_id = p_activity
                                                       and o.response <> 'CONFIRMED') then
        update activity a set status = 'CONFIRMED', confirmed_at = now(), updated_at = now(), version = a.version + 1
         where a.tenant_id = p_tenant and a.id = p_activity;
    end if;
    return query select a.status from activity a where a.tenant_id = p_tenant and a.id = p_activity;
end
$$;

drop policy if exists activity_own_tenant on activity;
create policy activity_own_tenant on activity
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_visible_to_organisers_and_members on activity;
create policy activity_visible_to_organisers_and_members on activity for select
    using (activity_visible(tenant_id, id));

drop policy if exists activity_organiser_own_tenant on activity_organiser;
create policy activity_organiser_own_tenant on activity_organiser
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_organiser_with_visible_activity on activity_organiser;
create policy activity_organiser_with_visible_activity on activity_organiser for select
    using (activity_visible(tenant_id, activity_id));

drop policy if exists activity_school_own_tenant on activity_school;
create policy activity_school_own_tenant on activity_school
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_school_with_visible_activity on activity_school;
create policy activity_school_with_visible_activity on activity_school for select
    using (activity_visible(tenant_id, activity_id));

drop policy if exists activity_plan_item_own_tenant on activity_plan_item;
create policy activity_plan_item_own_tenant on activity_plan_item
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_plan_item_with_visible_activity on activity_plan_item;
create policy activity_plan_item_with_visible_activity on activity_plan_item for select
    using (activity_visible(tenant_id, activity_id));

drop policy if exists activity_pairing_own_tenant on activity_pairing;
create policy activity_pairing_own_tenant on activity_pairing
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_pairing_with_visible_activity on activity_pairing;
create policy activity_pairing_with_visible_activity on activity_pairing for select
    using (activity_visible(tenant_id, activity_id));

drop policy if exists activity_attachment_own_tenant on activity_attachment;
create policy activity_attachment_own_tenant on activity_attachment
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists activity_attachment_with_visible_activity on activity_attachment;
create policy activity_attachment_with_visible_activity on activity_attachment for select
    using (activity_visible(tenant_id, activity_id));

revoke all on function activity_visible(bigint, bigint) from public;
revoke all on function activity_respond(bigint, bigint, boolean, text, text) from public;
grant execute on function activity_visible(bigint, bigint) to "${appRole}";
grant execute on function activity_respond(bigint, bigint, boolean, text, text) to "${appRole}";
