-- A case manager's clients: only what the case manager needs to find them again. Never in logs or events.
create table client (
    id              uuid         primary key,
    organization_id varchar(100) not null,
    display_name    varchar(200) not null check (length(trim(display_name)) > 0),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now()
);

create index client_organization on client (organization_id, created_at);

-- Saved intakes: a signed-in jobseeker's own, or a case manager's client's. Anonymous intakes are never stored.
create table intake (
    id              uuid         primary key,
    owner_subject   varchar(64),
    client_id       uuid         references client (id) on delete cascade,
    organization_id varchar(100),
    answers         jsonb        not null,
    campaign        varchar(40),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    check ((owner_subject is null) <> (client_id is null))
);

create index intake_owner on intake (owner_subject, created_at);
create index intake_client on intake (client_id, created_at);

-- Demographics live apart from the answers matching reads, and only with consent.
create table demographics (
    intake_id    uuid        primary key references intake (id) on delete cascade,
    consented_at timestamptz not null,
    data         jsonb       not null
);

create table referral (
    id                        uuid         primary key,
    person_ref                char(24)     not null,
    client_id                 uuid         references client (id) on delete set null,
    jobseeker_subject         varchar(64),
    referring_organization_id varchar(100),
    listing_id                varchar(100) not null,
    listing_kind              varchar(20)  not null,
    listing_title             varchar(300) not null,
    provider_organization_id  varchar(100) not null,
    occupations               text[]       not null default '{}',
    status                    varchar(16)  not null check (status in ('sent', 'accepted', 'declined', 'enrolled', 'completed', 'exited', 'withdrawn')),
    reason                    varchar(40),
    note                      varchar(1000),
    campaign                  varchar(40),
    placed_on                 date,
    created_by                varchar(64)  not null,
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    version                   integer      not null default 0
);

create index referral_referring on referral (referring_organization_id, status, updated_at);
create index referral_provider on referral (provider_organization_id, status, updated_at);
create index referral_jobseeker on referral (jobseeker_subject);
create index referral_client on referral (client_id);

-- Each status change: who and when.
create table referral_change (
    id           bigserial   primary key,
    referral_id  uuid        not null references referral (id) on delete cascade,
    from_status  varchar(16),
    to_status    varchar(16) not null,
    reason       varchar(40),
    actor_subject varchar(64) not null,
    actor_role   varchar(32) not null,
    changed_at   timestamptz not null default now()
);

create index referral_change_referral on referral_change (referral_id, id);

-- Retention check-ins after a placement: due at 30, 90, 180 and 365 days.
create table check_in (
    referral_id uuid        not null references referral (id) on delete cascade,
    day         integer     not null check (day in (30, 90, 180, 365)),
    due_on      date        not null,
    recorded_at timestamptz,
    employed    boolean,
    recorded_by varchar(64),
    primary key (referral_id, day)
);

create index check_in_due on check_in (due_on) where recorded_at is null;

-- Events leave through this table, in the same transaction as the change (see the platform's outbox relay).
create table outbox (
    id         uuid         primary key,
    topic      varchar(100) not null,
    event_key  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    sent_at    timestamptz
);

create index outbox_unsent on outbox (created_at) where sent_at is null;
