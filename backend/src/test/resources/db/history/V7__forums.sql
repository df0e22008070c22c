-- Joint forums (论坛) hosted by a member, and registrations (报名) of principals of any member.
-- Seats, quotas, waitlist order and "one registration per person" are enforced here, in the database,
-- so that no amount of parallel requests can overbook a forum.

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

-- The last line of defence: whatever code runs, a confirmed seat beyond capacity or beyond the
-- member's quota cannot be written. Serialised per forum by locking the forum row.
create function forum_registration_check_seats() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
declare
    v_capacity integer;
    v_quota    integer;
begin
    if new.status <> 'CONFIRMED' or (tg_op = 'UPDATE' and old.status = 'CONFIRMED') then
        return new;
    end if;
    select capacity into v_capacity from forum where tenant_id = new.tenant_id and id = new.forum_id for update;
    if (select count(*) from forum_registration r
         where r.tenant_id = new.tenant_id and r.forum_id = new.forum_id and r.status = 'CONFIRMED'
           and r.id <> new.id) >= v_capacity then
        raise exception 'forum % is full', new.forum_id using errcode = 'check_violation';
    end if;
    select seats into v_quota from forum_quota
     where tenant_id = new.tenant_id and forum_id = new.forum_id and member_tenant_id = new.registrant_tenant_id;
    if v_quota is not null and (select count(*) from forum_registration r
         where r.tenant_id = new.tenant_id and r.forum_id = new.forum_id and r.status = 'CONFIRMED'
           and r.registrant_tenant_id = new.registrant_tenant_id and r.id <> new.id) >= v_quota then
        raise exception 'quota of tenant % for forum % is used up', new.registrant_tenant_id, new.forum_id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger forum_registration_seats before insert or update of status on forum_registration
    for each row execute function forum_registration_check_seats();

-- Does the member still have a seat of its own (no quota row = no own limit)?
create function forum_member_has_quota(p_host bigint, p_forum bigint, p_member bigint) returns boolean
    language sql stable
    set search_path = public, pg_temp
as $$
    select coalesce((select q.seats > (select count(*) from forum_registration r
                                         where r.tenant_id = p_host and r.forum_id = p_forum
                                           and r.status = 'CONFIRMED' and r.registrant_tenant_id = p_member)
                       from forum_quota q
                      where q.tenant_id = p_host and q.forum_id = p_forum and q.member_tenant_id = p_member), true)
$$;

-- Registers a person: returns the live registration if there is one, otherwise a new one that is
-- PENDING (host approval), CONFIRMED (a seat and quota left) or WAITLISTED. Who may register whom,
-- and when, is decided by the application before it calls this.
create function forum_register(p_host bigint, p_forum bigint, p_member bigint, p_account bigint,
                               p_by text, p_pending boolean)
    returns table (registration_id bigint, status text, created boolean)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_capacity integer;
    v_existing forum_registration%rowtype;
    v_status   text;
    v_id       bigint;
begin
    if p_member is distinct from app_current_tenant() then
        raise exception 'a tenant registers only its own people' using errcode = 'insufficient_privilege';
    end if;
    select f.capacity into v_capacity from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    if v_capacity is null then
        raise exception 'no forum %', p_forum using errcode = 'no_data_found';
    end if;
    select * into v_existing from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.account_id = p_account
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING');
    if found then
        return query select v_existing.id, v_existing.status, false;
        return;
    end if;
    if p_pending then
        v_status := 'PENDING';
    elsif (select count(*) from forum_registration r where r.tenant_id = p_host and r.forum_id = p_forum
                                                       and r.status = 'CONFIRMED') < v_capacity
          and forum_member_has_quota(p_host, p_forum, p_member) then
        v_status := 'CONFIRMED';
    else
        v_status := 'WAITLISTED';
    end if;
    insert into forum_registration (tenant_id, forum_id, registrant_tenant_id, account_id, person_username,
                                    person_name, registered_by, status)
    select p_host, p_forum, p_member, p_account, a.username, a.display_name, p_by, v_status
      from account a where a.tenant_id = p_member and a.id = p_account
    returning id into v_id;
    if v_id is null then
        raise exception 'no account % in tenant %', p_account, p_member using errcode = 'no_data_found';
    end if;
    return query select v_id, v_status, true;
end
$$;

-- Cancels a registration; a freed seat goes to the first waitlisted person (in order of
-- registration) whose member still has quota. Returns the ids of promoted registrations.
create function forum_cancel(p_host bigint, p_forum bigint, p_registration bigint)
    returns table (promoted_id bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_next bigint;
begin
    perform 1 from forum f where f.tenant_id = p_host and f.id = p_forum for update;
    update forum_registration r set status = 'CANCELLED', updated_at = now()
     where r.tenant_id = p_host and r.forum_id = p_forum and r.id = p_registration
       and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING')
       and app_current_tenant() in (r.tenant_id, r.registrant_tenant_id);
    if not found then
        return;
    end if;
    select r.id into v_next from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'WAITLISTED'
       and forum_member_has_quota(p_host, p_forum, r.registrant_tenant_id)
       and (select count(*) from forum_registration c where c.tenant_id = p_host and c.forum_id = p_forum
                                                       and c.status = 'CONFIRMED')
           < (select f.capacity from forum f where f.tenant_id = p_host and f.id = p_forum)
     order by r.id
     limit 1;
    if v_next is not null then
        update forum_registration set status = 'CONFIRMED', updated_at = now()
         where tenant_id = p_host and id = v_next;
        return query select v_next;
    end if;
end
$$;

-- A waitlisted registration's place in the queue (1 = next in line).
create function forum_waitlist_position(p_host bigint, p_forum bigint, p_registration bigint) returns integer
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select count(*)::integer from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'WAITLISTED' and r.id <= p_registration
$$;

-- Confirmed seats of a forum, in total and of one member, for "seats left".
create function forum_seats_taken(p_host bigint, p_forum bigint, p_member bigint)
    returns table (total integer, of_member integer)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select count(*)::integer, (count(*) filter (where r.registrant_tenant_id = p_member))::integer
      from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'
$$;

alter table forum enable row level security;
create policy forum_own_tenant on forum
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy forum_visible_to_members on forum for select using (app_is_member(community_id));

alter table forum_quota enable row level security;
create policy forum_quota_own_tenant on forum_quota
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy forum_quota_with_visible_forum on forum_quota for select
    using (exists (select 1 from forum f where f.tenant_id = forum_quota.tenant_id and f.id = forum_quota.forum_id));

-- The host sees its forums' registrations; a member sees its own people's.
alter table forum_registration enable row level security;
create policy forum_registration_host_or_registrant on forum_registration for select
    using (tenant_id = app_current_tenant() or registrant_tenant_id = app_current_tenant());

grant select, insert, update, delete on forum, forum_quota to "${appRole}";
grant select on forum_registration to "${appRole}";
grant usage on sequence forum_id_seq to "${appRole}";
revoke all on function forum_register(bigint, bigint, bigint, bigint, text, boolean) from public;
revoke all on function forum_cancel(bigint, bigint, bigint) from public;
revoke all on function forum_waitlist_position(bigint, bigint, bigint) from public;
revoke all on function forum_seats_taken(bigint, bigint, bigint) from public;
grant execute on function forum_register(bigint, bigint, bigint, bigint, text, boolean) to "${appRole}";
grant execute on function forum_cancel(bigint, bigint, bigint) to "${appRole}";
grant execute on function forum_waitlist_position(bigint, bigint, bigint) to "${appRole}";
grant execute on function forum_seats_taken(bigint, bigint, bigint) to "${appRole}";
grant execute on function forum_member_has_quota(bigint, bigint, bigint) to "${appRole}";
