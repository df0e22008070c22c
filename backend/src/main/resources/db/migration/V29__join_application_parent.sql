-- A join application may name the tenant the applicant belongs under in the tenant tree (a county under
-- its city); the approval places the new tenant there. membership_apply takes it as a new last argument
-- (R__80_membership.sql defines it again).
alter table join_application add column parent_id bigint references tenant (id);
drop function if exists membership_apply(bigint, text, text, text, text, text, text, text);
