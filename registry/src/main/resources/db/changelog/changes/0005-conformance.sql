--liquibase formatted sql

--changeset hmbd:0005-1
-- Content shipped with the product and registered at first start: which package an edition came from.
alter table edition add column shipped_package varchar(200);
create unique index edition_shipped_package_uk on edition (shipped_package);

--changeset hmbd:0005-2
-- Conformance test runs: a durable queue (claimed with FOR UPDATE SKIP LOCKED) and their results.
create table conformance_run (
    id                bigserial primary key,
    edition_id        bigint        not null references edition (id),
    organization_id   bigint        not null references organization (id),
    submitted_by      bigint        not null references app_user (id),
    status            varchar(20)   not null,
    rerun_of          bigint references conformance_run (id),
    attempts          integer       not null default 0,
    lease_owner       varchar(100),
    lease_until       timestamptz,
    cancel_requested  boolean       not null default false,
    bytes_total       bigint        not null default 0,
    bytes_done        bigint        not null default 0,
    resources_done    bigint        not null default 0,
    resources_estimate bigint,
    created_at        timestamptz   not null default now(),
    queued_at         timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    failure           varchar(2000),
    score             numeric(5, 2),
    level_code        varchar(20),
    passed            boolean,
    resources         bigint,
    errors            bigint,
    warnings          bigint,
    scores            jsonb,
    report_gz         bytea,
    report_sha256     char(64),
    data_destroyed_at timestamptz,
    version           integer       not null default 0
);
create index conformance_run_queue_idx on conformance_run (status, queued_at);
create index conformance_run_org_idx on conformance_run (organization_id, edition_id, finished_at);
create index conformance_run_edition_idx on conformance_run (edition_id, finished_at);

create table conformance_run_transition (
    id           bigserial primary key,
    run_id       bigint       not null references conformance_run (id),
    from_status  varchar(20),
    to_status    varchar(20)  not null,
    actor        varchar(64)  not null,
    at           timestamptz  not null default now(),
    reason       varchar(2000)
);
create index conformance_run_transition_run_idx on conformance_run_transition (run_id);
create trigger conformance_run_transition_append_only before update or delete on conformance_run_transition
    for each row execute function hmbd_refuse_change();

-- Uploaded files: stored encrypted outside the database; only their description is here.
create table run_upload (
    id            bigserial primary key,
    run_id        bigint        not null references conformance_run (id),
    name          varchar(255)  not null,
    media_type    varchar(100),
    size_bytes    bigint        not null,
    sha256        char(64)      not null,
    storage_key   varchar(200)  not null,
    key_id        varchar(64)   not null,
    uploaded_at   timestamptz   not null default now(),
    unique (run_id, name)
);

-- Per check: how often it failed in a run (all findings are counted, not only those kept).
create table run_check (
    run_id      bigint        not null references conformance_run (id),
    check_id    varchar(200)  not null,
    severity    varchar(12)   not null,
    dimension   varchar(40)   not null,
    count       bigint        not null,
    rule        varchar(500),
    message_zh  varchar(4000),
    message_en  varchar(4000),
    primary key (run_id, check_id, severity)
);

-- Findings kept in full (up to the validator's limit per run), identifiers masked.
create table run_finding (
    run_id         bigint        not null references conformance_run (id),
    seq            integer       not null,
    check_id       varchar(200)  not null,
    severity       varchar(12)   not null,
    dimension      varchar(40)   not null,
    source         varchar(500),
    line           bigint,
    entry          integer,
    location       varchar(2000),
    resource_type  varchar(100),
    resource_id    varchar(200),
    message_zh     varchar(4000),
    message_en     varchar(4000),
    primary key (run_id, seq)
);
create index run_finding_check_idx on run_finding (run_id, check_id);

create table certificate (
    number           varchar(40)   primary key,
    run_id           bigint        not null unique references conformance_run (id),
    organization_id  bigint        not null references organization (id),
    edition_id       bigint        not null references edition (id),
    level_code       varchar(20)   not null,
    score            numeric(5, 2) not null,
    issued_on        date          not null,
    valid_until      date          not null,
    report_sha256    char(64)      not null,
    revoked_at       timestamptz,
    revoke_reason    varchar(2000)
);
create index certificate_org_idx on certificate (organization_id);
create sequence certificate_seq;
