-- vPDQ video hashes (issue 17, ADR 0025): a video is the PDQ hashes of its frames, kept one row a frame, for a
-- captured video and for a banked one. A banked video's hash_bank row carries, as its hash, the SHA-256 of its
-- frames in the reference's text form, so the bank's one-row-per-hash key holds for videos too.
create table content_capture_frame (
    capture_id        uuid             not null references content_capture (id),
    frame_number      integer          not null,
    quality           integer          not null,
    pdq_hash          varchar(64)      not null,
    timestamp_seconds double precision not null,
    primary key (capture_id, frame_number)
);

create table hash_bank_frame (
    bank_id           bigint           not null references hash_bank (id),
    frame_number      integer          not null,
    quality           integer          not null,
    pdq_hash          varchar(64)      not null,
    timestamp_seconds double precision not null,
    primary key (bank_id, frame_number)
);

-- What a video match found: the share of the capture's frames and of the banked video's that matched, and the
-- stretch of the capture (seconds from its start) where they are.
alter table hash_match add column capture_percent double precision;
alter table hash_match add column bank_percent double precision;
alter table hash_match add column segment_start double precision;
alter table hash_match add column segment_end double precision;
