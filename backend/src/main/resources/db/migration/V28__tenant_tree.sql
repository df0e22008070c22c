-- The tenant tree (省—市—县—片—校): every ancestor of every tenant with its distance, kept by the database
-- itself from tenant.parent_id, so that a policy asks "is the current tenant above this row's tenant?"
-- with one indexed lookup. Public like the tenants themselves: who reports to whom is no secret.
create table tenant_ancestry (
    ancestor_id   bigint  not null references tenant (id) on delete cascade,
    descendant_id bigint  not null references tenant (id) on delete cascade,
    depth         integer not null check (depth > 0),
    primary key (ancestor_id, descendant_id)
);
create index tenant_ancestry_up on tenant_ancestry (descendant_id, depth);
create index tenant_children on tenant (parent_id) where parent_id is not null;
grant select on tenant_ancestry to "${appRole}";

-- Rebuilds the whole closure (a few thousand rows at national scale; tenants change through configuration,
-- rarely) and refuses a cycle. Runs after every statement that adds, moves or removes tenants.
create function tenant_ancestry_refresh() returns void
    language plpgsql
as $$
begin
    lock table tenant_ancestry in exclusive mode;
    delete from tenant_ancestry;
    insert into tenant_ancestry (ancestor_id, descendant_id, depth)
    with recursive up (descendant_id, ancestor_id, depth) as (
        select id, parent_id, 1 from tenant where parent_id is not null
        union all
        select up.descendant_id, t.parent_id, up.depth + 1
          from up join tenant t on t.id = up.ancestor_id
         where t.parent_id is not null and up.ancestor_id <> up.descendant_id
    ) cycle ancestor_id set in_cycle using path
    select u.ancestor_id, u.descendant_id, min(u.depth) from up u group by 1, 2;
    if exists (select 1 from tenant_ancestry where ancestor_id = descendant_id) then
        raise exception 'a tenant cannot be its own ancestor (tenant.parent_id makes a cycle)'
            using errcode = '23514';
    end if;
end $$;

create function tenant_ancestry_rebuild() returns trigger
    language plpgsql
as $$
begin
    perform tenant_ancestry_refresh();
    return null;
end $$;

create trigger tenant_ancestry_after_insert after insert on tenant
    for each statement execute function tenant_ancestry_rebuild();
create trigger tenant_ancestry_after_parent after update of parent_id on tenant
    for each statement execute function tenant_ancestry_rebuild();
create trigger tenant_ancestry_after_delete after delete on tenant
    for each statement execute function tenant_ancestry_rebuild();

-- tenants that already name a parent
select tenant_ancestry_refresh();
