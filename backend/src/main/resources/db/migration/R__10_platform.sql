-- The platform's rules every capability builds on: which tenant a transaction acts for, and how it
-- stands to a community. Repeatable: Flyway runs this again whenever it changes, after all versioned
-- migrations. Files run in the order of their numbers, so later ones may use what these define.

-- The tenant named by set_config('app.tenant_id', <id>, true); null (every policy fails closed) without it.
create or replace function app_current_tenant() returns bigint
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::bigint $$;
grant execute on function app_current_tenant() to "${appRole}";

-- Is the current tenant a member of the community?
create or replace function app_is_member(p_community bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership m
                    where m.community_id = p_community and m.tenant_id = app_current_tenant())
$$;
grant execute on function app_is_member(bigint) to "${appRole}";

-- Is the current tenant the secretariat of the community?
create or replace function app_is_secretariat(p_community bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership m
                    where m.community_id = p_community and m.tenant_id = app_current_tenant() and m.secretariat)
$$;
grant execute on function app_is_secretariat(bigint) to "${appRole}";

-- Does the current tenant share a community with the tenant?
create or replace function app_shares_community(p_tenant bigint) returns boolean
    language sql stable
as $$
    select exists (select 1 from community_membership mine
                     join community_membership theirs on theirs.community_id = mine.community_id
                    where mine.tenant_id = app_current_tenant() and theirs.tenant_id = p_tenant)
$$;
grant execute on function app_shares_community(bigint) to "${appRole}";
