-- Listings: the directory's system of record. The Elasticsearch index is a projection of this table.
create table listing (
    id            varchar(64)  primary key,
    kind          varchar(32)  not null
                  check (kind in ('training_program', 'support_service', 'career_event', 'job_opening')),
    title         varchar(300) not null check (length(trim(title)) > 0),
    organization  varchar(300) not null check (length(trim(organization)) > 0),
    description   text         not null,
    categories    text[]       not null default '{}',
    city          varchar(100),
    zip           varchar(10)  check (zip ~ '^[0-9]{5}$'),
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    languages     text[]       not null default '{en}',
    free          boolean      not null default false,
    sample        boolean      not null default false,
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0
);

create index listing_updated_at on listing (updated_at);
