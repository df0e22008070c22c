-- The combined plan table is read a page at a time in roster order (PlanTable.SQL): for each member
-- in turn, its items of the year in plan order. This index gives them without a sort, whatever the
-- size of the community.
create index plan_item_by_member_year on plan_item (community_id, tenant_id, year, position, id);
