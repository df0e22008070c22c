-- Calendar feeds: calendar clients cannot send a bearer header, so a subscription URL carries a
-- long-lived token that is good for calendar feeds (.ics) only.
alter table access_token add column scope text not null default 'API' check (scope in ('API', 'CALENDAR'));

create or replace function identity_find_token(p_token_hash text)
    returns table (tenant_id bigint, account_id bigint, username text, roles text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.tenant_id, a.id, a.username, a.roles
      from access_token t
      join account a on a.tenant_id = t.tenant_id and a.id = t.account_id
     where t.token_hash = p_token_hash
       and t.scope = 'API'
       and t.expires_at > now()
       and a.enabled
$$;

create function identity_find_calendar_token(p_token_hash text)
    returns table (tenant_id bigint, account_id bigint, username text, roles text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select a.tenant_id, a.id, a.username, a.roles
      from access_token t
      join account a on a.tenant_id = t.tenant_id and a.id = t.account_id
     where t.token_hash = p_token_hash
       and t.scope = 'CALENDAR'
       and t.expires_at > now()
       and a.enabled
$$;
revoke all on function identity_find_calendar_token(text) from public;
grant execute on function identity_find_calendar_token(text) to "${appRole}";
