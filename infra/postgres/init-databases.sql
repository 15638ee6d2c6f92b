-- docker-compose only: one database and login role per service (the native stack does the same in ./wrd),
-- plus Keycloak's own database. No database is open to the others' roles.
create role directory login password 'directory';
create database directory owner directory;
revoke connect on database directory from public;
create role matching login password 'matching';
create database matching owner matching;
revoke connect on database matching from public;
create role metrics login password 'metrics';
create database metrics owner metrics;
revoke connect on database metrics from public;
create role keycloak login password 'keycloak';
create database keycloak owner keycloak;
revoke connect on database keycloak from public;
