-- Joint activities (联合活动) run by two or more members of a community: exchanges, school pairing
-- (结对帮扶), training sent to rural schools (送教送培), shadowing (跟岗), workshops. The member that
-- proposes an activity owns its rows; the other organisers confirm (or decline) their part through
-- activity_respond. Once every organiser has confirmed, the whole community sees the activity.

-- Schools are no secret among fellow members: an activity names the schools of every organiser.
create function app_shares_community(p_tenant bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership mine
                     join community_membership theirs on theirs.community_id = mine.community_id
                    where mine.tenant_id = app_current_tenant() and theirs.tenant_id = p_tenant)
$$;
grant execute on function app_shares_community(bigint) to "${appRole}";
create policy school_visible_to_fellow_members on school for select using (app_shares_community(tenant_id));

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

-- Who sees an activity: its proposer, its organisers, and once confirmed every member of the
-- community. Runs as the owner, so the policies below may use it without recursing into each other.
create function activity_visible(p_tenant bigint, p_activity bigint) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select p_tenant = app_current_tenant()
        or exists (select 1 from activity_organiser o
                    where o.tenant_id = p_tenant and o.activity_id = p_activity
                      and o.organiser_tenant_id = app_current_tenant())
        or exists (select 1 from activity a
                    where a.tenant_id = p_tenant and a.id = p_activity and a.confirmed_at is not null
                      and app_is_member(a.community_id))
$$;

-- An organiser confirms or declines its part. When the last organiser confirms, the activity is
-- confirmed. Only a pending part of a proposed activity can be answered; returns the activity's
-- status afterwards, or nothing when there was nothing to answer.
create function activity_respond(p_tenant bigint, p_activity bigint, p_confirm boolean, p_by text, p_note text)
    returns table (status text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
begin
    perform 1 from activity a where a.tenant_id = p_tenant and a.id = p_activity and a.status = 'PROPOSED'
       for update;
    if not found then
        return;
    end if;
    update activity_organiser o
       set response = case when p_confirm then 'CONFIRMED' else 'DECLINED' end,
           responded_by = p_by, responded_at = now(), note = p_note
     where o.tenant_id = p_tenant and o.activity_id = p_activity
       and o.organiser_tenant_id = app_current_tenant() and o.response = 'PENDING';
    if not found then
        return;
    end if;
    if not exists (select 1 from activity_organiser o where o.tenant_id = p_tenant and o.activity_id = p_activity
                                                       and o.response <> 'CONFIRMED') then
        update activity a set status = 'CONFIRMED', confirmed_at = now(), updated_at = now(), version = a.version + 1
         where a.tenant_id = p_tenant and a.id = p_activity;
    end if;
    return query select a.status from activity a where a.tenant_id = p_tenant and a.id = p_activity;
end
$$;

alter table activity enable row level security;
create policy activity_own_tenant on activity
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_visible_to_organisers_and_members on activity for select
    using (activity_visible(tenant_id, id));

alter table activity_organiser enable row level security;
create policy activity_organiser_own_tenant on activity_organiser
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_organiser_with_visible_activity on activity_organiser for select
    using (activity_visible(tenant_id, activity_id));

alter table activity_school enable row level security;
create policy activity_school_own_tenant on activity_school
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_school_with_visible_activity on activity_school for select
    using (activity_visible(tenant_id, activity_id));

alter table activity_plan_item enable row level security;
create policy activity_plan_item_own_tenant on activity_plan_item
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_plan_item_with_visible_activity on activity_plan_item for select
    using (activity_visible(tenant_id, activity_id));

alter table activity_pairing enable row level security;
create policy activity_pairing_own_tenant on activity_pairing
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_pairing_with_visible_activity on activity_pairing for select
    using (activity_visible(tenant_id, activity_id));

alter table activity_attachment enable row level security;
create policy activity_attachment_own_tenant on activity_attachment
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy activity_attachment_with_visible_activity on activity_attachment for select
    using (activity_visible(tenant_id, activity_id));

grant select, insert, update, delete on activity, activity_organiser, activity_school, activity_plan_item,
    activity_pairing, activity_attachment to "${appRole}";
grant usage on sequence activity_id_seq, activity_pairing_id_seq, activity_attachment_id_seq to "${appRole}";
revoke all on function activity_visible(bigint, bigint) from public;
revoke all on function activity_respond(bigint, bigint, boolean, text, text) from public;
grant execute on function activity_visible(bigint, bigint) to "${appRole}";
grant execute on function activity_respond(bigint, bigint, boolean, text, text) to "${appRole}";
