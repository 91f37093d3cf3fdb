-- The memory of the charts that a replay of the last readings cannot rebuild exactly (EWMA, CUSUM, EWMA forecast,
-- subgrouped charts), saved in the transaction of every batch that charted them, so a replica taking a line over
-- (partition move, crash) resumes each chart exactly where the committed batches left it. Derived data: no audit.
create table spc.chart_state (
    line text not null,
    variable text not null,
    -- the limits version and chart settings the state belongs to; another fingerprint means: rebuild by replay
    fingerprint text not null,
    -- time of the newest reading the state includes; readings after it are replayed on top
    last_reading_at timestamptz not null,
    state bytea not null,
    saved_at timestamptz not null default now(),
    primary key (line, variable)
);
