-- Campaigns the partnership runs: period, scope and targets. The counters themselves live in Kafka Streams' stores.
create table campaign (
    id          uuid         primary key,
    name        varchar(200) not null,
    starts_on   date         not null,
    ends_on     date         not null check (ends_on >= starts_on),
    occupations text[]       not null default '{}',
    programs    text[]       not null default '{}',
    targets     jsonb        not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- Channels and pieces (a billboard, a transit ad, a podcast spot), each with its own code for links and QR codes.
create table campaign_component (
    code        varchar(40)  primary key,
    campaign_id uuid         not null references campaign (id) on delete cascade,
    channel     varchar(20)  not null,
    name        varchar(200) not null,
    live_from   date,
    live_to     date,
    position    int          not null
);

-- codes are typed by people from posters: one code, whatever its case
create unique index campaign_component_code_ci on campaign_component (lower(code));
create index campaign_component_campaign on campaign_component (campaign_id);

-- Landings recorded by /c/{code}, relayed to Kafka (see the platform's outbox).
create table outbox (
    id         uuid         primary key,
    topic      varchar(100) not null,
    event_key  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    sent_at    timestamptz
);

create index outbox_unsent on outbox (created_at) where sent_at is null;
