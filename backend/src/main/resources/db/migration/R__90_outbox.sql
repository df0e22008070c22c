-- Telling people: outbox mail (发件箱), sent after commit by the mail sender's role, and in-app
-- notifications (站内通知). Both are written in the transaction of the change that causes them.

-- Any request may add a message (its recipient may belong to another tenant, or to no tenant yet);
-- reading and sending go through the functions below only, which only the mail sender may call.
drop policy if exists outbox_message_enqueue on outbox_message;
create policy outbox_message_enqueue on outbox_message for insert
    with check (sent_at is null and attempts = 0 and tenant_id is not distinct from app_current_tenant());

-- The next due messages, locked for this sender (other senders skip them).
create or replace function outbox_due(p_limit integer)
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

-- Mail that carries a secret (a new administrator's invitation link) is erased once it has been
-- sent: the link then exists in the recipient's mailbox only.
create or replace function outbox_sent(p_id bigint) returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    update outbox_message
       set sent_at = now(), last_error = null,
           body = case when holds_secret then '[erased after sending: it held a single-use link]' else body end
     where id = p_id
$$;

-- Exponential backoff: 2 s, 4 s, 8 s … at most 10 minutes between attempts.
create or replace function outbox_failed(p_id bigint, p_error text) returns void
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
-- the application role only queues mail (it could call these before version 21)
revoke execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) from "${appRole}";
grant execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) to "${mailerRole}";

-- The recipient's tenant owns a notification; any tenant may notify an account of another (a host
-- notifies a registrant), naming itself as the sender.
drop policy if exists notification_own_tenant_reads on notification;
create policy notification_own_tenant_reads on notification for select
    using (tenant_id = app_current_tenant());
drop policy if exists notification_own_tenant_marks_read on notification;
create policy notification_own_tenant_marks_read on notification for update
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
drop policy if exists notification_sent_by_current_tenant on notification;
create policy notification_sent_by_current_tenant on notification for insert
    with check (sender_tenant_id = app_current_tenant() and read_at is null);
