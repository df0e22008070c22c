-- Join applications (入盟申请) and the invitation of a new tenant's first administrator: the
-- community's secretariat reads and decides applications; approval provisions the tenant.
drop policy if exists join_application_secretariat_reads on join_application;
create policy join_application_secretariat_reads on join_application for select
    using (app_is_secretariat(community_id));
drop policy if exists join_application_secretariat_decides on join_application;
create policy join_application_secretariat_decides on join_application for update
    using (app_is_secretariat(community_id)) with check (app_is_secretariat(community_id));

drop policy if exists account_invitation_own_tenant on account_invitation;
create policy account_invitation_own_tenant on account_invitation
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());

-- Each change of an application bumps its version, so a stale change is refused (If-Match).
create or replace function join_application_bump_version() returns trigger
    language plpgsql
as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;
drop trigger if exists join_application_version on join_application;
create trigger join_application_version before update on join_application
    for each row execute function join_application_bump_version();

-- Anyone may apply, without an account; the new row is the secretariat's to read, and is audited in
-- the secretariat's trail (the application role cannot choose the tenant of an entry itself).
create or replace function membership_apply(p_community bigint, p_name_zh text, p_name_en text, p_kind text,
                                            p_region text, p_contact_name text, p_contact_email text, p_reason text,
                                            p_parent bigint)
    returns bigint
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_id bigint;
begin
    insert into join_application (community_id, name_zh, name_en, kind, region, contact_name, contact_email, reason,
                                  parent_id)
    values (p_community, btrim(p_name_zh), nullif(btrim(p_name_en), ''), p_kind, btrim(p_region),
            btrim(p_contact_name), btrim(p_contact_email), btrim(p_reason), p_parent)
    returning id into v_id;
    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
    select m.tenant_id, 'applicant:' || btrim(p_contact_email), 'join-application', v_id::text, 'apply',
           jsonb_build_object('name', btrim(p_name_zh), 'kind', p_kind, 'region', btrim(p_region),
                              'contactName', btrim(p_contact_name),
                              'parent', (select slug from tenant where id = p_parent))
      from community_membership m
     where m.community_id = p_community and m.secretariat;
    return v_id;
end
$$;

-- Approval: the new tenant, its membership from the meeting date, its first administrator (no
-- password yet) and an invitation, in the caller's transaction. Only the community's secretariat.
create or replace function membership_provision(p_application bigint, p_slug text, p_name_en text, p_meeting text,
                                                p_meeting_date date, p_decided_by text, p_admin_username text,
                                                p_invitation_hash text, p_invitation_days integer)
    returns table (tenant_id bigint, account_id bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    a         join_application%rowtype;
    v_tenant  bigint;
    v_account bigint;
begin
    select * into a from join_application where id = p_application for update;
    if not found or not app_is_secretariat(a.community_id) then
        raise exception 'no application % for this secretariat', p_application using errcode = 'insufficient_privilege';
    end if;
    if a.status <> 'PENDING' then
        raise exception 'application % is already decided', p_application using errcode = 'check_violation';
    end if;
    insert into tenant (slug, name_zh, name_en, kind, region, parent_id)
    values (p_slug, a.name_zh, coalesce(nullif(btrim(p_name_en), ''), a.name_en, a.name_zh), a.kind, a.region,
            a.parent_id)
    returning id into v_tenant;
    insert into community_membership (tenant_id, community_id, role, secretariat, joined_year, joined_on,
                                      joined_at_meeting, roster_position)
    select v_tenant, a.community_id, 'MEMBER', false, extract(year from p_meeting_date)::integer, p_meeting_date,
           p_meeting, coalesce(max(m.roster_position), 0) + 1
      from community_membership m where m.community_id = a.community_id;
    insert into account (tenant_id, username, display_name, email, roles)
    values (v_tenant, p_admin_username, a.contact_name, a.contact_email, 'TENANT_ADMIN')
    returning id into v_account;
    insert into account_invitation (tenant_id, token_hash, account_id, expires_at)
    values (v_tenant, p_invitation_hash, v_account, now() + make_interval(days => p_invitation_days));
    update join_application set status = 'APPROVED', meeting = p_meeting, meeting_date = p_meeting_date,
                                decided_by = p_decided_by, decided_at = now(), tenant_id = v_tenant
     where id = p_application;
    return query select v_tenant, v_account;
end
$$;

revoke all on function membership_apply(bigint, text, text, text, text, text, text, text, bigint) from public;
revoke all on function membership_provision(bigint, text, text, text, date, text, text, text, integer) from public;
grant execute on function membership_apply(bigint, text, text, text, text, text, text, text, bigint) to "${appRole}";
grant execute on function membership_provision(bigint, text, text, text, date, text, text, text, integer) to "${appRole}";
