-- Filling free seats from the waitlist, in one place: after a cancellation and after the host adds
-- seats. The caller holds the lock on the forum row.

-- This version changed functions only; their current definitions live in R__60_forum.sql (forum_promote, forum_cancel, forum_resize).
