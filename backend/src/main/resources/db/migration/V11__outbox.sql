-- Outbox (发件箱): a notification is a row written in the transaction of the change that causes it,
-- and sent after commit by a scheduled sender with retries and backoff. A mail server that is down
-- delays mail; it never fails the user's write, and nothing is lost.
create table outbox_message (
    id              bigint      generated always as identity primary key,
    tenant_id       bigint      references tenant (id),
    recipient       text        not null check (recipient ~ '^[^@\s]+@[^@\s]+$'),
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text
);
create index outbox_message_due on outbox_message (next_attempt_at, id) where sent_at is null;

alter table outbox_message enable row level security;
-- any request may add a message (its recipient may belong to another tenant, or to no tenant yet);
-- reading and sending go through the functions of R__90_outbox.sql only
grant insert on outbox_message to "${appRole}";

-- Registrations remember the person's e-mail address, so the host side can notify them.
alter table forum_registration add column person_email text;
