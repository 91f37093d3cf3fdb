-- Inspections module: immutable versioned inspection plans, ISO 2859-1 switching state and its switches, results.
create schema if not exists inspections;

create table inspections.plan (
    id                   uuid primary key,
    product              text not null,
    supplier             text not null default '',
    operation            text not null default '',
    plan_version         integer not null,
    name                 text not null,
    kind                 text not null check (kind in ('ISO_2859_1', 'FIXED', 'FULL')),
    inspection_level     text,
    fixed_sample_size    integer,
    reduced_approved     boolean not null default false,
    active               boolean not null default true,
    created_at           timestamptz not null,
    created_by           text not null,
    constraint plan_version_unique unique (product, supplier, operation, plan_version)
);

-- Per defect class: the AQL (ISO 2859-1 plans) or the acceptance number (fixed and 100 % plans).
create table inspections.plan_class (
    plan_id            uuid not null references inspections.plan (id),
    defect_class       text not null check (defect_class in ('CRITICAL', 'MAJOR', 'MINOR')),
    aql                text,
    acceptance_number  integer,
    primary key (plan_id, defect_class)
);

create table inspections.characteristic (
    id            uuid primary key,
    plan_id       uuid not null references inspections.plan (id),
    position      integer not null,
    name          text not null,
    kind          text not null check (kind in ('VARIABLE', 'ATTRIBUTE')),
    defect_class  text not null check (defect_class in ('CRITICAL', 'MAJOR', 'MINOR')),
    nominal       double precision,
    lsl           double precision,
    usl           double precision,
    unit          text,
    constraint characteristic_name unique (plan_id, name)
);

create table inspections.switching_state (
    product                  text not null,
    supplier                 text not null,
    defect_class             text not null,
    severity                 text not null,
    switching_score          integer not null,
    recent_normal            text not null,
    accepted_on_tightened    integer not null,
    not_accepted_on_tightened integer not null,
    discontinued             boolean not null,
    lots_inspected           bigint not null,
    updated_at               timestamptz not null,
    primary key (product, supplier, defect_class)
);

create table inspections.switch_event (
    id            uuid primary key,
    product       text not null,
    supplier      text not null,
    defect_class  text not null,
    from_stage    text not null,
    to_stage      text not null,
    reason        text not null,
    clause        text not null,
    description   text not null,
    inspection_id uuid,
    at            timestamptz not null
);
create index switch_event_key on inspections.switch_event (product, supplier, defect_class, at);

create table inspections.inspection (
    id             uuid primary key,
    lot_id         uuid not null,
    plan_id        uuid not null references inspections.plan (id),
    lot_size       integer not null,
    original       boolean not null,
    accepted       boolean not null,
    inspector      text not null,
    inspected_at   timestamptz not null,
    verdicts       jsonb not null,
    measurements   jsonb not null
);
create index inspection_lot on inspections.inspection (lot_id, inspected_at);
