-- Who read or changed a person's record. Ids and categories only: never a name, contact or free text.
create table audit_entry (
    id                  bigserial    primary key,
    occurred_at         timestamptz  not null default now(),
    actor_subject       varchar(64)  not null,
    actor_role          varchar(32)  not null,
    actor_organization  varchar(100),
    action              varchar(16)  not null check (action in ('read', 'create', 'update', 'delete', 'export', 'erase')),
    record_type         varchar(32)  not null check (record_type ~ '^[a-z_]{1,32}$'),
    record_id           varchar(64)  not null,
    outcome             varchar(16)  not null check (outcome in ('allowed', 'denied', 'not_found', 'failed'))
);

create index audit_entry_record on audit_entry (record_type, record_id, id);
create index audit_entry_actor on audit_entry (actor_subject, id);
create index audit_entry_time on audit_entry (occurred_at);
