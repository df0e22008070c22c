-- Identity: accounts, tokens, schools, and the owner-defined functions sign-in needs before a
-- tenant is known. Each returns exactly what authentication needs, nothing more.

-- A tenant reads and writes only its own accounts, tokens and schools; schools are no secret among
-- fellow members (an activity names the schools of every organiser).
drop policy if exists account_own_tenant on account;
create policy account_own_tenant on account
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

drop policy if exists access_token_own_tenant on access_token;
create policy access_token_own_tenant on access_token
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

drop policy if exists school_own_tenant on school;
create policy school_own_tenant on school
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
drop policy if exists school_visible_to_fellow_members on school;
create policy school_visible_to_fellow_members on school for select using (app_shares_community(tenant_id));

create or replace function identity_find_login(p_username text)
    returns table (tenant_id bigint, account_id bigint, password_hash text, roles text, enabled boolean)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.tenant_id, a.id, a.password_hash, a.roles, a.enabled
      from account a
     where a.username = p_username
$$;

-- API tokens only: a calendar token is good for calendar feeds (.ics) and nothing else.
-- Each returns when the token expires too: a node that caches a verified token keeps it no longer.
drop function if exists identity_find_token(text);
drop function if exists identity_find_calendar_token(text);
create or replace function identity_find_token(p_token_hash text)
    returns table (tenant_id bigint, account_id bigint, username text, roles text, expires_at timestamptz)
    language plpgsql stable security definer
    set search_path = public, pg_temp
as $$
begin
    return query
    select a.tenant_id, a.id, a.username, a.roles, t.expires_at
          from access_token t
          join account a on a.tenant_id = t.tenant_id and a.id = t.account_id
         where t.token_hash = p_token_hash
           and t.scope = 'API'
           and t.expires_at > now()
           and a.enabled;
end
$$;

create or replace function identity_find_calendar_token(p_token_hash text)
    returns table (tenant_id bigint, account_id bigint, username text, roles text, expires_at timestamptz)
    language plpgsql stable security definer
    set search_path = public, pg_temp
as $$
begin
    return query
    select a.tenant_id, a.id, a.username, a.roles, t.expires_at
          from access_token t
          join account a on a.tenant_id = t.tenant_id and a.id = t.account_id
         where t.token_hash = p_token_hash
           and t.scope = 'CALENDAR'
           and t.expires_at > now()
           and a.enabled;
end
$$;

-- Accepting an invitation: sets the password of the invited account once, before the link expires,
-- and audits it in the new tenant's trail.
create or replace function identity_accept_invitation(p_token_hash text, p_password_hash text)
    returns table (username text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    i          account_invitation%rowtype;
    v_username text;
begin
    select * into i from account_invitation where token_hash = p_token_hash for update;
    if not found or i.used_at is not null or i.expires_at <= now() then
        return;
    end if;
    update account_invitation set used_at = now() where tenant_id = i.tenant_id and token_hash = i.token_hash;
    update account a set password_hash = p_password_hash
     where a.tenant_id = i.tenant_id and a.id = i.account_id
    returning a.username into v_username;
    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
    values (i.tenant_id, v_username, 'account', i.account_id::text, 'accept-invitation',
            jsonb_build_object('password', 'set'));
    return query select v_username;
end
$$;

-- The enabled administrators of a tenant, to notify them: of one's own tenant or of a tenant one
-- shares a community with, and nothing else.
create or replace function identity_tenant_admins(p_tenant bigint)
    returns table (account_id bigint, email text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.id, a.email from account a
     where a.tenant_id = p_tenant and a.enabled and 'TENANT_ADMIN' = any(regexp_split_to_array(a.roles, '\s+'))
       and (p_tenant = app_current_tenant() or app_shares_community(p_tenant))
     order by a.id
$$;

-- A failed sign-in: counted for the account name (known or not: the answer must not tell which)
-- and for the address, and for an existing account written into its tenant's audit trail (never
-- the password tried).
create or replace function identity_sign_in_failed(p_username text, p_address text, p_channel text)
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
create or replace function identity_upgrade_password(p_username text, p_verified_hash text, p_new_hash text)
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

revoke all on function identity_find_login(text) from public;
revoke all on function identity_find_token(text) from public;
revoke all on function identity_find_calendar_token(text) from public;
revoke all on function identity_accept_invitation(text, text) from public;
revoke all on function identity_tenant_admins(bigint) from public;
revoke all on function identity_sign_in_failed(text, text, text) from public;
revoke all on function identity_upgrade_password(text, text, text) from public;
grant execute on function identity_find_login(text) to "${appRole}";
grant execute on function identity_find_token(text) to "${appRole}";
grant execute on function identity_find_calendar_token(text) to "${appRole}";
grant execute on function identity_accept_invitation(text, text) to "${appRole}";
grant execute on function identity_tenant_admins(bigint) to "${appRole}";
grant execute on function identity_sign_in_failed(text, text, text) to "${appRole}";
grant execute on function identity_upgrade_password(text, text, text) to "${appRole}";

-- Whatever ends or narrows a token tells every node at once (LISTEN educommons_access), so that a
-- node caching verified tokens drops it: a token deleted or changed ('token:<digest>'), an account
-- disabled, deleted or given other roles ('account:<tenant>:<id>'). Sent when the change commits.
create or replace function identity_notify_access_change() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
begin
    if tg_table_name = 'access_token' then
        perform pg_notify('educommons_access', 'token:' || old.token_hash);
    else
        perform pg_notify('educommons_access', 'account:' || old.tenant_id || ':' || old.id);
    end if;
    return null;
end
$$;
revoke all on function identity_notify_access_change() from public;

drop trigger if exists access_token_changed on access_token;
create trigger access_token_changed after update or delete on access_token
    for each row execute function identity_notify_access_change();
drop trigger if exists account_access_changed on account;
create trigger account_access_changed after update of enabled, roles, username, tenant_id or delete on account
    for each row execute function identity_notify_access_change();

-- Emptied at once (TRUNCATE fires no row trigger): every node forgets every token it verified.
create or replace function identity_notify_access_truncated() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
begin
    perform pg_notify('educommons_access', 'all');
    return null;
end
$$;
revoke all on function identity_notify_access_truncated() from public;

drop trigger if exists access_token_truncated on access_token;
create trigger access_token_truncated after truncate on access_token
    for each statement execute function identity_notify_access_truncated();
drop trigger if exists account_truncated on account;
create trigger account_truncated after truncate on account
    for each statement execute function identity_notify_access_truncated();
