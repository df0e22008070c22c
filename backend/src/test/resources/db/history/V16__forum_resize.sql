-- Filling free seats from the waitlist, in one place: after a cancellation and after the host adds
-- seats. The caller holds the lock on the forum row.
create function forum_promote(p_host bigint, p_forum bigint)
    returns table (promoted_id bigint, promoted_email text, promoted_name text, promoted_tenant bigint,
                   promoted_account bigint)
    language plpgsql
    set search_path = public, pg_temp
as $$
declare
    v_next bigint;
begin
    loop
        select r.id into v_next from forum_registration r
         where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'WAITLISTED'
           and forum_member_has_quota(p_host, p_forum, r.registrant_tenant_id)
           and (select count(*) from forum_registration c where c.tenant_id = p_host and c.forum_id = p_forum
                                                           and c.status = 'CONFIRMED')
               < (select f.capacity from forum f where f.tenant_id = p_host and f.id = p_forum)
         order by r.id
         limit 1;
        exit when v_next is null;
        update forum_registration set status = 'CONFIRMED', updated_at = now()
         where tenant_id = p_host and id = v_next;
        return query select r.id, r.person_email, r.person_name, r.registrant_tenant_id, r.account_id
                       from forum_registration r
                      where r.tenant_id = p_host and r.id = v_next;
    end loop;
end
$$;

drop function forum_cancel(bigint, bigint, bigint);
create function forum_cancel(p_host bigint, p_forum bigint, p_registration bigint)
    returns table (promoted_id bigint, promoted_email text, promoted_name text, promoted_tenant bigint,
                   promoted_account bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
begin
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    update forum_registration r set status = 'CANCELLED', updated_at = now()
     where r.tenant_id = p_host and r.forum_id = p_forum and r.id = p_registration
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING')
       and app_current_tenant() in (r.tenant_id, r.registrant_tenant_id);
    if not found then
        return;
    end if;
    return query select * from forum_promote(p_host, p_forum);
end
$$;
revoke all on function forum_cancel(bigint, bigint, bigint) from public;
grant execute on function forum_cancel(bigint, bigint, bigint) to "${appRole}";

-- The host changes a forum's capacity: never below the seats already confirmed (returns nothing);
-- added seats go to the waitlist in order, as far as quotas allow (returns who moved up).
create function forum_resize(p_host bigint, p_forum bigint, p_capacity integer)
    returns table (outcome text, promoted_id bigint, promoted_email text, promoted_name text, promoted_tenant bigint,
                   promoted_account bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
begin
    if p_host is distinct from app_current_tenant() then
        raise exception 'only the host resizes a forum' using errcode = 'insufficient_privilege';
    end if;
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    if (select count(*) from forum_registration r where r.tenant_id = p_host and r.forum_id = p_forum
                                                    and r.status = 'CONFIRMED') > p_capacity then
        return query select 'BELOW_CONFIRMED', null::bigint, null::text, null::text, null::bigint, null::bigint;
        return;
    end if;
    update forum f set capacity = p_capacity where f.tenant_id = p_host and f.id = p_forum;
    return query select 'RESIZED', null::bigint, null::text, null::text, null::bigint, null::bigint;
    return query select 'PROMOTED', p.* from forum_promote(p_host, p_forum) p;
end
$$;
revoke all on function forum_resize(bigint, bigint, integer) from public;
grant execute on function forum_resize(bigint, bigint, integer) to "${appRole}";
revoke all on function forum_promote(bigint, bigint) from public;
