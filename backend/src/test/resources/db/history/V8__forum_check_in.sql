-- Check-in (签到): every confirmed registration carries a code, accepted once on the day by the host.
alter table forum_registration add column check_in_code text;
alter table forum_registration add column checked_in_at timestamptz;
create unique index forum_registration_check_in_code on forum_registration (check_in_code);

create function forum_registration_issue_code() returns trigger
    language plpgsql
as $$
begin
    if new.status = 'CONFIRMED' and new.check_in_code is null then
        new.check_in_code := upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12));
    end if;
    return new;
end
$$;
create trigger forum_registration_code before insert or update of status on forum_registration
    for each row execute function forum_registration_issue_code();
update forum_registration set check_in_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))
 where status = 'CONFIRMED' and check_in_code is null;

-- Checks a code in at the host's forum: 'CHECKED_IN' the first time, 'ALREADY' after, 'UNKNOWN' for a
-- code of no confirmed registration of this forum. Only the host tenant may check people in.
create function forum_check_in(p_host bigint, p_forum bigint, p_code text)
    returns table (outcome text, registration_id bigint, checked_in_at timestamptz)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_id bigint;
    v_at timestamptz;
begin
    if p_host is distinct from app_current_tenant() then
        raise exception 'only the host checks people in' using errcode = 'insufficient_privilege';
    end if;
    update forum_registration r set checked_in_at = now()
     where r.tenant_id = p_host and r.forum_id = p_forum and r.check_in_code = upper(btrim(p_code))
       and r.status = 'CONFIRMED' and r.checked_in_at is null
    returning r.id, r.checked_in_at into v_id, v_at;
    if v_id is not null then
        return query select 'CHECKED_IN'::text, v_id, v_at;
        return;
    end if;
    select r.id, r.checked_in_at into v_id, v_at from forum_registration r
     where r.tenant_id = p_host and r.forum_id = p_forum and r.check_in_code = upper(btrim(p_code))
       and r.status = 'CONFIRMED';
    if v_id is not null then
        return query select 'ALREADY'::text, v_id, v_at;
    else
        return query select 'UNKNOWN'::text, null::bigint, null::timestamptz;
    end if;
end
$$;
revoke all on function forum_check_in(bigint, bigint, text) from public;
grant execute on function forum_check_in(bigint, bigint, text) to "${appRole}";
