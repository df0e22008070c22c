-- Row-level security. The application logs in as ${appRole}: neither superuser nor owner of any table,
-- so the policies below always apply to it. Each transaction names its tenant with
-- set_config('app.tenant_id', <id>, true); without it every policy fails closed (no rows, no writes).

do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${appRole}') then
        create role "${appRole}" login nosuperuser nocreatedb nocreaterole noinherit;
    end if;
end
$$;

create function app_current_tenant() returns bigint
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::bigint $$;

grant usage on schema public to "${appRole}";
grant execute on function app_current_tenant() to "${appRole}";

-- Platform tables: readable by everyone, written only by the owner.
grant select on tenant, community, community_membership to "${appRole}";

-- Tenant-owned tables: a tenant reads and writes only its own rows.
alter table account enable row level security;
alter table account force row level security;
create policy account_own_tenant on account
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on account to "${appRole}";
grant usage on sequence account_id_seq to "${appRole}";

alter table access_token enable row level security;
alter table access_token force row level security;
create policy access_token_own_tenant on access_token
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
grant select, insert, delete on access_token to "${appRole}";

-- Sign-in happens before a tenant is known: these two functions run as the owner and return
-- exactly what authentication needs, nothing more.
create function identity_find_login(p_username text)
    returns table (tenant_id bigint, account_id bigint, password_hash text, roles text, enabled boolean)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.tenant_id, a.id, a.password_hash, a.roles, a.enabled
      from account a
     where a.username = p_username
$$;

create function identity_find_token(p_token_hash text)
    returns table (tenant_id bigint, account_id bigint, username text, roles text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.tenant_id, a.id, a.username, a.roles
      from access_token t
      join account a on a.tenant_id = t.tenant_id and a.id = t.account_id
     where t.token_hash = p_token_hash
       and t.expires_at > now()
       and a.enabled
$$;

revoke all on function identity_find_login(text) from public;
revoke all on function identity_find_token(text) from public;
grant execute on function identity_find_login(text) to "${appRole}";
grant execute on function identity_find_token(text) to "${appRole}";
