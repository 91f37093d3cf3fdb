-- Baselines module: anomaly monitors (the scoring module's VAE-GAN, PCA T² and SPE, one-class SVM, isolation forest)
-- compared on one normal data set of the scoring registry, with the same split and threshold calibration.
create table baselines.anomaly_comparison (
    id                   uuid primary key,
    -- the normal data set (scoring.dataset) the VAE-GAN and the baselines were trained and calibrated on
    dataset_id           uuid not null,
    data_fingerprint     text not null,
    vae_gan_model_ids    jsonb not null,
    -- fault data sets scored: id, name, fingerprint, rows, onset row
    fault_datasets       jsonb not null,
    training_rows        integer not null,
    calibration_rows     integer not null,
    false_alarm_rate     double precision not null,
    -- per model: hyperparameters, provenance, limit, false alarms, detection rate and delay, ROC AUC, costs, per run
    results              jsonb not null,
    created_at           timestamptz not null,
    created_by           text not null
);
create index anomaly_comparison_dataset on baselines.anomaly_comparison (dataset_id, created_at);
