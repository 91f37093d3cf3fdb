-- Alerts module: two unresolved incidents of one line that come within the incident gap of each other merge into one
-- (the older survives). The one merged away keeps its row for the audit trail and for links people kept, with status
-- MERGED and the incident it went into; its signals, alerts and tallies move to the survivor.
alter table alerts.incident drop constraint incident_status_check;
alter table alerts.incident add constraint incident_status_check
    check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'MERGED'));
alter table alerts.incident add column merged_into uuid references alerts.incident (id);
alter table alerts.incident add constraint incident_merged_into_check
    check ((status = 'MERGED') = (merged_into is not null));
