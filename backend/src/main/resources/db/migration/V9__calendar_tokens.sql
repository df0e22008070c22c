-- Calendar feeds: calendar clients cannot send a bearer header, so a subscription URL carries a
-- long-lived token that is good for calendar feeds (.ics) only.
alter table access_token add column scope text not null default 'API' check (scope in ('API', 'CALENDAR'));
