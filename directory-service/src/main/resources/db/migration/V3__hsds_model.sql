-- Open Referral HSDS 3.0 shape: organizations, locations with addresses, service_at_location (the unit a search
-- result points at), phones and schedules. The table 'listing' is HSDS's 'service'; its workforce columns (V2) stay
-- an extension beside the HSDS fields and are shown apart from them ('workforce' in the API, an extension in exports).

create table organization (
    id          varchar(100) primary key,
    name        varchar(300) not null check (length(trim(name)) > 0),
    description text         not null default '',
    website     varchar(500),
    email       varchar(200),
    sample      boolean      not null default false,
    updated_at  timestamptz  not null default now()
);

create table location (
    id              varchar(100) primary key,
    organization_id varchar(100) references organization (id),
    location_type   varchar(16)  not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
    name            varchar(300),
    latitude        double precision check (latitude between -90 and 90),
    longitude       double precision check (longitude between -180 and 180),
    transportation  text,
    address_1       varchar(300),
    city            varchar(100),
    state_province  varchar(2),
    postal_code     varchar(10) check (postal_code ~ '^[0-9]{5}$'),
    country         varchar(2)   not null default 'US',
    updated_at      timestamptz  not null default now(),
    check ((latitude is null) = (longitude is null))
);

create index location_organization on location (organization_id);

create table service_at_location (
    id          varchar(100) primary key,
    service_id  varchar(64)  not null references listing (id) on delete cascade,
    location_id varchar(100) not null references location (id),
    position    integer      not null default 0,
    unique (service_id, location_id)
);

create index service_at_location_location on service_at_location (location_id);

create table phone (
    id          varchar(120) primary key,
    service_id  varchar(64)  not null references listing (id) on delete cascade,
    position    integer      not null,
    number      varchar(40)  not null check (length(trim(number)) > 0),
    type        varchar(16)  not null default 'voice' check (type in ('voice', 'text', 'fax', 'cell', 'video', 'pager', 'textphone')),
    description varchar(300),
    languages   text[]       not null default '{}'
);

create index phone_service on phone (service_id);

create table schedule (
    id          varchar(120) primary key,
    service_id  varchar(64)  not null references listing (id) on delete cascade,
    position    integer      not null,
    freq        varchar(8)   check (freq in ('WEEKLY', 'MONTHLY')),
    byday       varchar(40)  check (byday ~ '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$'),
    opens_at    time,
    closes_at   time,
    dtstart     date,
    until       date,
    description varchar(500),
    check (until is null or dtstart is null or until >= dtstart)
);

create index schedule_service on schedule (service_id);

-- the HSDS fields a listing lacked, and structured eligibility beside the free text
alter table listing
    add column status                   varchar(16) not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
    add column email                    varchar(200),
    add column min_age                  integer check (min_age between 0 and 120),
    add column max_age                  integer check (max_age between 0 and 120),
    add column residency                text[]  not null default '{}',
    add column income_max_percent       integer check (income_max_percent between 1 and 1000),
    add column income_measure           varchar(16) check (income_measure in ('poverty_line', 'area_median')),
    add column justice_involved_welcome boolean not null default false,
    add constraint listing_age_range check (min_age is null or max_age is null or min_age <= max_age),
    add constraint listing_income_limit check ((income_max_percent is null) = (income_measure is null));

-- move what the flat rows held into the new tables
insert into organization (id, name, sample)
select coalesce(organization_id, left(regexp_replace(lower(organization), '[^a-z0-9]+', '-', 'g'), 100)), min(organization), bool_and(sample)
from listing
group by 1;

update listing set organization_id = left(regexp_replace(lower(organization), '[^a-z0-9]+', '-', 'g'), 100)
where organization_id is null;

insert into location (id, organization_id, name, latitude, longitude, city, postal_code, state_province)
select distinct on (organization_id, zip) 'loc-' || organization_id || '-' || zip, organization_id,
       organization || ', ' || coalesce(city, zip), latitude, longitude, city, zip,
       case when zip like '46%' then 'IN' else 'IL' end
from listing
where zip is not null
order by organization_id, zip, id;

insert into service_at_location (id, service_id, location_id)
select id, id, 'loc-' || organization_id || '-' || zip from listing where zip is not null;

insert into phone (id, service_id, position, number, languages)
select id || '-phone-1', id, 1, phone, languages from listing where phone is not null;

alter table listing
    drop column organization,
    drop column city,
    drop column zip,
    drop column latitude,
    drop column longitude,
    drop column phone,
    alter column organization_id set not null,
    add constraint listing_organization_fk foreign key (organization_id) references organization (id);
