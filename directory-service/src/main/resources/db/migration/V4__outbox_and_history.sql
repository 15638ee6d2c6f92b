-- Events leave through this table: written in the same transaction as the change they describe, relayed to Kafka
-- afterwards, so a crash between the two loses nothing (at-least-once; consumers drop duplicates by event id).
create table outbox (
    id         uuid         primary key,
    topic      varchar(100) not null,
    event_key  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    sent_at    timestamptz
);

create index outbox_unsent on outbox (created_at) where sent_at is null;

-- Who changed a listing, when, and what: the listing's history.
create table listing_change (
    id                 bigserial    primary key,
    service_id         varchar(64)  not null,
    version            bigint       not null,
    change             varchar(16)  not null check (change in ('created', 'updated', 'retired', 'verified')),
    actor_subject      varchar(100),
    actor_role         varchar(32),
    actor_organization varchar(100),
    changed_at         timestamptz  not null default now(),
    fields             text         not null default '{}'
);

create index listing_change_service on listing_change (service_id, id);

-- when a provider last confirmed the listing is right (an edit confirms it too)
alter table listing add column verified_at timestamptz not null default now();
