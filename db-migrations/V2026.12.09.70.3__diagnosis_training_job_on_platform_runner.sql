-- Diagnosis module: training jobs run on the platform's job runner (io.poka.platform.jobs): progress in steps, the
-- replica that runs a job and its sign of life (a job whose replica died is failed by another one), a cancel asked
-- for on any replica, and CANCELLED as an end. Existing jobs keep their rows; owner stays null (an earlier process's
-- job, as before).
alter table diagnosis.training_job
    add column steps_done       integer not null default 0,
    add column steps_total      integer not null default 0,
    add column owner            text,
    add column heartbeat_at     timestamptz,
    add column cancel_requested boolean not null default false,
    drop constraint training_job_status_check,
    add constraint training_job_status_check
        check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
