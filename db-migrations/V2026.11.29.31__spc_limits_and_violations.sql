-- SPC module: frozen, versioned control limits per (line, variable) and the rule violations found on them.
create schema if not exists spc;

create table spc.limits (
    line             text not null,
    variable         text not null,
    version          integer not null check (version >= 1),
    chart_type       text not null,
    origin           text not null check (origin in ('PHASE_I_ESTIMATE', 'ENTERED_FROM_STUDY')),
    center           double precision not null,
    sigma            double precision not null check (sigma > 0),
    subgroup_size    integer not null,
    sigma_multiplier double precision not null check (sigma_multiplier > 0),
    baseline_from    timestamptz,
    baseline_to      timestamptz,
    baseline_count   integer,
    excluded         timestamptz[] not null default '{}',
    study_reference  text,
    frozen_at        timestamptz not null,
    frozen_by        text not null,
    primary key (line, variable, version)
);

create table spc.violation (
    id              uuid primary key,
    line            text not null,
    variable        text not null,
    chart           text not null,
    rule_id         text not null,
    limits_version  integer not null,
    point_times     timestamptz[] not null,
    newest_point_at timestamptz not null,
    point_value     double precision not null,
    stored_at       timestamptz not null default clock_timestamp()
);
create index violation_chart_time on spc.violation (line, variable, newest_point_at);

-- Counts of inspections for attribute charts (p, np, c, u), posted over REST.
create table spc.attribute_sample (
    id          uuid primary key,
    chart_name  text not null,
    chart_type  text not null check (chart_type in ('P', 'NP', 'C', 'U')),
    count       double precision not null check (count >= 0),
    size        double precision not null check (size > 0),
    sampled_at  timestamptz not null
);
create index attribute_sample_chart_time on spc.attribute_sample (chart_name, sampled_at);
