-- Workforce extensions of a listing, kept apart from the descriptive fields: cost, schedule, credential, occupations,
-- next start, seats, pay, supports, eligibility and contact.
alter table listing
    add column organization_id varchar(100),
    add column cost            numeric(10, 2) not null default 0 check (cost >= 0),
    add column schedule        text[]  not null default '{}',
    add column credential      varchar(200),
    add column occupations     text[]  not null default '{}',
    add column next_start      date,
    add column duration_weeks  integer check (duration_weeks between 0 and 520),
    add column seats_total     integer check (seats_total >= 0),
    add column seats_open      integer check (seats_open >= 0),
    add column paid            boolean not null default false,
    add column supports        text[]  not null default '{}',
    add column eligibility     text,
    add column phone           varchar(40),
    add column url             varchar(500),
    add constraint listing_seats_open_le_total check (seats_open is null or seats_total is null or seats_open <= seats_total),
    add constraint listing_free_means_no_cost check (not free or cost = 0);

create index listing_organization on listing (organization_id);
