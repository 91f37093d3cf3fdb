-- SPC: the run rules chosen for one characteristic's location chart (rule 1 plus the supplementary rules opted in);
-- without a row the catalogue's named rule set applies. One row per (line, variable), replaced on change (audited).
create table spc.chart_rules (
    line       text collate "C" not null,
    variable   text collate "C" not null,
    rules      text[] not null check (cardinality(rules) >= 1),
    changed_at timestamptz not null,
    changed_by text not null,
    reason     text,
    primary key (line, variable)
);
