-- Baselines module: anomaly monitors (PCA T2/SPE static and dynamic, one-class SVM, isolation forest) trained on any
-- data set are stored in the same registry as the classifiers and regressors, with task ANOMALY.
alter table baselines.model drop constraint model_task_check;
alter table baselines.model add constraint model_task_check check (task in ('CLASSIFICATION', 'REGRESSION', 'ANOMALY'));
