-- Join applications (入盟申请): a city or district asks to join a community; the community's
-- secretariat schedules it for a joint council meeting (联席会) and records the decision. Approval
-- provisions the tenant in one transaction.
create table join_application (
    id               bigint      generated always as identity primary key,
    community_id     bigint      not null references community (id),
    name_zh          text        not null check (length(btrim(name_zh)) between 1 and 100),
    name_en          text,
    kind             text        not null check (kind in ('PROVINCE', 'CITY', 'DISTRICT', 'SCHOOL_CLUSTER', 'SCHOOL', 'OTHER')),
    region           text        not null check (length(btrim(region)) > 0),
    contact_name     text        not null check (length(btrim(contact_name)) > 0),
    contact_email    text        not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    reason           text        not null check (length(btrim(reason)) > 0),
    status           text        not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    meeting          text,
    meeting_date     date,
    decided_by       text,
    decided_at       timestamptz,
    rejection_reason text,
    tenant_id        bigint      references tenant (id),
    created_at       timestamptz not null default now(),
    check (status <> 'REJECTED' or rejection_reason is not null),
    check (status <> 'APPROVED' or (tenant_id is not null and meeting is not null and meeting_date is not null))
);
-- one open application per city or district and community
create unique index join_application_one_open on join_application (community_id, name_zh) where status = 'PENDING';

alter table join_application enable row level security;
grant select, update on join_application to "${appRole}";

-- Single-use invitations for a new tenant's first administrator: only a SHA-256 of the token is stored.
create table account_invitation (
    tenant_id  bigint      not null,
    token_hash text        not null,
    account_id bigint      not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, account_id) references account (tenant_id, id) on delete cascade
);
create unique index account_invitation_by_hash on account_invitation (token_hash);
alter table account_invitation enable row level security;
grant select on account_invitation to "${appRole}";
