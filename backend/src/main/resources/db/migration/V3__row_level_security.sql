-- Row-level security. The application logs in as ${appRole}: neither superuser nor owner of any table,
-- so the policies (in the repeatable migrations R__*.sql) always apply to it. Each transaction names
-- its tenant with set_config('app.tenant_id', <id>, true); without it every policy fails closed.

do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${appRole}') then
        create role "${appRole}" login nosuperuser nocreatedb nocreaterole noinherit;
    end if;
end
$$;

grant usage on schema public to "${appRole}";

-- Platform tables: readable by everyone, written only by the owner.
grant select on tenant, community, community_membership to "${appRole}";

-- Tenant-owned tables: a tenant reads and writes only its own rows.
alter table account enable row level security;
alter table account force row level security;
grant select, insert, update, delete on account to "${appRole}";
grant usage on sequence account_id_seq to "${appRole}";

alter table access_token enable row level security;
alter table access_token force row level security;
grant select, insert, delete on access_token to "${appRole}";
