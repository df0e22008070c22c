-- A forum's agenda (议程): keynotes (专题报告) and breakout groups (分组研讨). A confirmed registrant
-- chooses one breakout group; a group with a capacity never takes more confirmed people than that,
-- whatever runs in parallel (the group's row is locked, and a trigger checks every write).
create sequence forum_session_id_seq;

create table forum_session (
    tenant_id  bigint      not null,
    id         bigint      not null default nextval('forum_session_id_seq'),
    forum_id   bigint      not null,
    kind       text        not null check (kind in ('KEYNOTE', 'BREAKOUT')),
    title      text        not null check (length(btrim(title)) between 1 and 200),
    speaker    text,
    room       text,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    capacity   integer     check (capacity > 0),
    primary key (tenant_id, id),
    unique (tenant_id, id, forum_id),
    foreign key (tenant_id, forum_id) references forum (tenant_id, id) on delete cascade,
    check (ends_at > starts_at),
    check (kind = 'BREAKOUT' or capacity is null)
);
create index forum_session_by_forum on forum_session (tenant_id, forum_id, starts_at, id);

alter table forum_registration add column breakout_session_id bigint;
alter table forum_registration add foreign key (tenant_id, breakout_session_id, forum_id)
    references forum_session (tenant_id, id, forum_id);
create index forum_registration_by_breakout on forum_registration (tenant_id, breakout_session_id)
    where breakout_session_id is not null;

-- The last line of defence: only a confirmed registration joins a group, only a breakout group,
-- and never beyond its capacity. Serialised per group by locking its row.
create function forum_registration_check_breakout() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
declare
    v_session forum_session%rowtype;
begin
    if new.breakout_session_id is null or new.breakout_session_id is not distinct from old.breakout_session_id then
        return new;
    end if;
    select * into v_session from forum_session s
     where s.tenant_id = new.tenant_id and s.id = new.breakout_session_id for update;
    if v_session.kind <> 'BREAKOUT' then
        raise exception 'session % is no breakout group', new.breakout_session_id using errcode = 'check_violation';
    end if;
    if new.status <> 'CONFIRMED' then
        raise exception 'registration % is not confirmed', new.id using errcode = 'check_violation';
    end if;
    if v_session.capacity is not null and (select count(*) from forum_registration r
         where r.tenant_id = new.tenant_id and r.breakout_session_id = new.breakout_session_id
           and r.status = 'CONFIRMED' and r.id <> new.id) >= v_session.capacity then
        raise exception 'breakout group % is full', new.breakout_session_id using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger forum_registration_breakout before update of breakout_session_id on forum_registration
    for each row execute function forum_registration_check_breakout();

-- A registration that is no longer confirmed leaves its group.
create function forum_registration_leave_breakout() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
begin
    if new.status <> 'CONFIRMED' then
        new.breakout_session_id := null;
    end if;
    return new;
end
$$;
create trigger forum_registration_leaves_breakout before update of status on forum_registration
    for each row execute function forum_registration_leave_breakout();

-- A registrant (their own tenant) or the host chooses a breakout group for a registration, or none
-- (p_session null). Returns CHOSEN, FULL, NOT_CONFIRMED or NOT_BREAKOUT; nothing when the caller
-- may not touch the registration.
create function forum_choose_breakout(p_host bigint, p_forum bigint, p_registration bigint, p_session bigint)
    returns table (outcome text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    r         forum_registration%rowtype;
    v_session forum_session%rowtype;
begin
    select * into r from forum_registration x
     where x.tenant_id = p_host and x.forum_id = p_forum and x.id = p_registration
       and app_current_tenant() in (x.tenant_id, x.registrant_tenant_id)
       for update;
    if not found then
        return;
    end if;
    if p_session is not null then
        select * into v_session from forum_session s
         where s.tenant_id = p_host and s.forum_id = p_forum and s.id = p_session for update;
        if not found or v_session.kind <> 'BREAKOUT' then
            return query select 'NOT_BREAKOUT';
            return;
        end if;
        if r.status <> 'CONFIRMED' then
            return query select 'NOT_CONFIRMED';
            return;
        end if;
        if r.breakout_session_id is distinct from p_session and v_session.capacity is not null
           and (select count(*) from forum_registration x
                 where x.tenant_id = p_host and x.breakout_session_id = p_session and x.status = 'CONFIRMED')
               >= v_session.capacity then
            return query select 'FULL';
            return;
        end if;
    end if;
    update forum_registration set breakout_session_id = p_session, updated_at = now()
     where tenant_id = p_host and id = p_registration;
    return query select 'CHOSEN';
end
$$;

-- Confirmed people per breakout group of a forum, for "seats left" (members cannot count other
-- members' registrations themselves).
create function forum_breakout_taken(p_host bigint, p_forum bigint)
    returns table (session_id bigint, taken integer)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select r.breakout_session_id, count(*)::integer from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.status = 'CONFIRMED'
       and r.breakout_session_id is not null
     group by r.breakout_session_id
$$;

alter table forum_session enable row level security;
create policy forum_session_own_tenant on forum_session
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
create policy forum_session_with_visible_forum on forum_session for select
    using (exists (select 1 from forum f where f.tenant_id = forum_session.tenant_id and f.id = forum_session.forum_id));
grant select, insert, update, delete on forum_session to "${appRole}";
grant usage on sequence forum_session_id_seq to "${appRole}";
revoke all on function forum_choose_breakout(bigint, bigint, bigint, bigint) from public;
revoke all on function forum_breakout_taken(bigint, bigint) from public;
grant execute on function forum_choose_breakout(bigint, bigint, bigint, bigint) to "${appRole}";
grant execute on function forum_breakout_taken(bigint, bigint) to "${appRole}";
