-- Platform module: users, roles and the transactional outbox of quality events.
create schema if not exists platform;

create table platform.user_account (
    id                  uuid primary key,
    username            text not null unique,
    display_name        text not null,
    password_hash       text not null,
    enabled             boolean not null default true,
    failed_attempts     integer not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz not null,
    password_changed_at timestamptz not null,
    version             bigint not null default 0
);

create table platform.user_role (
    user_id uuid not null references platform.user_account (id) on delete cascade,
    role    text not null check (role in ('admin', 'qa-manager', 'inspector', 'auditor', 'integration')),
    primary key (user_id, role)
);

create table platform.outbox_event (
    id           uuid primary key,
    type         text not null,
    event_key    text not null,
    payload      jsonb not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_event_pending on platform.outbox_event (occurred_at, id) where published_at is null;
