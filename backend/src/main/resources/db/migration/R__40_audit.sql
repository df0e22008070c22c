-- Audit trail: the application role may only add entries of its own tenant; a tenant reads its
-- own through audit_entries(), which runs as the owner and returns the current tenant's entries only.
drop policy if exists audit_entry_insert_own_tenant on audit_entry;
create policy audit_entry_insert_own_tenant on audit_entry for insert
    with check (tenant_id = app_current_tenant());

create or replace function audit_entries(p_before_id bigint, p_limit integer)
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
