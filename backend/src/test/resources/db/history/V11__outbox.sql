-- Outbox (发件箱): a notification is a row written in the transaction of the change that causes it,
-- and sent after commit by a scheduled sender with retries and backoff. A mail server that is down
-- delays mail; it never fails the user's write, and nothing is lost.
create table outbox_message (
    id              bigint      generated always as identity primary key,
    tenant_id       bigint      references tenant (id),
    recipient       text        not null check (recipient ~ '^[^@\s]+@[^@\s]+$'),
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text
);
create index outbox_message_due on outbox_message (next_attempt_at, id) where sent_at is null;

alter table outbox_message enable row level security;
-- any request may add a message (its recipient may belong to another tenant, or to no tenant yet);
-- reading and sending go through the functions below only
create policy outbox_message_enqueue on outbox_message for insert
    with check (sent_at is null and attempts = 0 and tenant_id is not distinct from app_current_tenant());
grant insert on outbox_message to "${appRole}";

-- The next due messages, locked for this sender (other senders skip them).
create function outbox_due(p_limit integer)
    returns table (id bigint, recipient text, subject text, body text, attempts integer)
    language sql security definer
    set search_path = public, pg_temp
as $$
    select m.id, m.recipient, m.subject, m.body, m.attempts from outbox_message m
     where m.sent_at is null and m.next_attempt_at <= now()
     order by m.next_attempt_at, m.id
     limit p_limit
       for update skip locked
$$;

create function outbox_sent(p_id bigint) returns void
    language sql security definer
    set search_path = public, pg_temp
as $$ update outbox_message set sent_at = now(), last_error = null where id = p_id $$;

-- Exponential backoff: 2 s, 4 s, 8 s … at most 10 minutes between attempts.
create function outbox_failed(p_id bigint, p_error text) returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    update outbox_message
       set attempts = attempts + 1, last_error = left(p_error, 1000),
           next_attempt_at = now() + least(interval '10 minutes', interval '2 seconds' * power(2, attempts))
     where id = p_id
$$;

revoke all on function outbox_due(integer) from public;
revoke all on function outbox_sent(bigint) from public;
revoke all on function outbox_failed(bigint, text) from public;
grant execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) to "${appRole}";

-- Registrations remember the person's e-mail address, so the host side can notify them.
alter table forum_registration add column person_email text;

create or replace function forum_register(p_host bigint, p_forum bigint, p_member bigint, p_account bigint,
                                          p_by text, p_pending boolean)
    returns table (registration_id bigint, status text, created boolean)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_capacity integer;
    v_existing forum_registration%rowtype;
    v_status   text;
    v_id       bigint;
begin
    if p_member is distinct from app_current_tenant() then
        raise exception 'a tenant registers only its own people' using errcode = 'insufficient_privilege';
    end if;
    select f.capacity into v_capacity from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    if v_capacity is null then
        raise exception 'no forum %', p_forum using errcode = 'no_data_found';
    end if;
    select * into v_existing from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.account_id = p_account
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING');
    if found then
        return query select v_existing.id, v_existing.status, false;
        return;
    end if;
    if p_pending then
        v_status := 'PENDING';
    elsif (select count(*) from forum_registration r where r.tenant_id = p_host and r.forum_id = p_forum
                                                       and r.status = 'CONFIRMED') < v_capacity
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
    if v_id is null then
        raise exception 'no account % in tenant %', p_account, p_member using errcode = 'no_data_found';
    end if;
    return query select v_id, v_status, true;
end
$$;

drop function forum_cancel(bigint, bigint, bigint);
create function forum_cancel(p_host bigint, p_forum bigint, p_registration bigint)
    returns table (promoted_id bigint, promoted_email text, promoted_name text)
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
        return query select r.id, r.person_email, r.person_name from forum_registration r
                      where r.tenant_id = p_host and r.id = v_next;
    end if;
end
$$;
revoke all on function forum_cancel(bigint, bigint, bigint) from public;
grant execute on function forum_cancel(bigint, bigint, bigint) to "${appRole}";
