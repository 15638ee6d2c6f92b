-- How many registered for and attended each date of a career-exposure event (job shadow, plant tour, fair), as its
-- provider recorded it. Counts only: who came is never kept here. One row per listing and date; a correction replaces it.
create table event_attendance (
    service_id  varchar(64)  not null references listing (id) on delete cascade,
    event_on    date         not null,
    format      varchar(10)  not null check (format in ('in_person', 'virtual', 'hybrid')),
    registered  integer      not null check (registered >= 0),
    attended    integer      not null check (attended >= 0),
    recorded_by varchar(64),
    recorded_at timestamptz  not null default now(),
    primary key (service_id, event_on)
);
