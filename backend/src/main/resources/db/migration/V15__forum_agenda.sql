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

alter table forum_session enable row level security;
grant select, insert, update, delete on forum_session to "${appRole}";
grant usage on sequence forum_session_id_seq to "${appRole}";
