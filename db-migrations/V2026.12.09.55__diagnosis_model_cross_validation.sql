-- The cross-validated figures a training stores with its model (issue 18): per-class counts, 3/9/15 and normal apart,
-- open-set shares, classes indistinguishable from normal. Null for versions stored before (evaluated on a 70/30 split).
alter table diagnosis.model add column cross_validation jsonb;
