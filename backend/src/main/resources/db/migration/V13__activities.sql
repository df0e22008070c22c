-- Joint activities (联合活动) run by two or more members of a community: exchanges, school pairing
-- (结对帮扶), training sent to rural schools (送教送培), shadowing (跟岗), workshops. The member that
-- proposes an activity owns its rows; the other organisers confirm (or decline) their part through
-- activity_respond. Once every organiser has confirmed, the whole community sees the activity.

create sequence activity_id_seq;
create sequence activity_pairing_id_seq;
create sequence activity_attachment_id_seq;

create table activity (
    tenant_id    bigint      not null references tenant (id),
    id           bigint      not null default nextval('activity_id_seq'),
    community_id bigint      not null references community (id),
    title        text        not null check (length(btrim(title)) between 1 and 200),
    type         text        not null check (type in ('EXCHANGE', 'SCHOOL_PAIRING', 'TRAINING_SENT', 'SHADOWING',
                                                      'WORKSHOP', 'OTHER')),
    starts_on    date        not null,
    ends_on      date        not null,
    description  text,
    status       text        not null default 'PROPOSED'
                             check (status in ('PROPOSED', 'CONFIRMED', 'DONE', 'CANCELLED')),
    confirmed_at timestamptz,
    outcome      text,
    reported_at  timestamptz,
    cancellation_reason text,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0,
    primary key (tenant_id, id),
    check (ends_on >= starts_on),
    check (status not in ('CONFIRMED', 'DONE') or confirmed_at is not null),
    check (status <> 'DONE' or (outcome is not null and reported_at is not null)),
    check (status <> 'CANCELLED' or cancellation_reason is not null)
);
create index activity_by_community on activity (community_id, starts_on, id);

-- The organising members, the proposer included (its part is confirmed when it proposes).
create table activity_organiser (
    tenant_id           bigint      not null,
    activity_id         bigint      not null,
    organiser_tenant_id bigint      not null references tenant (id),
    part                text,
    response            text        not null default 'PENDING' check (response in ('PENDING', 'CONFIRMED', 'DECLINED')),
    responded_by        text,
    responded_at        timestamptz,
    note                text,
    primary key (tenant_id, activity_id, organiser_tenant_id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id) on delete cascade,
    check (response <> 'DECLINED' or note is not null)
);
create index activity_organiser_by_organiser on activity_organiser (organiser_tenant_id);

-- Participating schools, each of one of the organisers.
create table activity_school (
    tenant_id        bigint not null,
    activity_id      bigint not null,
    school_tenant_id bigint not null,
    school_id        bigint not null,
    primary key (tenant_id, activity_id, school_tenant_id, school_id),
    foreign key (tenant_id, activity_id, school_tenant_id)
        references activity_organiser (tenant_id, activity_id, organiser_tenant_id) on delete cascade,
    foreign key (school_tenant_id, school_id) references school (tenant_id, id)
);

-- Plan items the activity realises, from any organiser's plan.
create table activity_plan_item (
    tenant_id      bigint not null,
    activity_id    bigint not null,
    item_tenant_id bigint not null,
    item_id        bigint not null,
    primary key (tenant_id, activity_id, item_tenant_id, item_id),
    foreign key (tenant_id, activity_id, item_tenant_id)
        references activity_organiser (tenant_id, activity_id, organiser_tenant_id) on delete cascade,
    foreign key (item_tenant_id, item_id) references plan_item (tenant_id, id)
);

-- School pairing (结对帮扶): which participating school supports which, across members, for how long.
create table activity_pairing (
    tenant_id            bigint not null,
    id                   bigint not null default nextval('activity_pairing_id_seq'),
    activity_id          bigint not null,
    supporting_tenant_id bigint not null,
    supporting_school_id bigint not null,
    supported_tenant_id  bigint not null,
    supported_school_id  bigint not null,
    starts_on            date   not null,
    ends_on              date   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, activity_id, supporting_tenant_id, supporting_school_id)
        references activity_school (tenant_id, activity_id, school_tenant_id, school_id) on delete cascade,
    foreign key (tenant_id, activity_id, supported_tenant_id, supported_school_id)
        references activity_school (tenant_id, activity_id, school_tenant_id, school_id) on delete cascade,
    unique (tenant_id, activity_id, supporting_school_id, supported_school_id),
    check (supporting_tenant_id <> supported_tenant_id),
    check (ends_on >= starts_on)
);
create index activity_pairing_by_activity on activity_pairing (tenant_id, activity_id);

-- The outcome report's attachments, described (the files themselves live elsewhere).
create table activity_attachment (
    tenant_id   bigint not null,
    id          bigint not null default nextval('activity_attachment_id_seq'),
    activity_id bigint not null,
    name        text   not null check (length(btrim(name)) between 1 and 200),
    description text   not null check (length(btrim(description)) > 0),
    primary key (tenant_id, id),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id) on delete cascade
);

alter table activity enable row level security;

alter table activity_organiser enable row level security;

alter table activity_school enable row level security;

alter table activity_plan_item enable row level security;

alter table activity_pairing enable row level security;

alter table activity_attachment enable row level security;

grant select, insert, update, delete on activity, activity_organiser, activity_school, activity_plan_item,
    activity_pairing, activity_attachment to "${appRole}";
grant usage on sequence activity_id_seq, activity_pairing_id_seq, activity_attachment_id_seq to "${appRole}";
