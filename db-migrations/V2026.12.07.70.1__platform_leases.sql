-- Run-once work across replicas (io.poka.platform.Leases): one row per named piece of work, held by one replica
-- until expires_at; the holder renews it on a heartbeat, any replica may take it once it has expired.
create table platform.lease (
    name        text primary key,
    owner       text not null,
    expires_at  timestamptz not null,
    acquired_at timestamptz not null,
    -- incremented each time the lease changes hands: a fencing token and a count of take-overs
    generation  bigint not null default 1
);
