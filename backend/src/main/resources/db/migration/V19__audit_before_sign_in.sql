-- Writes made before anyone is signed in are audited too, in the trail of the tenant the write
-- concerns: a join application in its community's secretariat's trail, an accepted invitation in
-- the new tenant's. The application role still cannot choose the tenant of an entry: only these
-- owner-defined functions write such entries, in the same transaction as the write itself.

-- This version changed functions only; their current definitions live in R__30_identity.sql
-- (identity_accept_invitation) and R__80_membership.sql (membership_apply).
