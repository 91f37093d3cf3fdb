-- Baselines, prognostics and diagnosis modules: their training jobs run on the platform's job runner
-- (io.poka.platform.jobs), which scoring's jobs already had the columns of (V2026.12.07.70.2): the replica that runs
-- a job and its sign of life (a job whose replica died is failed by another one), a cancel asked for on any replica,
-- and CANCELLED as an end. Existing jobs keep their rows; owner stays null (an earlier process's job, as before).
alter table diagnosis.training_job
    add column steps_done  integer not null default 0,
    add column steps_total integer not null default 0;

do $$
declare
    t text;
begin
    foreach t in array array['baselines.training_job', 'prognostics.training_job', 'diagnosis.training_job'] loop
        execute format('alter table %s'
            ' add column owner text,'
            ' add column heartbeat_at timestamptz,'
            ' add column cancel_requested boolean not null default false,'
            ' drop constraint training_job_status_check,'
            ' add constraint training_job_status_check'
            '   check (status in (''QUEUED'', ''RUNNING'', ''SUCCEEDED'', ''FAILED'', ''CANCELLED''))', t);
    end loop;
end $$;
