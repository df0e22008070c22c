-- The host shares a forum's seats out anew (名额分配) after hosting it. p_quotas maps a member
-- tenant's id to its seats; {} removes every quota. Under the forum's lock, like registrations:
-- no member may get fewer seats than it already has confirmed (BELOW_CONFIRMED names the first
-- such member and nothing changes); seats a new quota frees go to the waitlist in order.

-- This version changed functions only; their current definitions live in R__60_forum.sql (forum_set_quotas).
