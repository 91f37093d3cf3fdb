-- Platform: the first answer to a POST sent with an Idempotency-Key, per module scope and client, replayed when the
-- same client retries with the same key and body (used by inspections; lots keep lots.idempotency_key).
create table platform.idempotency_key (
    scope           text not null,
    principal       text not null,
    idem_key        text not null,
    request_hash    text not null,
    response_status integer not null,
    response_body   jsonb not null,
    created_at      timestamptz not null,
    primary key (scope, principal, idem_key)
);
