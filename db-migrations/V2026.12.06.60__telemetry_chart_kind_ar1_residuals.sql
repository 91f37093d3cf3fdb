-- Telemetry catalogue: a variable may be charted by the residuals of an AR(1) model (autocorrelated readings).
alter table telemetry.variable drop constraint variable_chart_type_check;
alter table telemetry.variable add constraint variable_chart_type_check
    check (chart_type in ('IMR', 'XBAR_R', 'XBAR_S', 'EWMA', 'CUSUM', 'AR1_RESIDUALS'));
