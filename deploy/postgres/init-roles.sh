#!/bin/sh
# Run once by the postgres image on a new data folder (docker-entrypoint-initdb.d): the ingest worker's role, which
# owns the schema, and the web app's read-only role (docs/postgres.md, "Roles").
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v ingest_password="$ALEPPO_INGEST_PASSWORD" -v web_password="$ALEPPO_WEB_PASSWORD" <<'EOSQL'
CREATE ROLE aleppo_ingest LOGIN PASSWORD :'ingest_password';
CREATE ROLE aleppo_web LOGIN PASSWORD :'web_password';
GRANT CONNECT, CREATE ON DATABASE aleppo TO aleppo_ingest;
GRANT ALL ON SCHEMA public TO aleppo_ingest;
-- unaccent folds diacritics for search; created here so that the ingest role need not be a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
GRANT CONNECT ON DATABASE aleppo TO aleppo_web;
GRANT USAGE ON SCHEMA public TO aleppo_web;
ALTER DEFAULT PRIVILEGES FOR ROLE aleppo_ingest IN SCHEMA public GRANT SELECT ON TABLES TO aleppo_web;
ALTER ROLE aleppo_web SET default_transaction_read_only = on;
EOSQL
