-- Defence in depth: no function the application role may call returns or changes another tenant's
-- data beyond what its rule allows, even if the application itself were made to ask.

-- 1. The mail sender is the one job that needs every tenant's rows (queued mail, invitation links
-- included). It logs in as a role of its own that may do nothing else; the application role only
-- queues mail.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${mailerRole}') then
        create role "${mailerRole}" login nosuperuser nocreatedb nocreaterole noinherit;
    end if;
end
$$;
grant usage on schema public to "${mailerRole}";
revoke execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) from "${appRole}";
grant execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) to "${mailerRole}";

-- 2. Can the current tenant see the forum? The rule of the forum's row-level security policies
-- (forum_own_tenant, forum_visible_to_members), spelt out for the owner-defined functions below,
-- which those policies do not reach.
create function forum_visible_to_caller(p_host bigint, p_forum bigint) returns boolean
    language sql stable
    set search_path = public, pg_temp
as $$
    select exists (select 1 from forum f
                    where f.tenant_id = p_host and f.id = p_forum
                      and (f.tenant_id = app_current_tenant() or app_is_member(f.community_id)))
$$;
revoke all on function forum_visible_to_caller(bigint, bigint) from public;

-- 3. Registering: whether a registration waits for the host's approval is the forum's own setting,
-- read under the forum's lock, never the caller's word. Only the caller's own people, and only for a
-- forum the caller can see; an account of another tenant reveals nothing (not even an existing
-- registration).
drop function forum_register(bigint, bigint, bigint, bigint, text, boolean);
create function forum_register(p_host bigint, p_forum bigint, p_member bigint, p_account bigint, p_by text)
    returns table (registration_id bigint, status text, created boolean)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_forum    forum%rowtype;
    v_existing forum_registration%rowtype;
    v_status   text;
    v_id       bigint;
begin
    if p_member is distinct from app_current_tenant() then
        raise exception 'a tenant registers only its own people' using errcode = 'insufficient_privilege';
    end if;
    if not exists (select 1 from account a where a.tenant_id = p_member and a.id = p_account) then
        raise exception 'no account % in tenant %', p_account, p_member using errcode = 'no_data_found';
    end if;
    if not forum_visible_to_caller(p_host, p_forum) then
        raise exception 'no forum %', p_forum using errcode = 'no_data_found';
    end if;
    select * into v_forum from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    select * into v_existing from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.account_id = p_account
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING');
    if found then
        return query select v_existing.id, v_existing.status, false;
        return;
    end if;
    if v_forum.approval_required then
        v_status := 'PENDING';
    elsif (select count(*) from forum_registration r where r.tenant_id = p_host and r.forum_id = p_forum
                                                       and r.status = 'CONFIRMED') < v_forum.capacity
          and forum_member_has_quota(p_host, p_forum, p_member) then
        v_status := 'CONFIRMED';
    else
        v_status := 'WAITLISTED';
    end if;
    insert into forum_registration (tenant_id, forum_id, registrant_tenant_id, account_id, person_username,
                                    person_name, person_email, registered_by, status)
    select p_host, p_forum, p_member, p_account, a.username, a.display_name, a.email, p_by, v_status
      from account a where a.tenant_id = p_member and a.id = p_account
    returning id into v_id;
    return query select v_id, v_status, true;
end
$$;
revoke all on function forum_register(bigint, bigint, bigint, bigint, text) from public;
grant execute on function forum_register(bigint, bigint, bigint, bigint, text) to "${appRole}";

-- 4. The counts behind "seats left" and "place on the waitlist" see every member's registrations
-- (a member cannot count other members' rows itself), so they answer only for a forum the caller
-- can see, and only with figures the caller may know: nothing (no row, null) otherwise.

-- A waitlisted registration's place in the queue (1 = next in line); null unless the caller is the
-- host or the registration's own tenant.
create or replace function forum_waitlist_position(p_host bigint, p_forum bigint, p_registration bigint) returns integer
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select (select count(*)::integer from forum_registration r
             where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'WAITLISTED' and r.id <= p_registration)
      from forum_registration mine
     where mine.tenant_id = p_host and mine.forum_id = p_forum and mine.id = p_registration
       and app_current_tenant() in (mine.tenant_id, mine.registrant_tenant_id)
       and forum_visible_to_caller(p_host, p_forum)
$$;

-- Confirmed seats of a forum, in total and of one member (the caller's own, or any for the host).
create or replace function forum_seats_taken(p_host bigint, p_forum bigint, p_member bigint)
    returns table (total integer, of_member integer)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select (select count(*)::integer from forum_registration r
             where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'),
           case when app_current_tenant() in (p_host, p_member) then
               (select count(*)::integer from forum_registration r
                 where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'
                   and r.registrant_tenant_id = p_member)
           end
     where forum_visible_to_caller(p_host, p_forum)
$$;

-- Confirmed people per breakout group of a forum the caller can see.
create or replace function forum_breakout_taken(p_host bigint, p_forum bigint)
    returns table (session_id bigint, taken integer)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select r.breakout_session_id, count(*)::integer from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'
       and r.breakout_session_id is not null
       and forum_visible_to_caller(p_host, p_forum)
     group by r.breakout_session_id
$$;
