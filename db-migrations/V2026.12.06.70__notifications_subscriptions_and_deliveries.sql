-- Notifications module: who is told about incidents (subscriptions), and every message owed to a recipient
-- (deliveries), written in the transaction of the incident change and sent by a worker with retries.
create schema if not exists notifications;

create table notifications.subscription (
    id                 uuid primary key,
    name               text not null,
    line               text,                      -- null: every line
    min_severity       text not null check (min_severity in ('HIGH', 'MEDIUM', 'LOW')),
    channel            text not null check (channel in ('EMAIL', 'WEBHOOK')),
    target             text not null,             -- e-mail address or webhook URL
    secret             text,                      -- webhook HMAC-SHA256 key; never returned by the API
    secret_updated_at  timestamptz,
    changes            text[] not null,           -- change kinds notified; always contains OPENED
    escalation_target  text,                      -- second recipient (same channel), told once if unacknowledged
    escalate_after_s   bigint check (escalate_after_s > 0), -- null: poka.notifications.escalate-after
    created_at         timestamptz not null,
    created_by         text not null,
    updated_at         timestamptz not null,
    updated_by         text not null,
    deleted_at         timestamptz,
    check ((channel = 'WEBHOOK') = (secret is not null))
);
create index subscription_active_line on notifications.subscription (line) where deleted_at is null;

create table notifications.delivery (
    id               uuid primary key,
    subscription_id  uuid not null references notifications.subscription (id),
    incident_id      uuid not null,
    line             text not null,
    kind             text not null check (kind in ('OPENED', 'ACKNOWLEDGED', 'ASSIGNED', 'RESOLVED', 'FALSE_ALARM',
                                                   'ESCALATED')),
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    recipient        text not null,
    status           text not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED', 'CANCELLED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    payload          text not null             -- the JSON body (webhook) and the facts of the e-mail
);
-- Exactly one message per (incident, change kind, recipient), however often the change is observed or replayed.
create unique index delivery_once on notifications.delivery (incident_id, kind, channel, recipient);
create index delivery_due on notifications.delivery (next_attempt_at) where status = 'PENDING';
create index delivery_created on notifications.delivery (created_at desc, id);
