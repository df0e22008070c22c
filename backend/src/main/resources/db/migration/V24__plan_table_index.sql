-- The combined plan table is read a page at a time in roster order (PlanTable.SQL): the community's
-- members in roster order (founding members first), and for each in turn its items of the year in plan
-- order. With these two indexes a page costs the same at 11 members as at 2,800: the members are read
-- in order from where the cursor left off, and each member's items without a sort.
create index community_membership_in_roster_order on community_membership
    (community_id, (case role when 'FOUNDING_MEMBER' then 0 else 1 end), roster_position);
create index plan_item_by_member_year on plan_item (community_id, tenant_id, year, position, id);
