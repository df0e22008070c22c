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
revoke execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) from "${appRole}";
grant execute on function outbox_due(integer), outbox_sent(bigint), outbox_failed(bigint, text) to "${mailerRole}";
