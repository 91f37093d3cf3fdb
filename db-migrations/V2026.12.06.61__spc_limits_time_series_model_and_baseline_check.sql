-- SPC limits: the AR(1) coefficient of a residual chart (center = process mean, sigma = residual sigma) and the
-- phase I baseline check (size, effective size, autocorrelation, normality) the limits were frozen with.
alter table spc.limits add column ar_phi double precision check (ar_phi > -1 and ar_phi < 1);
alter table spc.limits add column baseline_check jsonb;
