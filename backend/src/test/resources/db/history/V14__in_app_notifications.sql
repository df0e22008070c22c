-- In-app notifications (站内通知): written, like outbox mail, in the transaction of the change that
-- causes them. They keep the message key and its arguments, so each reader sees them in their own
-- language. The recipient's tenant owns the row; any tenant may notify an account of another (a host
-- notifies a registrant), naming itself as the sender.
create table notification (
    tenant_id        bigint      not null references tenant (id),
    id               bigint      generated always as identity,
    account_id       bigint      not null,
    sender_tenant_id bigint      not null references tenant (id),
    message_key      text        not null check (message_key ~ '^notify\.[a-zA-Z0-9.-]+$'),
    args             jsonb       not null default '[]' check (jsonb_typeof(args) = 'array'),
    created_at       timestamptz not null default now(),
    read_at          timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references account (tenant_id, id) on delete cascade
);
create index notification_by_account on notification (tenant_id, account_id, id);
create index notification_unread on notification (tenant_id, account_id) where read_at is null;

alter table notification enable row level security;
create policy notification_own_tenant_reads on notification for select
    using (tenant_id = app_current_tenant());
create policy notification_own_tenant_marks_read on notification for update
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy notification_sent_by_current_tenant on notification for insert
    with check (sender_tenant_id = app_current_tenant() and read_at is null);
grant select, insert on notification to "${appRole}";
grant update (read_at) on notification to "${appRole}";

-- The enabled administrators of a tenant, to notify them: of one's own tenant or of a tenant one
-- shares a community with, and nothing else.
create function identity_tenant_admins(p_tenant bigint)
    returns table (account_id bigint, email text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.id, a.email from account a
     where a.tenant_id = p_tenant and a.enabled and 'TENANT_ADMIN' = any(regexp_split_to_array(a.roles, '\s+'))
       and (p_tenant = app_current_tenant() or app_shares_community(p_tenant))
     order by a.id
$$;
revoke all on function identity_tenant_admins(bigint) from public;
grant execute on function identity_tenant_admins(bigint) to "${appRole}";

-- A cancellation also says whose account moved up from the waitlist, so that person can be told in-app.
drop function forum_cancel(bigint, bigint, bigint);
create function forum_cancel(p_host bigint, p_forum bigint, p_registration bigint)
    returns table (promoted_id bigint, promoted_email text, promoted_name text, promoted_tenant bigint,
                   promoted_account bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_next bigint;
begin
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    update forum_registration r set status = 'CANCELLED', updated_at = now()
     where r.tenant_id = p_host and r.forum_id = p_forum and r.id = p_registration
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING')
       and app_current_tenant() in (r.tenant_id, r.registrant_tenant_id);
    if not found then
        return;
    end if;
    select r.id into v_next from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'WAITLISTED'
       and forum_member_has_quota(p_host, p_forum, r.registrant_tenant_id)
       and (select count(*) from forum_registration c where c.tenant_id = p_host and c.forum_id = p_forum
                                                       and c.status = 'CONFIRMED')
           < (select f.capacity from forum f where f.tenant_id = p_host and f.id = p_forum)
     order by r.id
     limit 1;
    if v_next is not null then
        update forum_registration set status = 'CONFIRMED', updated_at = now()
         where tenant_id = p_host and id = v_next;
        return query select r.id, r.person_email, r.person_name, r.registrant_tenant_id, r.account_id
                       from forum_registration r
                      where r.tenant_id = p_host and r.id = v_next;
    end if;
end
$$;
revoke all on function forum_cancel(bigint, bigint, bigint) from public;
grant execute on function forum_cancel(bigint, bigint, bigint) to "${appRole}";
