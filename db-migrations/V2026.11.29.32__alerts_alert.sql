-- Alerts module: one alert per ongoing out-of-control condition (chart and rule), acknowledged and resolved by people.
create schema if not exists alerts;

create table alerts.alert (
    id              uuid primary key,
    line            text not null,
    variable        text not null,
    chart           text not null,
    rule_id         text not null,
    status          text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    limits_version  integer not null,
    first_points    timestamptz[] not null,
    first_point_at  timestamptz not null,
    last_point_at   timestamptz not null,
    occurrences     integer not null,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at     timestamptz,
    resolved_by     text,
    root_cause      text
);
-- One ongoing condition, one alert: later violations of the same chart and rule attach to the open alert.
create unique index alert_one_per_condition on alerts.alert (line, variable, chart, rule_id) where status <> 'RESOLVED';
create index alert_status_raised on alerts.alert (status, raised_at);
