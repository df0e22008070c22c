-- Join applications are shared records the secretariat's staff change (schedule, decide): each
-- change bumps a version, so a stale change is refused (If-Match) instead of silently overwriting.
alter table join_application add column version integer not null default 0;

create function join_application_bump_version() returns trigger
    language plpgsql
as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;
create trigger join_application_version before update on join_application
    for each row execute function join_application_bump_version();
