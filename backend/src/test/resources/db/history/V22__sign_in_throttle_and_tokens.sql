-- Throttling (限流): events counted in the database every node of a cluster shares, per bucket
-- (failed sign-ins per account name, per client address; anonymous join applications per address)
-- and key. The application role reaches the table only through the functions below.
create table throttle_event (
    id     bigint      generated always as identity primary key,
    bucket text        not null,
    key    text        not null,
    at     timestamptz not null default now()
);
create index throttle_event_by_key on throttle_event (bucket, key, at);
create index throttle_event_by_time on throttle_event (at);

-- Seconds to wait before the next attempt (0: go ahead): with p_limit events in the window, the
-- oldest of them must leave the window first.
create function throttle_wait(p_bucket text, p_key text, p_limit integer, p_window_seconds integer)
    returns integer
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select greatest(0, coalesce((
        select ceil(extract(epoch from (e.at + make_interval(secs => p_window_seconds) - now())))::integer
          from throttle_event e
         where e.bucket = p_bucket and e.key = p_key
           and e.at > now() - make_interval(secs => p_window_seconds)
         order by e.at desc
        offset greatest(p_limit, 1) - 1 limit 1), 0))
$$;

-- Counts one event; events older than a day are forgotten.
create function throttle_count(p_bucket text, p_key text)
    returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    delete from throttle_event where at < now() - interval '1 day';
    insert into throttle_event (bucket, key) values (p_bucket, p_key);
$$;

create function throttle_forget(p_bucket text, p_key text)
    returns void
    language sql security definer
    set search_path = public, pg_temp
as $$ delete from throttle_event where bucket = p_bucket and key = p_key $$;

-- A failed sign-in: counted for the account name (known or not: the answer must not tell which)
-- and for the address, and for an existing account written into its tenant's audit trail (never
-- the password tried).
create function identity_sign_in_failed(p_username text, p_address text, p_channel text)
    returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    select throttle_count('sign-in-account', lower(btrim(p_username)));
    select throttle_count('sign-in-address', p_address);
    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
    select a.tenant_id, 'anonymous@' || p_address, 'account', a.id::text, 'sign-in-failed',
           jsonb_build_object('channel', p_channel, 'address', p_address)
      from account a
     where a.username = lower(btrim(p_username));
$$;

-- A stored hash made with an older work factor is replaced on the next successful sign-in; only
-- the hash the caller just verified can be replaced.
create function identity_upgrade_password(p_username text, p_verified_hash text, p_new_hash text)
    returns boolean
    language sql security definer
    set search_path = public, pg_temp
as $$
    with upgraded as (
        update account set password_hash = p_new_hash, version = version + 1
         where username = p_username and password_hash = p_verified_hash
        returning 1)
    select exists (select 1 from upgraded)
$$;

revoke all on function throttle_wait(text, text, integer, integer) from public;
revoke all on function throttle_count(text, text) from public;
revoke all on function throttle_forget(text, text) from public;
revoke all on function identity_sign_in_failed(text, text, text) from public;
grant execute on function throttle_wait(text, text, integer, integer) to "${appRole}";
grant execute on function throttle_count(text, text) to "${appRole}";
grant execute on function throttle_forget(text, text) to "${appRole}";
grant execute on function identity_sign_in_failed(text, text, text) to "${appRole}";
revoke all on function identity_upgrade_password(text, text, text) from public;
grant execute on function identity_upgrade_password(text, text, text) to "${appRole}";

-- Tokens get an id, so that a person can list their calendar tokens and revoke one without
-- ever seeing a token again.
alter table access_token add column id bigint generated always as identity;
create unique index access_token_by_id on access_token (tenant_id, id);

-- Mail that carries a secret (a new administrator's invitation link) is erased once it has been
-- sent: the link then exists in the recipient's mailbox only.
alter table outbox_message add column holds_secret boolean not null default false;
create or replace function outbox_sent(p_id bigint) returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    update outbox_message
       set sent_at = now(), last_error = null,
           body = case when holds_secret then '[erased after sending: it held a single-use link]' else body end
     where id = p_id
$$;
