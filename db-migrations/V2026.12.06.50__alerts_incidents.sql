-- Alerts module: incidents. Signals of one line (SPC rule violations, anomaly detections) that overlap in time (within
-- poka.alerts.incident-gap) form one incident that people acknowledge, assign and resolve; its alerts stay the evidence.
-- alerts.incident holds the audited state (opened, severity, top variables, people's actions); the tables below it are
-- derived bookkeeping of the signals (each traceable to its violation or anomaly id) and are not audited row by row.
create table alerts.incident (
    id              uuid primary key,
    line            text collate "C" not null,
    status          text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    severity        text not null check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    top_variables   text[] not null,
    summary         text not null,
    opened_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    assignee        text,
    assigned_at     timestamptz,
    assigned_by     text,
    resolved_at     timestamptz,
    resolved_by     text,
    cause           text,
    label           text check (label in ('FALSE_ALARM', 'TRUE_POSITIVE'))
);
create index incident_line_status on alerts.incident (line, status);

-- The time span and counts of an incident's signals, moved by every batch that adds signals.
create table alerts.incident_activity (
    incident_id     uuid primary key references alerts.incident (id),
    first_signal_at timestamptz not null,
    last_signal_at  timestamptz not null,
    signal_count    integer not null,
    anomaly_count   integer not null
);
create index incident_activity_last on alerts.incident_activity (last_signal_at desc);

-- One row per signal: its id (the violation's or the anomaly's) is the key, so a redelivered signal is counted once.
create table alerts.incident_signal (
    signal_id           uuid primary key,
    incident_id         uuid not null references alerts.incident (id),
    kind                text not null check (kind in ('RULE', 'ANOMALY')),
    variable            text,
    alert_id            uuid references alerts.alert (id),
    severity            text not null,
    firings             integer not null,
    signal_from         timestamptz not null,
    signal_to           timestamptz not null,
    model_id            uuid,
    model_version       integer,
    score               double precision,
    threshold           double precision,
    contributor_names   text[],
    contributor_values  double precision[],
    recorded_at         timestamptz not null
);
create index incident_signal_anomalies on alerts.incident_signal (incident_id, signal_to desc) where kind = 'ANOMALY';

-- The alerts of an incident (the evidence; an alert that goes on past a gap belongs to each incident it fed).
create table alerts.incident_alert (
    incident_id uuid not null references alerts.incident (id),
    alert_id    uuid not null references alerts.alert (id),
    primary key (incident_id, alert_id)
);
create index incident_alert_alert on alerts.incident_alert (alert_id);

-- Per incident and variable: firings by severity and the model's contribution, for ranking the variables.
create table alerts.incident_variable (
    incident_id  uuid not null references alerts.incident (id),
    variable     text collate "C" not null,
    firings      integer not null,
    high         integer not null,
    medium       integer not null,
    low          integer not null,
    contribution double precision not null,
    primary key (incident_id, variable)
);
