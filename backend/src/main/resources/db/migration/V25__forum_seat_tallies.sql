-- Confirmed seats are kept as tallies, one per forum and one per forum and member, instead of being
-- counted from the registrations whenever seats are checked or shown: a forum list showed "seats
-- left" by counting every forum's confirmed rows (10 ms per forum of 3,000 registrations with the
-- statistics of the moment the burst began), and each registration counted them again under the
-- forum's lock. A trigger on forum_registration keeps the tallies (R__60_forum.sql); only the
-- database's own functions read them, the application role has no grant on them.
create table forum_tally (
    tenant_id bigint not null,
    forum_id  bigint not null,
    confirmed integer not null check (confirmed >= 0),
    primary key (tenant_id, forum_id),
    foreign key (tenant_id, forum_id) references forum (tenant_id, id) on delete cascade
);

create table forum_member_tally (
    tenant_id        bigint not null,
    forum_id         bigint not null,
    member_tenant_id bigint not null references tenant (id),
    confirmed        integer not null check (confirmed >= 0),
    primary key (tenant_id, forum_id, member_tenant_id),
    foreign key (tenant_id, forum_id) references forum (tenant_id, id) on delete cascade
);

alter table forum_tally enable row level security;
alter table forum_member_tally enable row level security;

insert into forum_tally (tenant_id, forum_id, confirmed)
select tenant_id, forum_id, count(*) from forum_registration where status = 'CONFIRMED' group by tenant_id, forum_id;

insert into forum_member_tally (tenant_id, forum_id, member_tenant_id, confirmed)
select tenant_id, forum_id, registrant_tenant_id, count(*) from forum_registration where status = 'CONFIRMED'
 group by tenant_id, forum_id, registrant_tenant_id;
