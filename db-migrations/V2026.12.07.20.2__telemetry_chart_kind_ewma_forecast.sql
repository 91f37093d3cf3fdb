-- Telemetry catalogue: a variable may be charted by the one-step-ahead forecast errors of an EWMA (autocorrelated
-- readings with a wandering mean; Montgomery, Introduction to SQC, 10.4.1).
alter table telemetry.variable drop constraint variable_chart_type_check;
alter table telemetry.variable add constraint variable_chart_type_check
    check (chart_type in ('IMR', 'XBAR_R', 'XBAR_S', 'EWMA', 'CUSUM', 'AR1_RESIDUALS', 'EWMA_FORECAST'));
