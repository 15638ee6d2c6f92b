-- Listings saved while the search engine could not be reached. The save itself is committed; these ids are indexed
-- again until the engine takes them, then removed. Only ids: the listing is read fresh from its table each try.
create table search_backlog (
    listing_id varchar(64) primary key,
    queued_at  timestamptz not null default now()
);
