-- What happened (outcome) apart from where the referral is (status); the screener answers that travel with it;
-- the provider's response deadline and when they answered.
alter table referral
    add column outcome      varchar(24) check (outcome in ('got_help', 'could_not_contact', 'not_eligible', 'no_capacity',
                                                           'no_longer_interested', 'other')),
    add column outcome_at   timestamptz,
    add column screener     jsonb,
    add column deadline_at  timestamptz,
    add column responded_at timestamptz,
    add column digested_on  date;

update referral set deadline_at = created_at + interval '2 days' where deadline_at is null;
alter table referral alter column deadline_at set not null;

create index referral_overdue on referral (deadline_at) where status = 'sent';

-- A provider organization's response deadline in business days (the default is configuration).
create table provider_deadline (
    organization_id varchar(100) primary key,
    business_days   integer      not null check (business_days between 0 and 30),
    updated_by      varchar(64)  not null,
    updated_at      timestamptz  not null default now()
);

-- How a person may be contacted; "do not contact" stops every notification and follow-up at once.
create table contact_preference (
    person_key     varchar(100) primary key,
    channels       text[]       not null default '{}',
    do_not_contact boolean      not null default false,
    updated_by     varchar(64)  not null,
    updated_at     timestamptz  not null default now()
);

-- Each consent given, by whom and when, and its withdrawal; checked at every use.
create table consent (
    id                       bigserial    primary key,
    person_key               varchar(100) not null,
    purpose                  varchar(32)  not null check (purpose in ('referral_sharing', 'retention_follow_up', 'anonymous_statistics')),
    provider_organization_id varchar(100),
    given_by                 varchar(64)  not null,
    given_at                 timestamptz  not null default now(),
    withdrawn_by             varchar(64),
    withdrawn_at             timestamptz
);

create index consent_person on consent (person_key, purpose) where withdrawn_at is null;

alter table check_in add column no_contact boolean not null default false;
