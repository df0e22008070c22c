-- Throttling (限流): events counted in the database every node of a cluster shares, per bucket
-- (failed sign-ins per account name, per client address; anonymous join applications per address)
-- and key. The application role reaches the table only through the functions of
-- R__20_throttle.sql.
create table throttle_event (
    id     bigint      generated always as identity primary key,
    bucket text        not null,
    key    text        not null,
    at     timestamptz not null default now()
);
create index throttle_event_by_key on throttle_event (bucket, key, at);
create index throttle_event_by_time on throttle_event (at);

-- Tokens get an id, so that a person can list their calendar tokens and revoke one without
-- ever seeing a token again.
alter table access_token add column id bigint generated always as identity;
create unique index access_token_by_id on access_token (tenant_id, id);

-- Mail that carries a secret (a new administrator's invitation link) is erased once it has been
-- sent: the link then exists in the recipient's mailbox only.
alter table outbox_message add column holds_secret boolean not null default false;
