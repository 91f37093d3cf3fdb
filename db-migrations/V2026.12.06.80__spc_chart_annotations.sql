-- SPC: notes on a chart ("changed the nozzle at 14:10"): a time on one characteristic's chart, a short text, who
-- wrote it and when. Created and deleted through REST, both audited (SpcChartAnnotation).
create table spc.chart_annotation (
    id         uuid primary key,
    line       text collate "C" not null,
    variable   text collate "C" not null,
    at         timestamptz not null,
    text       text not null check (length(text) between 1 and 500),
    created_at timestamptz not null,
    created_by text not null
);
create index chart_annotation_by_chart on spc.chart_annotation (line, variable, at);
