-- A person's own registrations across forums (the workbench, /me/registrations) are found by account.
create index forum_registration_by_person on forum_registration (registrant_tenant_id, account_id);
