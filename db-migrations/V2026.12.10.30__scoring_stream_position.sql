-- How far each line's streamed scoring has got (model version, newest scored row) and the alarm rule's memory its
-- next flags depend on (the rows the features look back on are the stored readings up to that row), saved in the
-- transaction of the anomaly events, so a replica taking a line over (partition move, crash) scores on from exactly
-- there and also scores the stored readings whose scoring a crash lost. Derived data: no audit.
create table scoring.stream_position (
    line text primary key,
    model_id uuid not null,
    -- time of the newest scored row; stored readings after it are scored by the next owner
    last_scored_at timestamptz not null,
    -- the alarm rule's memory (EWMA value or the last n raw scores), IEEE 754 doubles
    state bytea not null,
    saved_at timestamptz not null default now()
);
