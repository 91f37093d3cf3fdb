-- Baselines module: trained and evaluated Tribuo models of the built-in data sets, with what an auditor needs to trace them.
create schema if not exists baselines;

create table baselines.model (
    id               uuid primary key,
    dataset          text not null,
    version          integer not null,
    task             text not null check (task in ('CLASSIFICATION', 'REGRESSION')),
    trainer          text not null,
    -- Tribuo's model provenance (trainer class, hyperparameters, seeds, data source) as text
    provenance       text not null,
    -- evaluation protocol and metrics (accuracy, balanced accuracy, macro-F1, per class, confusion matrix; RMSE, MAE)
    metrics          jsonb not null,
    feature_names    jsonb not null,
    -- SHA-256 of the canonical CSV of the data set (header, shortest round-trip decimals, LF)
    data_fingerprint text not null,
    training_ms      bigint not null,
    -- scoring throughput measured while predicting the evaluation rows
    rows_per_second  double precision not null,
    -- the Tribuo model, Java-serialised
    model_bytes      bytea not null,
    model_sha256     text not null,
    created_at       timestamptz not null,
    created_by       text not null,
    unique (dataset, version)
);
