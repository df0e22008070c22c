-- Check-in (签到): every confirmed registration carries a code, accepted once on the day by the host.
alter table forum_registration add column check_in_code text;
alter table forum_registration add column checked_in_at timestamptz;
create unique index forum_registration_check_in_code on forum_registration (check_in_code);

-- Codes for the registrations confirmed before this version; new ones get theirs from the trigger
-- forum_registration_code (R__60_forum.sql).
update forum_registration set check_in_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))
 where status = 'CONFIRMED' and check_in_code is null;
