-- SPC: frozen, versioned limits of attribute charts (p, np, c, u), one row per version, never updated.
-- A separate table from spc.limits (keyed by line and variable, with a within sigma > 0) because an attribute
-- chart is keyed by its name and has no sigma of its own: the spread follows from the center and each sample's n.
-- center = p-bar (p and np charts), c-bar or u-bar; sample_size = n of an np chart (its center line is n * p-bar).
create table spc.attribute_limits (
    chart_name       text not null,
    version          integer not null check (version >= 1),
    chart_type       text not null check (chart_type in ('P', 'NP', 'C', 'U')),
    origin           text not null check (origin in ('PHASE_I_ESTIMATE', 'ENTERED_FROM_STUDY')),
    center           double precision not null check (center >= 0),
    sample_size      integer check (sample_size >= 1),
    sigma_multiplier double precision not null check (sigma_multiplier > 0),
    baseline_from    timestamptz,
    baseline_to      timestamptz,
    baseline_count   integer,
    excluded         timestamptz[] not null default '{}',
    study_reference  text,
    frozen_at        timestamptz not null,
    frozen_by        text not null,
    primary key (chart_name, version),
    check (chart_type <> 'NP' or sample_size is not null),
    check (chart_type not in ('P', 'NP') or center <= 1),
    check (origin <> 'ENTERED_FROM_STUDY' or study_reference is not null)
);
