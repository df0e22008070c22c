-- Annual work plans (年度工作计划): one per tenant, community and year, with its plan items (计划事项).
-- Drafts stay inside the tenant; published items are readable by every member of the community.
create sequence work_plan_id_seq;
create sequence plan_item_id_seq;
create sequence plan_item_change_id_seq;

create table work_plan (
    tenant_id    bigint      not null references tenant (id),
    id           bigint      not null default nextval('work_plan_id_seq'),
    community_id bigint      not null references community (id),
    year         integer     not null check (year between 2000 and 2200),
    published_at timestamptz,
    summary      text,
    closed_at    timestamptz,
    created_at   timestamptz not null default now(),
    version      integer     not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, community_id, year),
    check (closed_at is null or summary is not null)
);

create table plan_item (
    tenant_id           bigint      not null,
    id                  bigint      not null default nextval('plan_item_id_seq'),
    plan_id             bigint      not null,
    community_id        bigint      not null references community (id),
    year                integer     not null,
    position            integer     not null,
    title               text        not null check (length(btrim(title)) between 1 and 200),
    category            text        not null check (category in ('TRAINING', 'FORUM', 'EXCHANGE', 'RESEARCH',
                                        'RESOURCE_BUILDING', 'INSPECTION', 'PARTY_BUILDING', 'OTHER')),
    start_month         integer     check (start_month between 1 and 12),
    end_month           integer     check (end_month between 1 and 12),
    lead_unit           text,
    target_participants text,
    description         text,
    status              text        not null default 'PLANNED'
                                    check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    published_at        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references work_plan (tenant_id, id),
    check ((start_month is null) = (end_month is null) and (start_month is null or start_month <= end_month))
);
create index plan_item_by_plan on plan_item (tenant_id, plan_id, position);
create index plan_item_by_community_year on plan_item (community_id, year) where published_at is not null;

-- Member tenants co-organising an item (协办单位).
create table plan_item_co_organiser (
    tenant_id       bigint not null,
    item_id         bigint not null,
    co_organiser_id bigint not null references tenant (id),
    primary key (tenant_id, item_id, co_organiser_id),
    foreign key (tenant_id, item_id) references plan_item (tenant_id, id) on delete cascade
);
create index plan_item_co_organiser_by_co on plan_item_co_organiser (co_organiser_id);

-- What changed on a published item, who changed it and when; status changes carry a progress note.
create table plan_item_change (
    tenant_id  bigint      not null,
    id         bigint      not null default nextval('plan_item_change_id_seq'),
    item_id    bigint      not null,
    changed_at timestamptz not null default now(),
    changed_by text        not null,
    note       text,
    changes    jsonb       not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, item_id) references plan_item (tenant_id, id) on delete cascade
);
create index plan_item_change_by_item on plan_item_change (tenant_id, item_id, id);

-- Is the current tenant a member of the community?
create function app_is_member(p_community bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership m
                    where m.community_id = p_community and m.tenant_id = app_current_tenant())
$$;
grant execute on function app_is_member(bigint) to "${appRole}";

alter table work_plan enable row level security;
alter table work_plan force row level security;
create policy work_plan_own_tenant on work_plan
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy work_plan_published_to_members on work_plan for select
    using (published_at is not null and app_is_member(community_id));

alter table plan_item enable row level security;
alter table plan_item force row level security;
create policy plan_item_own_tenant on plan_item
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy plan_item_published_to_members on plan_item for select
    using (published_at is not null and app_is_member(community_id));

alter table plan_item_co_organiser enable row level security;
alter table plan_item_co_organiser force row level security;
create policy plan_item_co_organiser_own_tenant on plan_item_co_organiser
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy plan_item_co_organiser_with_visible_item on plan_item_co_organiser for select
    using (exists (select 1 from plan_item i where i.tenant_id = plan_item_co_organiser.tenant_id
                                                and i.id = plan_item_co_organiser.item_id));

alter table plan_item_change enable row level security;
alter table plan_item_change force row level security;
create policy plan_item_change_own_tenant on plan_item_change
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy plan_item_change_with_visible_item on plan_item_change for select
    using (exists (select 1 from plan_item i where i.tenant_id = plan_item_change.tenant_id
                                                and i.id = plan_item_change.item_id));

grant select, insert, update, delete on work_plan, plan_item, plan_item_co_organiser to "${appRole}";
grant select, insert on plan_item_change to "${appRole}";
grant usage on sequence work_plan_id_seq, plan_item_id_seq, plan_item_change_id_seq to "${appRole}";
