-- NCR creation keeps its Idempotency-Key replies in the platform's shared store (platform.idempotency_key, scope
-- 'ncr'), like inspections; its own table goes.
drop table ncr.idempotency_key;
