-- The host shares a forum's seats out anew (名额分配) after hosting it. p_quotas maps a member
-- tenant's id to its seats; {} removes every quota. Under the forum's lock, like registrations:
-- no member may get fewer seats than it already has confirmed (BELOW_CONFIRMED names the first
-- such member and nothing changes); seats a new quota frees go to the waitlist in order.
create function forum_set_quotas(p_host bigint, p_forum bigint, p_quotas jsonb)
    returns table (outcome text, member_tenant bigint, promoted_id bigint, promoted_email text, promoted_name text,
                   promoted_tenant bigint, promoted_account bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_below bigint;
begin
    if p_host is distinct from app_current_tenant() then
        raise exception 'only the host shares out seats' using errcode = 'insufficient_privilege';
    end if;
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    select q.key::bigint into v_below
      from jsonb_each_text(p_quotas) q
     where (select count(*) from forum_registration r
             where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'
               and r.registrant_tenant_id = q.key::bigint) > q.value::integer
     order by q.key::bigint
     limit 1;
    if v_below is not null then
        return query select 'BELOW_CONFIRMED', v_below, null::bigint, null::text, null::text, null::bigint, null::bigint;
        return;
    end if;
    delete from forum_quota q where q.tenant_id = p_host and q.forum_id = p_forum;
    insert into forum_quota (tenant_id, forum_id, member_tenant_id, seats)
    select p_host, p_forum, q.key::bigint, q.value::integer from jsonb_each_text(p_quotas) q;
    return query select 'SET', null::bigint, null::bigint, null::text, null::text, null::bigint, null::bigint;
    return query select 'PROMOTED', null::bigint, p.* from forum_promote(p_host, p_forum) p;
end
$$;
revoke all on function forum_set_quotas(bigint, bigint, jsonb) from public;
grant execute on function forum_set_quotas(bigint, bigint, jsonb) to "${appRole}";
