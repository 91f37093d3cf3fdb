-- Telemetry module: sensor readings, stored once per reading id.
create schema if not exists telemetry;

create table telemetry.reading (
    reading_id  text primary key,
    line        text not null,
    station     text not null,
    variable    text not null,
    value       double precision not null,
    unit        text not null,
    ts          timestamptz not null,
    lot         text,
    received_at timestamptz not null default now()
);
create index reading_line_variable_ts on telemetry.reading (line, variable, ts);
