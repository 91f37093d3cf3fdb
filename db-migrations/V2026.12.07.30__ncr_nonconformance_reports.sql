-- Nonconformance module: the hierarchical defect catalogue, nonconformance reports (NCR) with their evidence,
-- attachments, suspect lots and containment, material-review dispositions, investigations and status history.
create schema if not exists ncr;

create table ncr.defect_code (
    code             text collate "C" primary key check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
    parent_code      text collate "C" references ncr.defect_code (code),
    name             text not null,
    description      text,
    default_severity text not null check (default_severity in ('CRITICAL', 'MAJOR', 'MINOR')),
    active           boolean not null default true,
    created_at       timestamptz not null,
    created_by       text not null,
    updated_at       timestamptz not null,
    version          bigint not null default 0,
    check (parent_code is null or parent_code <> code)
);
create index defect_code_parent on ncr.defect_code (parent_code);

-- NCR numbers are counted per year of opening: NCR-2026-0001, NCR-2026-0002, ...
create table ncr.number_counter (
    year      integer primary key,
    last_used integer not null
);

create table ncr.ncr (
    id                  uuid primary key,
    number              text not null unique,
    status              text not null check (status in
                            ('OPEN', 'CONTAINED', 'UNDER_INVESTIGATION', 'DISPOSITIONED', 'CLOSED', 'CANCELLED')),
    source              text not null check (source in
                            ('MANUAL', 'INSPECTION', 'INCIDENT', 'ANOMALY', 'CUSTOMER_COMPLAINT', 'SUPPLIER_ISSUE')),
    source_reference    text,
    source_system       text,
    title               text not null,
    description         text,
    line                text collate "C",
    product             text collate "C",
    defect_code         text collate "C" not null references ncr.defect_code (code),
    severity            text not null check (severity in ('CRITICAL', 'MAJOR', 'MINOR')),
    risk_severity       integer check (risk_severity between 1 and 10),
    risk_occurrence     integer check (risk_occurrence between 1 and 10),
    risk_detection      integer check (risk_detection between 1 and 10),
    qty_affected        numeric(19, 6) check (qty_affected >= 0),
    qty_nonconforming   numeric(19, 6) check (qty_nonconforming >= 0),
    unit                text,
    cost                numeric(19, 2) not null default 0 check (cost >= 0),
    currency            text not null default 'EUR',
    owner               text not null,
    due_date            date,
    signal_from         timestamptz,
    signal_to           timestamptz,
    -- the evidence snapshot at opening (inspection, model or chart evidence), JSON as the API shows it
    evidence            jsonb,
    opened_at           timestamptz not null,
    opened_by           text not null,
    closed_at           timestamptz,
    cancel_reason       text,
    root_cause_category text check (root_cause_category in
                            ('MAN', 'MACHINE', 'METHOD', 'MATERIAL', 'MEASUREMENT', 'ENVIRONMENT', 'UNKNOWN')),
    root_cause          text,
    updated_at          timestamptz not null,
    version             bigint not null default 0,
    check (qty_nonconforming is null or qty_affected is null or qty_nonconforming <= qty_affected),
    check (signal_from is null or signal_to is null or signal_from <= signal_to)
);
create index ncr_opened_at on ncr.ncr (opened_at);
create index ncr_defect_code on ncr.ncr (defect_code);
create index ncr_line_product on ncr.ncr (line, product);
create index ncr_status on ncr.ncr (status);

-- The variables that contributed to the signal (from the model's top contributors or the chart), to find similar NCRs.
create table ncr.ncr_variable (
    ncr_id    uuid not null references ncr.ncr (id),
    variable  text collate "C" not null,
    rank      integer not null,
    primary key (ncr_id, variable)
);
create index ncr_variable_variable on ncr.ncr_variable (variable);

create table ncr.status_change (
    id           uuid primary key,
    ncr_id       uuid not null references ncr.ncr (id),
    from_status  text,
    to_status    text not null,
    reason       text,
    actor        text not null,
    at           timestamptz not null
);
create index status_change_ncr on ncr.status_change (ncr_id, at);

create table ncr.attachment (
    id            uuid primary key,
    ncr_id        uuid not null references ncr.ncr (id),
    file_name     text not null,
    media_type    text not null,
    size_bytes    bigint not null check (size_bytes > 0),
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null
);
create index attachment_ncr on ncr.attachment (ncr_id);

-- The lots proposed as suspect: produced on the line in the signal's window (WINDOW), downstream of one in the
-- genealogy (DOWNSTREAM) or named by the source (SOURCE, e.g. the inspected lot); held by the signed containment.
create table ncr.suspect_lot (
    ncr_id             uuid not null references ncr.ncr (id),
    lot_id             uuid not null,
    reason             text not null check (reason in ('SOURCE', 'WINDOW', 'DOWNSTREAM', 'MANUAL')),
    via_lot_id         uuid,
    status_at_proposal text not null,
    suspect_quantity   numeric(19, 6) not null check (suspect_quantity >= 0),
    unit               text not null,
    recall_review      boolean not null default false,
    held               boolean not null default false,
    held_at            timestamptz,
    proposed_at        timestamptz not null,
    primary key (ncr_id, lot_id)
);
create index suspect_lot_lot on ncr.suspect_lot (lot_id);

create table ncr.containment (
    id            uuid primary key,
    ncr_id        uuid not null references ncr.ncr (id),
    reason        text not null,
    held_lots     integer not null,
    signed_by     text not null,
    signer_name   text not null,
    sign_meaning  text not null,
    signed_at     timestamptz not null
);
create index containment_ncr on ncr.containment (ncr_id);

-- Material review: per lot and quantity one decision; the quantities of a lot add up to its suspect quantity.
create table ncr.disposition (
    id            uuid primary key,
    ncr_id        uuid not null references ncr.ncr (id),
    lot_id        uuid not null,
    decision      text not null check (decision in ('USE_AS_IS', 'REWORK', 'SCRAP', 'RETURN_TO_SUPPLIER', 'REGRADE')),
    quantity      numeric(19, 6) not null check (quantity > 0),
    reason        text not null,
    decided_by    text not null,
    decided_at    timestamptz not null,
    signed_by     text not null,
    signer_name   text not null,
    sign_meaning  text not null,
    signed_at     timestamptz not null
);
create index disposition_ncr on ncr.disposition (ncr_id);

-- The investigation of an NCR: 8D (D0-D8), 5-why or Ishikawa (6M) as a JSON structure, one per NCR.
create table ncr.investigation (
    ncr_id              uuid primary key references ncr.ncr (id),
    method              text not null check (method in ('EIGHT_D', 'FIVE_WHY', 'ISHIKAWA')),
    content             jsonb not null,
    updated_at          timestamptz not null,
    updated_by          text not null,
    version             bigint not null default 0
);

-- Idempotency-Key of NCR creation by ERP clients: the first successful response is replayed for the same key and body.
create table ncr.idempotency_key (
    principal       text not null,
    idem_key        text not null,
    request_hash    text not null,
    response_status integer not null,
    response_body   jsonb not null,
    created_at      timestamptz not null,
    primary key (principal, idem_key)
);

-- A starting catalogue; QA managers extend it over REST or the UI.
insert into ncr.defect_code (code, parent_code, name, description, default_severity, created_at, created_by, updated_at) values
    ('DIM', null, 'Dimensional', 'A dimension or geometric tolerance outside its specification', 'MAJOR', now(), 'system', now()),
    ('DIM-OOT', 'DIM', 'Out of tolerance', 'A measured characteristic outside its specification limits', 'MAJOR', now(), 'system', now()),
    ('DIM-BURR', 'DIM', 'Burr', 'Material left on an edge after cutting or stamping', 'MINOR', now(), 'system', now()),
    ('SURF', null, 'Surface', 'Appearance or surface condition', 'MINOR', now(), 'system', now()),
    ('SURF-SCRATCH', 'SURF', 'Scratch', 'A visible scratch on a finished surface', 'MINOR', now(), 'system', now()),
    ('MAT', null, 'Material', 'Wrong or defective material', 'MAJOR', now(), 'system', now()),
    ('PROC', null, 'Process', 'The process ran outside its validated state (SPC signal, anomaly)', 'MAJOR', now(), 'system', now()),
    ('PROC-DRIFT', 'PROC', 'Process drift', 'A control chart or anomaly model signalled the process has shifted', 'MAJOR', now(), 'system', now()),
    ('FUNC', null, 'Functional', 'The part fails a functional or safety test', 'CRITICAL', now(), 'system', now());
