-- Alerts module: notes people write on an incident while they work on it ("called maintenance", "valve freed").
-- Writing and deleting one is audited (RecordChanged IncidentNote CREATED / DELETED keeps what it said); only its
-- author deletes a note.
create table alerts.incident_note (
    id          uuid primary key,
    incident_id uuid not null references alerts.incident (id),
    author      text not null,
    text        text not null check (char_length(text) between 1 and 2000),
    created_at  timestamptz not null
);
create index incident_note_incident on alerts.incident_note (incident_id, created_at);
