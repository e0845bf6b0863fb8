-- PostgreSQL role and database of the fieldapp sync server (docs/admin-guide.md).
--   sudo -u postgres psql -v password=CHANGE-ME -f packaging/server/postgres-setup.sql
-- (choose the password with: openssl rand -hex 24; put it in /etc/fieldapp-server/env)
-- The server creates and migrates its own tables at start; the role owns only its database.

CREATE ROLE fieldapp LOGIN PASSWORD :'password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION
    CONNECTION LIMIT 200;

CREATE DATABASE fieldapp OWNER fieldapp ENCODING 'UTF8' TEMPLATE template0;

\connect fieldapp
REVOKE ALL ON DATABASE fieldapp FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO fieldapp;
GRANT CONNECT ON DATABASE fieldapp TO fieldapp;
