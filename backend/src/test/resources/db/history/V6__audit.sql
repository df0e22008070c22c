-- Audit trail: every write records who, which tenant, when, which entity and what changed, in the
-- same transaction. The application role may only add entries; a tenant reads its own through
-- audit_entries(), which runs as the owner and returns the current tenant's entries only.
create sequence audit_entry_id_seq;

create table audit_entry (
    tenant_id   bigint      not null references tenant (id),
    id          bigint      not null default nextval('audit_entry_id_seq'),
    at          timestamptz not null default now(),
    actor       text        not null,
    entity      text        not null,
    entity_id   text        not null,
    action      text        not null,
    changes     jsonb       not null default '{}',
    primary key (tenant_id, id)
);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_insert_own_tenant on audit_entry for insert
    with check (tenant_id = app_current_tenant());
grant insert on audit_entry to "${appRole}";
grant usage on sequence audit_entry_id_seq to "${appRole}";

create function audit_entries(p_before_id bigint, p_limit integer)
    returns table (id bigint, at timestamptz, actor text, entity text, entity_id text, action text, changes jsonb)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select e.id, e.at, e.actor, e.entity, e.entity_id, e.action, e.changes
      from audit_entry e
     where e.tenant_id = app_current_tenant()
       and (p_before_id is null or e.id < p_before_id)
     order by e.id desc
     limit least(greatest(p_limit, 1), 200)
$$;
revoke all on function audit_entries(bigint, integer) from public;
grant execute on function audit_entries(bigint, integer) to "${appRole}";
