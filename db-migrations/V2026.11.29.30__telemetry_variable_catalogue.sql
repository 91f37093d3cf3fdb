-- Telemetry module: the variable catalogue. A reading is accepted only for a (line, variable) listed here.
create table telemetry.variable (
    id                        uuid primary key,
    line                      text not null,
    variable                  text not null,
    unit                      text not null,
    description               text,
    expected_min              double precision,
    expected_max              double precision,
    sampling_interval_seconds double precision,
    characteristic            text,
    lsl                       double precision,
    usl                       double precision,
    target                    double precision,
    chart_type                text not null check (chart_type in ('IMR', 'XBAR_R', 'XBAR_S', 'EWMA', 'CUSUM')),
    subgroup_size             integer not null check (subgroup_size between 1 and 25),
    rule_set                  text not null check (rule_set in ('WESTERN_ELECTRIC', 'NELSON', 'BEYOND_LIMITS')),
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    unique (line, variable)
);
