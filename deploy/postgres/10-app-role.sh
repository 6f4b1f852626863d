#!/bin/sh
# Runs once, when the postgres image initialises an empty data volume: the application's own
# role owns the `xingguang` database but is not a superuser (it cannot read files, create
# databases or roles, or reach other databases' data).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$XINGGUANG_DB_PASSWORD" <<'SQL'
CREATE ROLE xingguang LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE xingguang OWNER xingguang;
SQL
