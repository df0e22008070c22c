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

-- Is the current tenant the secretariat of the community?
create function app_is_secretariat(p_community bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership m
                    where m.community_id = p_community and m.tenant_id = app_current_tenant() and m.secretariat)
$$;

alter table join_application enable row level security;
create policy join_application_secretariat_reads on join_application for select
    using (app_is_secretariat(community_id));
create policy join_application_secretariat_decides on join_application for update
    using (app_is_secretariat(community_id)) with check (app_is_secretariat(community_id));
grant select, update on join_application to "${appRole}";
grant execute on function app_is_secretariat(bigint) to "${appRole}";

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
create policy account_invitation_own_tenant on account_invitation
    using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select on account_invitation to "${appRole}";

-- Approval: the new tenant, its membership from the meeting date, its first administrator (no
-- password yet) and an invitation, in the caller's transaction. Only the community's secretariat.
create function membership_provision(p_application bigint, p_slug text, p_name_en text, p_meeting text,
                                     p_meeting_date date, p_decided_by text, p_admin_username text,
                                     p_invitation_hash text, p_invitation_days integer)
    returns table (tenant_id bigint, account_id bigint)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    a         join_application%rowtype;
    v_tenant  bigint;
    v_account bigint;
begin
    select * into a from join_application where id = p_application for update;
    if not found or not app_is_secretariat(a.community_id) then
        raise exception 'no application % for this secretariat', p_application using errcode = 'insufficient_privilege';
    end if;
    if a.status <> 'PENDING' then
        raise exception 'application % is already decided', p_application using errcode = 'check_violation';
    end if;
    insert into tenant (slug, name_zh, name_en, kind, region)
    values (p_slug, a.name_zh, coalesce(nullif(btrim(p_name_en), ''), a.name_en, a.name_zh), a.kind, a.region)
    returning id into v_tenant;
    insert into community_membership (tenant_id, community_id, role, secretariat, joined_year, joined_on,
                                      joined_at_meeting, roster_position)
    select v_tenant, a.community_id, 'MEMBER', false, extract(year from p_meeting_date)::integer, p_meeting_date,
           p_meeting, coalesce(max(m.roster_position), 0) + 1
      from community_membership m where m.community_id = a.community_id;
    insert into account (tenant_id, username, display_name, email, roles)
    values (v_tenant, p_admin_username, a.contact_name, a.contact_email, 'TENANT_ADMIN')
    returning id into v_account;
    insert into account_invitation (tenant_id, token_hash, account_id, expires_at)
    values (v_tenant, p_invitation_hash, v_account, now() + make_interval(days => p_invitation_days));
    update join_application set status = 'APPROVED', meeting = p_meeting, meeting_date = p_meeting_date,
                                decided_by = p_decided_by, decided_at = now(), tenant_id = v_tenant
     where id = p_application;
    return query select v_tenant, v_account;
end
$$;

-- Accepting an invitation: sets the password of the invited account once, before the link expires.
create function identity_accept_invitation(p_token_hash text, p_password_hash text)
    returns table (username text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    i account_invitation%rowtype;
begin
    select * into i from account_invitation where token_hash = p_token_hash for update;
    if not found or i.used_at is not null or i.expires_at <= now() then
        return;
    end if;
    update account_invitation set used_at = now() where tenant_id = i.tenant_id and token_hash = i.token_hash;
    return query update account set password_hash = p_password_hash
                  where tenant_id = i.tenant_id and id = i.account_id returning account.username;
end
$$;

revoke all on function membership_provision(bigint, text, text, text, date, text, text, text, integer) from public;
revoke all on function identity_accept_invitation(text, text) from public;
grant execute on function membership_provision(bigint, text, text, text, date, text, text, text, integer) to "${appRole}";
grant execute on function identity_accept_invitation(text, text) to "${appRole}";

-- Anyone may apply, without an account; the new row is the secretariat's to read.
create function membership_apply(p_community bigint, p_name_zh text, p_name_en text, p_kind text, p_region text,
                                 p_contact_name text, p_contact_email text, p_reason text)
    returns bigint
    language sql security definer
    set search_path = public, pg_temp
as $$
    insert into join_application (community_id, name_zh, name_en, kind, region, contact_name, contact_email, reason)
    values (p_community, btrim(p_name_zh), nullif(btrim(p_name_en), ''), p_kind, btrim(p_region),
            btrim(p_contact_name), btrim(p_contact_email), btrim(p_reason))
    returning id
$$;
revoke all on function membership_apply(bigint, text, text, text, text, text, text, text) from public;
grant execute on function membership_apply(bigint, text, text, text, text, text, text, text) to "${appRole}";
