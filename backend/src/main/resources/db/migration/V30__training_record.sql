-- Credit hours (学时): a forum may award them to everyone checked in, and each award goes to the person's
-- training record (教师专业成长档案) once. Rows belong to the person's tenant; they are written only by
-- the database's own functions (forum_check_in), never by the application role directly, and read by the
-- person's tenant and every tenant above it in the tenant tree (R__95_training.sql).
alter table forum add column credit_hours numeric(5, 1)
    check (credit_hours is null or (credit_hours > 0 and credit_hours <= 200));

create table training_record (
    tenant_id        bigint        not null,
    id               bigint        generated always as identity,
    account_id       bigint        not null,
    source           text          not null check (source in ('FORUM', 'ACTIVITY')),
    source_tenant_id bigint        not null references tenant (id),
    source_id        bigint        not null,
    title            text          not null,
    held_on          date          not null,
    hours            numeric(5, 1) not null check (hours > 0),
    recorded_at      timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references account (tenant_id, id),
    -- an event counts once for a person, whoever records it and however often
    unique (account_id, source, source_tenant_id, source_id)
);
create index training_record_by_person on training_record (tenant_id, account_id, held_on);

alter table training_record enable row level security;
grant select on training_record to "${appRole}";
