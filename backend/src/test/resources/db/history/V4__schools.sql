-- Schools (学校) of a tenant; a principal's account belongs to one.
create sequence school_id_seq;

create table school (
    tenant_id  bigint      not null references tenant (id),
    id         bigint      not null default nextval('school_id_seq'),
    name_zh    text        not null check (length(btrim(name_zh)) > 0),
    name_en    text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name_zh)
);

alter table account add column school_id bigint;
alter table account add foreign key (tenant_id, school_id) references school (tenant_id, id);

alter table school enable row level security;
alter table school force row level security;
create policy school_own_tenant on school
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on school to "${appRole}";
grant usage on sequence school_id_seq to "${appRole}";
