-- Diagnosis module: fault classifiers (window features + softmax regression + open-set radii) with what an auditor
-- needs to trace a diagnosis to them, and the asynchronous jobs that train them (POST answers 202 at once).
create schema if not exists diagnosis;

create table diagnosis.model (
    id               uuid primary key,
    dataset          text not null,
    version          integer not null,
    -- every training setting (window, stride, epochs, l2, quantile, radius factor, train share, seed, classes)
    settings         jsonb not null,
    -- per-class accuracy on the held-out later part of each run (time-blocked split)
    evaluation       jsonb not null,
    -- the classifier itself: standardisation, weights, centroids, spreads, radii
    parameters       jsonb not null,
    parameters_sha256 text not null,
    -- SHA-256 of the training runs' values (class label, then rows as shortest round-trip decimals)
    data_fingerprint text not null,
    training_ms      bigint not null,
    created_at       timestamptz not null,
    created_by       text not null,
    unique (dataset, version)
);

create table diagnosis.training_job (
    id           uuid primary key,
    dataset      text not null,
    status       text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    settings     jsonb not null,
    model_id     uuid references diagnosis.model (id),
    error        text,
    created_at   timestamptz not null,
    created_by   text not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
create index training_job_created on diagnosis.training_job (created_at desc);
