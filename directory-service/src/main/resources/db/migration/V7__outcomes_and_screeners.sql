-- What a program's past cohorts achieved, where a provider or a public source reports it.
create table program_outcome (
    service_id       varchar(64)   primary key references listing (id) on delete cascade,
    completion_rate  numeric(5, 2) check (completion_rate between 0 and 100),
    employed_q2      numeric(5, 2) check (employed_q2 between 0 and 100),
    employed_q4      numeric(5, 2) check (employed_q4 between 0 and 100),
    median_earnings  numeric(10, 2) check (median_earnings between 0 and 1000000),
    credential_rate  numeric(5, 2) check (credential_rate between 0 and 100),
    cohort_size      integer       not null check (cohort_size between 1 and 100000),
    period_start     date          not null,
    period_end       date          not null,
    source           varchar(200)  not null,
    source_url       varchar(500),
    updated_at       timestamptz   not null default now(),
    check (period_end >= period_start)
);

-- A provider's short eligibility screener for a program: typed questions, evaluated to likely / not / check.
create table screener (
    service_id varchar(64) primary key references listing (id) on delete cascade,
    questions  jsonb       not null,
    updated_by varchar(100),
    updated_at timestamptz not null default now()
);
