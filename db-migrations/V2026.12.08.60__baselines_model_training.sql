-- Baselines module: models trained on any data set (built in, uploaded or built from telemetry) record which data set,
-- target, features, split and rows they were trained on (TrainingProvenance as JSON); null on earlier models.
alter table baselines.model add column training jsonb;
