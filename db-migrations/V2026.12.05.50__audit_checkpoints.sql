-- Audit module: signed checkpoints of the chain head. A checkpoint is the server's Ed25519 signature over the exact
-- bytes of `payload` (sequence and hash of the chain head at that time); it is also sent on the quality-events topic
-- (AuditCheckpointPublished), so a copy outside the database exposes a history rewritten with recomputed hashes.
create table audit.checkpoint (
    id                uuid primary key,
    sequence          bigint not null check (sequence >= 0),
    hash              text not null check (hash ~ '^[0-9a-f]{64}$'),
    created_at        timestamptz not null,
    created_by        text not null,
    trigger           text not null check (trigger in ('SCHEDULED', 'ON_DEMAND')),
    payload           text not null,
    signature         text not null,
    public_key_sha256 text not null check (public_key_sha256 ~ '^[0-9a-f]{64}$')
);
create index checkpoint_created_at on audit.checkpoint (created_at);

create trigger checkpoint_append_only before update or delete on audit.checkpoint
    for each row execute function audit.refuse_change();
create trigger checkpoint_no_truncate before truncate on audit.checkpoint
    for each statement execute function audit.refuse_change();
