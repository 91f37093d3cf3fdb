-- Scoring module: uploaded data sets, VAE-GAN training jobs, the model registry and the active model per line.
create schema if not exists scoring;

create table scoring.dataset (
    id          uuid primary key,
    name        text not null,
    -- SHA-256 of the canonical CSV (header, Java shortest round-trip decimals, LF), see NumericTable
    fingerprint text not null,
    variables   jsonb not null,
    row_count   integer not null,
    -- gzip of the canonical CSV
    content     bytea not null,
    created_at  timestamptz not null,
    created_by  text not null
);
create index dataset_fingerprint on scoring.dataset (fingerprint);

create table scoring.model_version (
    id               uuid primary key,
    line             text not null,
    version          integer not null,
    dataset_id       uuid not null references scoring.dataset (id),
    training_job_id  uuid,
    data_fingerprint text not null,
    threshold        double precision not null,
    -- hyperparameters, feature statistics, score scale, validation metrics, losses, engine, device, app version
    metadata         jsonb not null,
    -- DJL block parameters (Block.saveParameters), stored in the database so every pod reads the same artifact
    artifact         bytea not null,
    artifact_sha256  text not null,
    created_at       timestamptz not null,
    created_by       text not null,
    unique (line, version)
);

create table scoring.training_job (
    id              uuid primary key,
    dataset_id      uuid not null references scoring.dataset (id),
    line            text not null,
    status          text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    hyperparameters jsonb not null,
    epochs_done     integer not null default 0,
    epochs          integer not null,
    last_loss       jsonb,
    error           text,
    model_id        uuid references scoring.model_version (id),
    created_at      timestamptz not null,
    created_by      text not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index training_job_line on scoring.training_job (line, created_at);

create table scoring.active_model (
    line         text primary key,
    model_id     uuid not null references scoring.model_version (id),
    activated_at timestamptz not null,
    activated_by text not null
);

-- every promotion and rollback, newest last; a rollback returns to the model active before the current one
create table scoring.activation (
    id                uuid primary key,
    line              text not null,
    model_id          uuid not null references scoring.model_version (id),
    previous_model_id uuid references scoring.model_version (id),
    action            text not null check (action in ('PROMOTED', 'ROLLED_BACK')),
    reason            text,
    signature_meaning text not null,
    at                timestamptz not null,
    by_user           text not null
);
create index activation_line on scoring.activation (line, at);
