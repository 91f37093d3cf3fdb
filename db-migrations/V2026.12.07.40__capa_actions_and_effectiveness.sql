-- CAPA module: corrective and preventive actions, their status history, the effectiveness evaluations Poka ran on
-- stored data, and the overdue escalations sent (once per action and due date).
create schema if not exists capa;

create table capa.capa (
    id                  uuid primary key,
    number              text not null unique,     -- CAPA-yyyy-nnnn, counted per year of opening
    kind                text not null check (kind in ('CORRECTIVE', 'PREVENTIVE')),
    title               text not null,
    description         text,
    ncr_id              uuid,                     -- null: a standalone action
    owner               text not null,            -- a known user name
    due_at              timestamptz not null,
    status              text not null check (status in ('OPEN', 'IN_PROGRESS', 'IMPLEMENTED',
                                                        'EFFECTIVENESS_PENDING', 'CLOSED', 'REOPENED')),
    -- the effectiveness criterion (kind and its parameters; unused parameters are null)
    criterion_kind      text check (criterion_kind in ('NO_RULE_VIOLATION', 'CPK_AT_LEAST', 'NO_DEFECT_RECURRENCE',
                                                       'ANOMALY_RATE_WITHIN_TARGET')),
    criterion_line      text,
    criterion_variable  text,
    criterion_defect_code text,
    criterion_product   text,
    criterion_min_cpk   double precision,
    criterion_days      integer check (criterion_days > 0),
    criterion_count     integer check (criterion_count > 0),
    window_start        timestamptz,              -- when the effectiveness window began (EFFECTIVENESS_PENDING)
    implemented_at      timestamptz,
    closed_at           timestamptz,
    closed_by           text,
    reopen_count        integer not null default 0,
    created_at          timestamptz not null,
    created_by          text not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0
);
create index capa_status on capa.capa (status);
create index capa_ncr on capa.capa (ncr_id);
create index capa_due_open on capa.capa (due_at) where status not in ('CLOSED');

create table capa.transition (
    id               uuid primary key,
    capa_id          uuid not null references capa.capa (id),
    from_status      text,
    to_status        text not null,
    reason           text,
    actor            text not null,
    at               timestamptz not null,
    signed_by        text,
    signer_name      text,
    signature_meaning text,
    signed_at        timestamptz
);
create index transition_capa on capa.transition (capa_id, at);

create table capa.evaluation (
    id              uuid primary key,
    capa_id         uuid not null references capa.capa (id),
    criterion_kind  text not null,
    result          text not null check (result in ('PASSED', 'FAILED', 'NOT_YET')),
    measured_value  double precision,
    required_value  double precision,
    observations    integer not null,         -- readings, violations, lots or scored rows the value comes from
    data_from       timestamptz not null,
    data_to         timestamptz not null,
    detail          text not null,
    evaluated_at    timestamptz not null,
    evaluated_by    text not null,
    model_version   text                      -- the anomaly model (id and version) the rate was computed with
);
create index evaluation_capa on capa.evaluation (capa_id, evaluated_at);

create table capa.escalation (
    id          uuid primary key,
    capa_id     uuid not null references capa.capa (id),
    due_at      timestamptz not null,
    recipient   text not null,
    status      text not null check (status in ('SENT', 'SKIPPED', 'FAILED')),
    detail      text,
    created_at  timestamptz not null
);
-- One escalation per action, due date and recipient, however often the check runs.
create unique index escalation_once on capa.escalation (capa_id, due_at, recipient);
