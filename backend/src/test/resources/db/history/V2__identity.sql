-- Accounts (账号) belong to a tenant. Passwords are PBKDF2 hashes (Jakarta Security format).
create sequence account_id_seq;

create table account (
    tenant_id     bigint      not null references tenant (id),
    id            bigint      not null default nextval('account_id_seq'),
    username      text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name  text        not null,
    email         text,
    password_hash text,
    roles         text        not null check (roles ~ '^(PLATFORM_OPERATOR|SECRETARIAT|TENANT_ADMIN|PRINCIPAL)( (PLATFORM_OPERATOR|SECRETARIAT|TENANT_ADMIN|PRINCIPAL))*$'),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       integer     not null default 0,
    primary key (tenant_id, id)
);
-- Sign-in names are unique across the platform: a login form has no tenant field.
create unique index account_username on account (username);

-- Bearer tokens for the API; only a SHA-256 of the token is stored.
create table access_token (
    tenant_id   bigint      not null,
    token_hash  text        not null,
    account_id  bigint      not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, account_id) references account (tenant_id, id) on delete cascade
);
create unique index access_token_by_hash on access_token (token_hash);
