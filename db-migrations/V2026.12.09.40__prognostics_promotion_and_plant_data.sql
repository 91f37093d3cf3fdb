-- Prognostics: a model a user promotes is served instead of the best cross-validated one (who, when, why), and models
-- trained on a plant's own run-to-failure data record which columns and failure definition they were trained with.
alter table prognostics.model add column promoted_at timestamptz;
alter table prognostics.model add column promoted_by text;
alter table prognostics.model add column promotion_reason text;
-- null for C-MAPSS FD001; else {datasetId | lines, unitColumn, cycleColumn, featureColumns, failureColumn}
alter table prognostics.model add column source jsonb;
