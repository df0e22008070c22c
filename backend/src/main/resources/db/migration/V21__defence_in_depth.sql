-- Defence in depth: no function the application role may call returns or changes another tenant's
-- data beyond what its rule allows, even if the application itself were made to ask.

-- 1. The mail sender is the one job that needs every tenant's rows (queued mail, invitation links
-- included). It logs in as a role of its own that may do nothing else; the application role only
-- queues mail.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${mailerRole}') then
        create role "${mailerRole}" login nosuperuser nocreatedb nocreaterole noinherit;
    end if;
end
$$;
grant usage on schema public to "${mailerRole}";

-- 2.-4. The rest of this version changed functions only (which may call the outbox functions, a
-- forum's visibility to the caller, registering and the seat counts); their current definitions
-- live in R__60_forum.sql and R__90_outbox.sql.
