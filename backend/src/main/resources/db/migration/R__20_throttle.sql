-- Throttling (限流): events counted per bucket and key in the table every node of a cluster shares.
-- The application role reaches the table only through these functions. Before identity: its
-- identity_sign_in_failed calls throttle_count.

-- Seconds to wait before the next attempt (0: go ahead): with p_limit events in the window, the
-- oldest of them must leave the window first.
create or replace function throttle_wait(p_bucket text, p_key text, p_limit integer, p_window_seconds integer)
    returns integer
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select greatest(0, coalesce((
        select ceil(extract(epoch from (e.at + make_interval(secs => p_window_seconds) - now())))::integer
          from throttle_event e
         where e.bucket = p_bucket and e.key = p_key
           and e.at > now() - make_interval(secs => p_window_seconds)
         order by e.at desc
        offset greatest(p_limit, 1) - 1 limit 1), 0))
$$;

-- Counts one event; events older than a day are forgotten.
create or replace function throttle_count(p_bucket text, p_key text)
    returns void
    language sql security definer
    set search_path = public, pg_temp
as $$
    delete from throttle_event where at < now() - interval '1 day';
    insert into throttle_event (bucket, key) values (p_bucket, p_key);
$$;

create or replace function throttle_forget(p_bucket text, p_key text)
    returns void
    language sql security definer
    set search_path = public, pg_temp
as $$ delete from throttle_event where bucket = p_bucket and key = p_key $$;

revoke all on function throttle_wait(text, text, integer, integer) from public;
revoke all on function throttle_count(text, text) from public;
revoke all on function throttle_forget(text, text) from public;
grant execute on function throttle_wait(text, text, integer, integer) to "${appRole}";
grant execute on function throttle_count(text, text) to "${appRole}";
grant execute on function throttle_forget(text, text) to "${appRole}";
