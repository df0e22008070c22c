-- Joint forums (论坛) hosted by a member, and registrations (报名) of principals of any member.
-- Seats, quotas, waitlist order and "one registration per person" are enforced in the database
-- (R__60_forum.sql), so that no amount of parallel requests can overbook a forum.

-- Functions defined by the owner (security definer) must see every tenant's rows, so the owner is no
-- longer subject to row-level security; the application role always is (it owns nothing).
alter table account no force row level security;
alter table access_token no force row level security;
alter table school no force row level security;
alter table work_plan no force row level security;
alter table plan_item no force row level security;
alter table plan_item_co_organiser no force row level security;
alter table plan_item_change no force row level security;
alter table audit_entry no force row level security;

create sequence forum_id_seq;
create sequence forum_registration_id_seq;

create table forum (
    tenant_id              bigint      not null references tenant (id),
    id                     bigint      not null default nextval('forum_id_seq'),
    community_id           bigint      not null references community (id),
    title                  text        not null check (length(btrim(title)) between 1 and 200),
    description            text,
    venue                  text        not null check (length(btrim(venue)) > 0),
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    registration_opens_at  timestamptz not null,
    registration_closes_at timestamptz not null,
    capacity               integer     not null check (capacity > 0),
    approval_required      boolean     not null default false,
    plan_item_id           bigint,
    created_at             timestamptz not null default now(),
    version                integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_item_id) references plan_item (tenant_id, id),
    check (ends_at > starts_at),
    check (registration_closes_at > registration_opens_at and registration_closes_at <= ends_at)
);
create index forum_by_community on forum (community_id, starts_at);

-- Seats shared out per member (名额分配); a member without a row has no limit of its own.
create table forum_quota (
    tenant_id        bigint  not null,
    forum_id         bigint  not null,
    member_tenant_id bigint  not null references tenant (id),
    seats            integer not null check (seats >= 0),
    primary key (tenant_id, forum_id, member_tenant_id),
    foreign key (tenant_id, forum_id) references forum (tenant_id, id) on delete cascade
);

create table forum_registration (
    tenant_id            bigint      not null,
    id                   bigint      not null default nextval('forum_registration_id_seq'),
    forum_id             bigint      not null,
    registrant_tenant_id bigint      not null,
    account_id           bigint      not null,
    -- who the person is, as the host needs it (accounts themselves stay inside their tenant)
    person_username      text        not null,
    person_name          text        not null,
    registered_by        text        not null,
    status               text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'PENDING', 'CANCELLED', 'REJECTED')),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, forum_id) references forum (tenant_id, id) on delete cascade,
    foreign key (registrant_tenant_id, account_id) references account (tenant_id, id)
);
-- one live registration per person per forum
create unique index forum_registration_one_per_person on forum_registration (tenant_id, forum_id, account_id)
    where status in ('CONFIRMED', 'WAITLISTED', 'PENDING');
create index forum_registration_by_forum on forum_registration (tenant_id, forum_id, status, id);

alter table forum enable row level security;

alter table forum_quota enable row level security;

alter table forum_registration enable row level security;

grant select, insert, update, delete on forum, forum_quota to "${appRole}";
grant select on forum_registration to "${appRole}";
grant usage on sequence forum_id_seq to "${appRole}";
