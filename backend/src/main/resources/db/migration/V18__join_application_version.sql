-- Join applications are shared records the secretariat's staff change (schedule, decide): each
-- change bumps a version, so a stale change is refused (If-Match) instead of silently overwriting.
alter table join_application add column version integer not null default 0;
