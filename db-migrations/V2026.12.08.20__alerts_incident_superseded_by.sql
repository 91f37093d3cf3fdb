-- An incident closed to new signals because a new episode's onset (several variables beginning to signal at once)
-- opened another incident beside it (issue 15): it stays unresolved for people to resolve or mark a false alarm.
alter table alerts.incident add column superseded_by uuid references alerts.incident (id);

-- Grouping reads the first signal time of each variable of the line's unresolved incidents.
create index incident_signal_incident_variable on alerts.incident_signal (incident_id, variable, signal_from);
