-- Lot creation keeps its Idempotency-Key replies in the platform's shared store (platform.idempotency_key, scope
-- 'lots'), like inspections, NCRs and CAPAs. The stored keys move there unchanged: both stores hash the request the
-- same way (SHA-256 of the body serialised by the application's ObjectMapper with map entries sorted by key) and keep
-- the first answer's status and body, so an ERP retry of a key stored before this migration is still replayed.
insert into platform.idempotency_key (scope, principal, idem_key, request_hash, response_status, response_body,
                                      created_at)
select 'lots', principal, idem_key, request_hash, response_status, response_body, created_at
from lots.idempotency_key
on conflict (scope, principal, idem_key) do nothing;

drop table lots.idempotency_key;
