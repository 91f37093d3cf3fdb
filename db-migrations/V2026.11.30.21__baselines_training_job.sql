-- Baselines module: asynchronous training jobs (POST answers 202 at once; the job reports its progress in steps).
create table baselines.training_job (
    id           uuid primary key,
    dataset      text not null,
    trainer      text not null,
    status       text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- classification: one step per cross-validation fold plus the final fit; regression: fit, then evaluation
    steps_done   integer not null,
    steps_total  integer not null,
    model_id     uuid references baselines.model (id),
    error        text,
    created_at   timestamptz not null,
    created_by   text not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
create index training_job_dataset on baselines.training_job (dataset, created_at);
