-- Prognostics module: remaining-useful-life models (window features + Tribuo, or a DJL 1-D CNN) with the provenance an
-- auditor needs (data fingerprint, window, hyperparameters, cross-validation by unit), and their training jobs.
create schema if not exists prognostics;

create table prognostics.model (
    id               uuid primary key,
    dataset          text not null,
    version          integer not null,
    kind             text not null check (kind in ('random-forest', 'xgboost', 'linear', 'cnn-1d', 'ensemble')),
    -- SHA-256 of the training file and the units used (first n of it)
    data_fingerprint text not null,
    units            integer not null,
    sensors          jsonb not null,
    window_cycles    integer not null,
    rul_cap          integer not null,
    -- every setting of the fit (RulSettings) and of the validation plan (folds, cuts, seed)
    hyperparameters  jsonb not null,
    -- per-fold RMSE and NASA score, mean and std, prediction-interval residual quantiles and their coverage
    validation       jsonb not null,
    -- Tribuo's provenance text, or a description of the DJL network
    provenance       text not null,
    training_ms      bigint not null,
    -- Tribuo model Java-serialised, or normaliser + DJL parameters
    model_bytes      bytea not null,
    model_sha256     text not null,
    created_at       timestamptz not null,
    created_by       text not null,
    unique (dataset, version)
);

create table prognostics.training_job (
    id           uuid primary key,
    kind         text not null,
    units        integer not null,
    status       text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- one step per cross-validation fold plus the final fit on every unit
    steps_done   integer not null,
    steps_total  integer not null,
    model_id     uuid references prognostics.model (id),
    error        text,
    created_at   timestamptz not null,
    created_by   text not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
create index training_job_created on prognostics.training_job (created_at);
