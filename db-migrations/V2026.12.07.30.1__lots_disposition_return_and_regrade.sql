-- Lots module: two more disposition decisions for nonconformance material review (issue 16):
-- RETURN_TO_SUPPLIER (the lot is rejected and goes back) and REGRADE (released for a lower grade or another use).
alter table lots.disposition drop constraint disposition_decision_check;
alter table lots.disposition add constraint disposition_decision_check
    check (decision in ('RELEASE', 'REJECT', 'REWORK', 'SCRAP', 'USE_AS_IS', 'RETURN_TO_SUPPLIER', 'REGRADE'));
