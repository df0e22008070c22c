-- Writes made before anyone is signed in are audited too, in the trail of the tenant the write
-- concerns: a join application in its community's secretariat's trail, an accepted invitation in
-- the new tenant's. The application role still cannot choose the tenant of an entry: only these
-- owner-defined functions write such entries, in the same transaction as the write itself.

create or replace function membership_apply(p_community bigint, p_name_zh text, p_name_en text, p_kind text,
                                            p_region text, p_contact_name text, p_contact_email text, p_reason text)
    returns bigint
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    v_id bigint;
begin
    insert into join_application (community_id, name_zh, name_en, kind, region, contact_name, contact_email, reason)
    values (p_community, btrim(p_name_zh), nullif(btrim(p_name_en), ''), p_kind, btrim(p_region),
            btrim(p_contact_name), btrim(p_contact_email), btrim(p_reason))
    returning id into v_id;
    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
    select m.tenant_id, 'applicant:' || btrim(p_contact_email), 'join-application', v_id::text, 'apply',
           jsonb_build_object('name', btrim(p_name_zh), 'kind', p_kind, 'region', btrim(p_region),
                              'contactName', btrim(p_contact_name))
      from community_membership m
     where m.community_id = p_community and m.secretariat;
    return v_id;
end
$$;

create or replace function identity_accept_invitation(p_token_hash text, p_password_hash text)
    returns table (username text)
    language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    i          account_invitation%rowtype;
    v_username text;
begin
    select * into i from account_invitation where token_hash = p_token_hash for update;
    if not found or i.used_at is not null or i.expires_at <= now() then
        return;
    end if;
    update account_invitation set used_at = now() where tenant_id = i.tenant_id and token_hash = i.token_hash;
    update account a set password_hash = p_password_hash
     where a.tenant_id = i.tenant_id and a.id = i.account_id
    returning a.username into v_username;
    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
    values (i.tenant_id, v_username, 'account', i.account_id::text, 'accept-invitation',
            jsonb_build_object('password', 'set'));
    return query select v_username;
end
$$;
