-- Alerts module: a severity per alert (derived from chart and rule when it is raised, see docs/telemetry-spc-alerts.md
-- "Severity"), the rule in plain words, and the feedback label set at resolution (FALSE_ALARM / TRUE_POSITIVE) that
-- retraining reads. Who labelled and when = resolved_by / resolved_at (a label is only ever set by a resolution).
alter table alerts.alert
    add column severity         text,
    add column rule_description text,
    add column label            text check (label in ('FALSE_ALARM', 'TRUE_POSITIVE'));

-- Existing alerts: the same rule as io.poka.alerts.internal.Severity (keep the two in step).
update alerts.alert set severity = case
    when rule_id in ('WE1', 'NELSON1') and chart in ('INDIVIDUALS', 'XBAR', 'RANGE', 'STDDEV') then 'HIGH'
    when rule_id in ('WE1', 'NELSON1', 'CUSUM_UPPER', 'CUSUM_LOWER') then 'MEDIUM'
    when rule_id in ('WE2', 'WE3', 'NELSON5', 'NELSON6') then 'MEDIUM'
    else 'LOW' end;
-- The descriptions the spc module gives its rules (io.poka.spc.internal.rules.RunRule, ViolationStore.describe).
update alerts.alert set rule_description = case rule_id
    when 'WE1' then '1 point beyond the 3-sigma limits'
    when 'WE2' then '2 of 3 points beyond 2 sigma, same side'
    when 'WE3' then '4 of 5 points beyond 1 sigma, same side'
    when 'WE4' then '8 points in a row on one side of the center line'
    when 'NELSON1' then '1 point beyond 3 sigma'
    when 'NELSON2' then '9 points in a row on one side of the center line'
    when 'NELSON3' then '6 points in a row steadily increasing or decreasing'
    when 'NELSON4' then '14 points in a row alternating up and down'
    when 'NELSON5' then '2 of 3 points beyond 2 sigma, same side'
    when 'NELSON6' then '4 of 5 points beyond 1 sigma, same side'
    when 'NELSON7' then '15 points in a row within 1 sigma of the center line'
    when 'NELSON8' then '8 points in a row beyond 1 sigma, either side'
    when 'CUSUM_UPPER' then 'upper CUSUM beyond the decision interval H'
    when 'CUSUM_LOWER' then 'lower CUSUM beyond the decision interval H'
    else rule_id end;

alter table alerts.alert
    alter column severity set not null,
    alter column rule_description set not null,
    add constraint alert_severity_check check (severity in ('HIGH', 'MEDIUM', 'LOW'));

-- Retraining reads labelled alerts; the triage list filters open alerts by severity.
create index alert_label_resolved on alerts.alert (label, resolved_at) where label is not null;
create index alert_severity_status on alerts.alert (severity, status);
