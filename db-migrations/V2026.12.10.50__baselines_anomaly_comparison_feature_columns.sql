-- The columns the baselines of a stored anomaly comparison were fitted on (JSON array of names); null = every column
-- of the data set (comparisons stored before the choice existed).
alter table baselines.anomaly_comparison add column feature_columns jsonb;
