-- The last line of defence for two more registration rules, whoever writes: a registration is
-- taken only while the forum's registration window is open, and only for a person of a member of
-- the forum's community.

-- This version changed functions only; their current definitions live in R__60_forum.sql (forum_registration_check_eligible).
