-- Open Referral HSDS 3.0 interoperability: stable HSDS ids, the HSDS records as received, import runs and the sources
-- of each fact, duplicate review and the landscape survey.

-- HSDS ids are UUIDs. An id that is one is kept as it is (imported data); any other id gets a name-based UUID (version 3,
-- the same as Java's UUID.nameUUIDFromBytes("wrd:<kind>:<id>")), so exports and the HSDS API are stable across runs.
create function wrd_hsds_id(kind text, id text) returns uuid
    language sql immutable strict parallel safe as
$$
select case
           when id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then lower(id)::uuid
           else (select (substr(h, 1, 12) || '3' || substr(h, 14, 3)
                             || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid
                 from md5(convert_to('wrd:' || kind || ':' || id, 'UTF8')) as h)
       end
$$;

alter table listing add column hsds_id uuid generated always as (wrd_hsds_id('service', id)) stored;
create unique index listing_hsds_id on listing (hsds_id);
alter table organization add column hsds_id uuid generated always as (wrd_hsds_id('organization', id)) stored;
create unique index organization_hsds_id on organization (hsds_id);

-- HSDS is international: postal codes and regions are not only US ZIPs and states
alter table location
    alter column state_province type varchar(100),
    alter column postal_code type varchar(20),
    drop constraint if exists location_postal_code_check,
    add constraint location_postal_code_check check (length(trim(postal_code)) > 0);

-- The last HSDS document received for a record, so the fields the directory does not model (cost options, funding,
-- accessibility, contacts, ...) leave again in exports exactly as they came. Modelled fields always come from the model.
create table hsds_record (
    kind        varchar(16)  not null check (kind in ('service', 'organization', 'location')),
    id          varchar(100) not null,
    document    jsonb        not null,
    source      varchar(100) not null,
    received_at timestamptz  not null default now(),
    primary key (kind, id)
);

-- A record from another inventory merged into one the directory already held: its id there leads here.
create table hsds_alias (
    kind        varchar(16)  not null,
    foreign_id  varchar(100) not null,
    local_id    varchar(100) not null,
    source      varchar(100) not null,
    created_at  timestamptz  not null default now(),
    primary key (kind, foreign_id)
);

-- Where each fact came from: the source of the import or the person who edited it.
alter table listing_change add column source varchar(100);

create table hsds_import (
    id          uuid         primary key,
    source      varchar(100) not null,
    format      varchar(8)   not null check (format in ('json', 'csv')),
    dry_run     boolean      not null,
    state       varchar(16)  not null check (state in ('queued', 'running', 'finished', 'failed')),
    total       integer,
    processed   integer      not null default 0,
    created     integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    rejected    integer      not null default 0,
    queued      integer      not null default 0,
    -- per record: what would happen or happened, and for rejections the schema path or rule broken
    report      jsonb        not null default '[]',
    failure     text,
    started_by  varchar(100),
    started_at  timestamptz  not null default now(),
    finished_at timestamptz
);

-- Records that look like one the directory already holds, waiting for an admin; and survey answers to review.
create table review_item (
    id           bigserial    primary key,
    kind         varchar(16)  not null check (kind in ('duplicate', 'survey')),
    source       varchar(100) not null,
    record_kind  varchar(16)  not null check (record_kind in ('service', 'organization')),
    record_id    varchar(100) not null,
    candidate_id varchar(100),
    score        double precision,
    reasons      text         not null default '',
    document     jsonb        not null,
    status       varchar(16)  not null default 'pending' check (status in ('pending', 'merged', 'separate', 'approved', 'rejected')),
    decided_by   varchar(100),
    decided_at   timestamptz,
    created_at   timestamptz  not null default now()
);

create index review_item_pending on review_item (status, id);
create unique index review_item_open on review_item (kind, record_kind, record_id) where status = 'pending';

-- Landscape survey: each known organization gets a link with a single-use token; only its hash is stored.
create table survey_invitation (
    token_hash      varchar(64)  primary key,
    organization_id varchar(100) not null references organization (id),
    invited_by      varchar(100),
    invited_at      timestamptz  not null default now(),
    expires_at      timestamptz  not null,
    responded_at    timestamptz
);

create index survey_invitation_organization on survey_invitation (organization_id);
