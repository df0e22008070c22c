-- Audit trail: every write records who, which tenant, when, which entity and what changed, in the
-- same transaction. The application role may only add entries; a tenant reads its own through
-- audit_entries() (R__40_audit.sql), which runs as the owner and returns the current tenant's entries only.
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
grant insert on audit_entry to "${appRole}";
grant usage on sequence audit_entry_id_seq to "${appRole}";
