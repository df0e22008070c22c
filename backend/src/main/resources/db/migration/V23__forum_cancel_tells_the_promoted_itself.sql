-- A member that cancels its own person's registration must not learn who moved up in its place
-- when that person belongs to another member. forum_cancel now returns only the ids of those
-- promoted, and tells them itself: the caller hands over the message, rendered with a marker where
-- the person's name goes, and the database puts in the name and the address, which the caller
-- never sees.

-- This version changed functions only; their current definitions live in R__60_forum.sql (forum_cancel).
