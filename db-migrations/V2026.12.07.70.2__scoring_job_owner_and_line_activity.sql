-- Replicas: a training job names the replica that runs it and shows it is alive (heartbeat_at); its progress is
-- written as it goes and a cancel can be asked for from any replica, so every replica answers for every job.
alter table scoring.training_job
    add column owner            text,
    add column heartbeat_at     timestamptz,
    add column cancel_requested boolean not null default false;

-- Streaming scoring's activity per line and minute, summed over the last hour for an active model's health, so
-- every replica sees the rows all replicas scored.
create table scoring.line_activity (
    line           text   not null,
    minute         bigint not null,
    rows_scored    bigint not null,
    anomalies      bigint not null,
    last_scored_at timestamptz not null,
    primary key (line, minute)
);
