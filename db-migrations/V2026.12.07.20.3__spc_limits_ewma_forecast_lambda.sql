-- SPC limits: the smoothing constant of an EWMA forecast chart (center = process mean, sigma = forecast error sigma),
-- chosen in phase I to minimise the squared one-step-ahead forecast errors; null on other charts.
alter table spc.limits add column forecast_lambda double precision check (forecast_lambda > 0 and forecast_lambda <= 1);
