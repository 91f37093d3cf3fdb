-- Lots module: lots from ERP/MES, their status history, holds, dispositions, genealogy and idempotency keys.
create schema if not exists lots;

create table lots.lot (
    id                  uuid primary key,
    source_system       text not null,
    external_id         text not null,
    product             text not null,
    quantity            numeric(19, 6) not null check (quantity >= 0),
    unit                text not null,
    line                text,
    station             text,
    supplier            text,
    supplier_lot        text,
    production_start    timestamptz,
    production_end      timestamptz,
    attributes          jsonb not null default '{}'::jsonb,
    status              text not null,
    status_before_hold  text,
    hold_reason         text,
    held_by             text,
    held_at             timestamptz,
    created_at          timestamptz not null,
    created_by          text not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0,
    constraint lot_source_external unique (source_system, external_id)
);
create index lot_status on lots.lot (status);
create index lot_product on lots.lot (product);
create index lot_created_at on lots.lot (created_at);

-- One row per status change; signed changes carry the manifestation of the signature.
create table lots.status_change (
    id            uuid primary key,
    lot_id        uuid not null references lots.lot (id),
    from_status   text,
    to_status     text not null,
    action        text not null,
    reason        text,
    actor         text not null,
    at            timestamptz not null,
    signed_by     text,
    signer_name   text,
    sign_meaning  text,
    signed_at     timestamptz
);
create index status_change_lot on lots.status_change (lot_id, at);

create table lots.disposition (
    id            uuid primary key,
    lot_id        uuid not null references lots.lot (id),
    decision      text not null check (decision in ('RELEASE', 'REJECT', 'REWORK', 'SCRAP', 'USE_AS_IS')),
    reason        text not null,
    decided_by    text not null,
    decided_at    timestamptz not null,
    signed_by     text not null,
    signer_name   text not null,
    sign_meaning  text not null,
    signed_at     timestamptz not null
);
create index disposition_lot on lots.disposition (lot_id);

create table lots.genealogy_link (
    parent_id   uuid not null references lots.lot (id),
    child_id    uuid not null references lots.lot (id),
    link_type   text not null check (link_type in ('SPLIT', 'MERGE', 'CONSUMED_INTO')),
    created_at  timestamptz not null,
    created_by  text not null,
    primary key (parent_id, child_id),
    check (parent_id <> child_id)
);
create index genealogy_child on lots.genealogy_link (child_id);

-- Idempotency-Key of lot creation: the first successful response is replayed for the same key and body.
create table lots.idempotency_key (
    principal       text not null,
    idem_key        text not null,
    request_hash    text not null,
    response_status integer not null,
    response_body   jsonb not null,
    created_at      timestamptz not null,
    primary key (principal, idem_key)
);
