-- Host approval (审核): the host decides on a PENDING registration. Approved registrations take a
-- seat when one is left (and the member has quota), otherwise they join the waitlist; rejected ones
-- are REJECTED. Only the host tenant decides.
create function forum_decide(p_host bigint, p_forum bigint, p_registration bigint, p_approve boolean)
    returns table (status text, person_email text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    r        forum_registration%rowtype;
    v_status text;
begin
    if p_host is distinct from app_current_tenant() then
        raise exception 'only the host decides on registrations' using errcode = 'insufficient_privilege';
    end if;
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    select * into r from forum_registration x
     where x.tenant_id = p_host and x.forum_id = p_forum and x.id = p_registration and x.status = 'PENDING';
    if not found then
        return;
    end if;
    if not p_approve then
        v_status := 'REJECTED';
    elsif (select count(*) from forum_registration c where c.tenant_id = p_host and c.forum_id = p_forum
                                                     and c.status = 'CONFIRMED')
          < (select f.capacity from forum f where f.tenant_id = p_host and f.id = p_forum)
          and forum_member_has_quota(p_host, p_forum, r.registrant_tenant_id) then
        v_status := 'CONFIRMED';
    else
        v_status := 'WAITLISTED';
    end if;
    update forum_registration set status = v_status, updated_at = now() where tenant_id = p_host and id = p_registration;
    return query select v_status, r.person_email;
end
$$;
revoke all on function forum_decide(bigint, bigint, bigint, boolean) from public;
grant execute on function forum_decide(bigint, bigint, bigint, boolean) to "${appRole}";
