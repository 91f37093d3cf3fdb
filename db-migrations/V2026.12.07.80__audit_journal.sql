-- Audit module: appends go to an unchained journal in the writer's transaction; one sequencer at a time (it locks
-- audit.chain_head) moves committed journal rows, oldest first, into the hash chain (audit.entry) and deletes them in
-- the same transaction. Writers no longer hold the chain head row until their commit, so they no longer queue.
create table audit.journal (
    id                  bigserial primary key,
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
    signed_at           timestamptz
);

-- Which journal row an entry was chained from (null for entries written before the journal existed).
alter table audit.entry add column journal_id bigint unique;

-- A journal row is never changed, and leaves the journal only into the chain: deleting one that no entry was chained
-- from (an unaudited change disappearing before it was chained) is refused.
create function audit.journal_leaves_into_chain() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from audit.entry where journal_id = old.id) then
        raise exception 'audit.journal row % was not chained: delete refused', old.id
            using errcode = 'insufficient_privilege';
    end if;
    return old;
end;
$$;

create trigger journal_append_only before update on audit.journal
    for each row execute function audit.refuse_change();
create trigger journal_delete_only_when_chained before delete on audit.journal
    for each row execute function audit.journal_leaves_into_chain();
create trigger journal_no_truncate before truncate on audit.journal
    for each statement execute function audit.refuse_change();
