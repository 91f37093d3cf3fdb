-- Inspections module: photos taken by the inspector (tablet camera) and stored with the inspection. The SHA-256 of
-- the bytes identifies a photo within its inspection, so a retried upload stores it once.
create table inspections.inspection_photo (
    id              uuid primary key,
    inspection_id   uuid not null references inspections.inspection (id),
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content_type    text not null,
    size_bytes      integer not null check (size_bytes > 0),
    file_name       text,
    bytes           bytea not null,
    uploaded_by     text not null,
    uploaded_at     timestamptz not null,
    unique (inspection_id, sha256)
);
create index inspection_photo_inspection on inspections.inspection_photo (inspection_id);
