-- What the tenant configuration (and, in demo mode, the demo data) was when a start last applied it:
-- a start that finds the same digest has nothing to apply (at 3,000 tenants, four seconds of every
-- start). Only the schema owner, which applies the configuration, reads or writes it.
create table tenant_config_applied (
    singleton  boolean primary key default true check (singleton),
    digest     text not null,
    applied_at timestamptz not null default now()
);
