-- Tenancy core: tenants (成员单位), communities (教育共同体) and memberships.
-- These are platform tables: every tenant may read them (public community pages need them);
-- only the schema owner (migrations, tenant-config) writes them.

create table tenant (
    id          bigint generated always as identity primary key,
    slug        text        not null unique check (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
    name_zh     text        not null check (length(btrim(name_zh)) > 0),
    name_en     text        not null check (length(btrim(name_en)) > 0),
    kind        text        not null check (kind in ('PROVINCE', 'CITY', 'DISTRICT', 'SCHOOL_CLUSTER', 'SCHOOL', 'OTHER')),
    parent_id   bigint      references tenant (id),
    region      text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table community (
    id          bigint generated always as identity primary key,
    slug        text        not null unique check (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
    name_zh     text        not null check (length(btrim(name_zh)) > 0),
    name_en     text        not null check (length(btrim(name_en)) > 0),
    founded_in  integer     not null check (founded_in between 1949 and 2200),
    description_zh text,
    description_en text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- A tenant's membership of a community, in the community's roster order.
-- joined_year is always known; joined_on only when the exact day is (founding members often lack it).
create table community_membership (
    tenant_id    bigint  not null references tenant (id),
    community_id bigint  not null references community (id),
    role         text    not null check (role in ('FOUNDING_MEMBER', 'MEMBER')),
    secretariat  boolean not null default false,
    joined_year  integer not null check (joined_year between 1949 and 2200),
    joined_on    date    check (joined_on is null or extract(year from joined_on) = joined_year),
    joined_at_meeting text,
    roster_position integer not null,
    primary key (tenant_id, community_id)
);
create index community_membership_by_community on community_membership (community_id, roster_position);
