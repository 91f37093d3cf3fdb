-- Baselines module: the anomaly comparison's honest evaluation (issue 14): separate normal test data sets where false
-- alarms are counted, the alarm rule applied to every monitor, the fault data sets the means are taken over, the
-- false-alarm rate all monitors are brought to on the normal test data, and the lags of dynamic PCA.
alter table baselines.anomaly_comparison
    -- normal test data sets scored: id, name, fingerprint, rows (never used to fit or calibrate)
    add column normal_test_datasets jsonb not null default '[]',
    -- {"kind": "NONE" | "EWMA" (lambda) | "K_OF_N" (k, n)}; comparisons stored before this had none
    add column alarm_rule jsonb not null default '{"kind": "NONE"}',
    -- where the rule came from: request, model (the VAE-GAN's metadata) or default
    add column alarm_rule_source text not null default 'default',
    -- ids of the fault data sets counted in the means; null = all (comparisons stored before this)
    add column mean_over jsonb,
    -- the false-alarm rate every monitor's equal-rate limit gives on the normal test data; null without such data
    add column equal_false_alarm_rate double precision,
    -- lags of the dynamic PCA monitors, and the first row of each test and fault run that is evaluated
    add column dynamic_pca_lags integer not null default 0,
    add column first_evaluated_row integer not null default 0;
