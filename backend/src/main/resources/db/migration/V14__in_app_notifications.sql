-- In-app notifications (站内通知): written, like outbox mail, in the transaction of the change that
-- causes them. They keep the message key and its arguments, so each reader sees them in their own
-- language. The recipient's tenant owns the row; any tenant may notify an account of another (a host
-- notifies a registrant), naming itself as the sender.
create table notification (
    tenant_id        bigint      not null references tenant (id),
    id               bigint      generated always as identity,
    account_id       bigint      not null,
    sender_tenant_id bigint      not null references tenant (id),
    message_key      text        not null check (message_key ~ '^notify\.[a-zA-Z0-9.-]+$'),
    args             jsonb       not null default '[]' check (jsonb_typeof(args) = 'array'),
    created_at       timestamptz not null default now(),
    read_at          timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references account (tenant_id, id) on delete cascade
);
create index notification_by_account on notification (tenant_id, account_id, id);
create index notification_unread on notification (tenant_id, account_id) where read_at is null;

alter table notification enable row level security;
grant select, insert on notification to "${appRole}";
grant update (read_at) on notification to "${appRole}";
