-- Host approval (审核): the host decides on a PENDING registration. Approved registrations take a
-- seat when one is left (and the member has quota), otherwise they join the waitlist; rejected ones
-- are REJECTED. Only the host tenant decides.

-- This version changed functions only; their current definitions live in R__60_forum.sql (forum_decide).
