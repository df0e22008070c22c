-- The last line of defence for two more registration rules, whoever writes: a registration is
-- taken only while the forum's registration window is open, and only for a person of a member of
-- the forum's community.
create function forum_registration_check_eligible() returns trigger
    language plpgsql
    set search_path = public, pg_temp
as $$
declare
    f forum%rowtype;
begin
    select * into f from forum where tenant_id = new.tenant_id and id = new.forum_id;
    if now() < f.registration_opens_at or now() >= f.registration_closes_at then
        raise exception 'registration for forum % is not open', new.forum_id using errcode = 'check_violation';
    end if;
    if not exists (select 1 from community_membership m
                    where m.community_id = f.community_id and m.tenant_id = new.registrant_tenant_id) then
        raise exception 'tenant % is no member of the community of forum %', new.registrant_tenant_id, new.forum_id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger forum_registration_eligible before insert on forum_registration
    for each row execute function forum_registration_check_eligible();
