-- SPC: a rule that keeps firing on consecutive points of a chart is stored as one violation per ingested batch.
-- fired_points = at how many plotted points the rule fired (1 = once); first_fired_at = the time of the first of
-- them: the entries of point_times from first_fired_at on are the points that fired (existing rows: the newest).
alter table spc.violation add column fired_points integer not null default 1 check (fired_points >= 1);
alter table spc.violation add column first_fired_at timestamptz;
update spc.violation set first_fired_at = newest_point_at;
alter table spc.violation alter column first_fired_at set not null;
