-- What visitors said about a listing's content; "not correct" asks its provider to check it.
create table listing_rating (
    id                  bigserial   primary key,
    service_id          varchar(64) not null references listing (id) on delete cascade,
    stars               smallint    not null check (stars between 1 and 5),
    information_correct boolean,
    rated_at            timestamptz not null default now()
);

create index listing_rating_service on listing_rating (service_id, rated_at);
