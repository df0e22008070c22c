-- A member that cancels its own person's registration must not learn who moved up in its place
-- when that person belongs to another member. forum_cancel now returns only the ids of those
-- promoted, and tells them itself: the caller hands over the message, rendered with a marker where
-- the person's name goes, and the database puts in the name and the address, which the caller
-- never sees.
drop function forum_cancel(bigint, bigint, bigint);
create function forum_cancel(p_host bigint, p_forum bigint, p_registration bigint,
                             p_subject text, p_body text, p_args jsonb, p_name_marker text)
    returns table (promoted_id bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    p record;
begin
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    update forum_registration r set status = 'CANCELLED', updated_at = now()
     where r.tenant_id = p_host and r.forum_id = p_forum and r.id = p_registration
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING')
       and app_current_tenant() in (r.tenant_id, r.registrant_tenant_id);
    if not found then
        return;
    end if;
    for p in select * from forum_promote(p_host, p_forum) loop
        if p.promoted_email is not null then
            insert into outbox_message (tenant_id, recipient, subject, body)
            values (app_current_tenant(), p.promoted_email, replace(p_subject, p_name_marker, p.promoted_name),
                    replace(p_body, p_name_marker, p.promoted_name));
        end if;
        insert into notification (tenant_id, account_id, sender_tenant_id, message_key, args)
        values (p.promoted_tenant, p.promoted_account, app_current_tenant(), 'notify.registration.promoted',
                (select coalesce(jsonb_agg(case when a.value = to_jsonb(p_name_marker) then to_jsonb(p.promoted_name)
                                                else a.value end order by a.n), '[]'::jsonb)
                   from jsonb_array_elements(p_args) with ordinality as a(value, n)));
        promoted_id := p.promoted_id;
        return next;
    end loop;
end
$$;
revoke all on function forum_cancel(bigint, bigint, bigint, text, text, jsonb, text) from public;
grant execute on function forum_cancel(bigint, bigint, bigint, text, text, jsonb, text) to "${appRole}";
