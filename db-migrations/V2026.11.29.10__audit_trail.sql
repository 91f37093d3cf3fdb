-- Audit module: the append-only, hash-chained audit trail (21 CFR 11.10(e)), the electronic signatures bound to
-- the hash of the entry they sign (11.70), and the server key that signs audit exports.
create schema if not exists audit;

-- One entry per RecordChanged. hash = SHA-256 over the canonical form of the entry, which includes
-- previous_hash (docs/audit.md gives the exact serialisation); sequence is gapless, starting at 1.
create table audit.entry (
    sequence            bigint primary key check (sequence > 0),
    recorded_at         timestamptz not null,
    user_id             text not null,
    printed_name        text not null,
    entity_type         text not null,
    entity_id           text not null,
    action              text not null,
    before_state        jsonb,
    after_state         jsonb,
    reason              text,
    signer              text,
    signer_printed_name text,
    signature_meaning   text check (signature_meaning in ('APPROVAL', 'REVIEW', 'RESPONSIBILITY', 'AUTHORSHIP')),
    signed_at           timestamptz,
    previous_hash       text not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash                text not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index entry_entity on audit.entry (entity_type, entity_id, sequence);
create index entry_recorded_at on audit.entry (recorded_at);
create index entry_user on audit.entry (user_id, sequence);

-- The signature record: the manifestation (11.50) plus the hash of the signed entry it is bound to (11.70).
create table audit.signature (
    id             bigserial primary key,
    entry_sequence bigint not null references audit.entry (sequence),
    entry_hash     text not null check (entry_hash ~ '^[0-9a-f]{64}$'),
    username       text not null,
    printed_name   text not null,
    meaning        text not null check (meaning in ('APPROVAL', 'REVIEW', 'RESPONSIBILITY', 'AUTHORSHIP')),
    signed_at      timestamptz not null
);
create index signature_entry on audit.signature (entry_sequence);

-- The end of the chain. Appenders lock this single row (select ... for update) in their own transaction, so
-- concurrent writers append one after the other and a rolled-back append leaves no trace.
create table audit.chain_head (
    id            smallint primary key check (id = 1),
    last_sequence bigint not null,
    last_hash     text not null check (last_hash ~ '^[0-9a-f]{64}$')
);
insert into audit.chain_head (id, last_sequence, last_hash) values (1, 0, repeat('0', 64));

-- The Ed25519 key that signs exports when no key file is configured: generated once, never replaced.
create table audit.signing_key (
    id              smallint primary key check (id = 1),
    private_key_pem text not null,
    public_key_pem  text not null,
    created_at      timestamptz not null
);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger entry_append_only before update or delete on audit.entry
    for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.refuse_change();
create trigger signature_append_only before update or delete on audit.signature
    for each row execute function audit.refuse_change();
create trigger signature_no_truncate before truncate on audit.signature
    for each statement execute function audit.refuse_change();
create trigger chain_head_kept before delete on audit.chain_head
    for each row execute function audit.refuse_change();
create trigger chain_head_no_truncate before truncate on audit.chain_head
    for each statement execute function audit.refuse_change();
create trigger signing_key_kept before update or delete on audit.signing_key
    for each row execute function audit.refuse_change();
create trigger signing_key_no_truncate before truncate on audit.signing_key
    for each statement execute function audit.refuse_change();
