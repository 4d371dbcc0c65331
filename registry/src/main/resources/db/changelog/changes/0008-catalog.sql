--liquibase formatted sql

--changeset hmbd:0008-1
-- The resource catalog (Measures Art. 37): one row per catalog item, derived from the standards,
-- their editions and the editions' content packages. A projection: rebuilt from those tables at any
-- time; the search index on Elasticsearch is in turn derived from it.
create table catalog_item (
    item_key       varchar(600)  primary key,
    item_type      varchar(20)   not null,
    standard_id    bigint        not null references standard (id),
    edition_id     bigint        references edition (id),
    identifier     varchar(300)  not null,
    url            varchar(500),
    version        varchar(60),
    name_zh        varchar(500)  not null,
    name_en        varchar(500),
    definition_zh  text,
    definition_en  text,
    codes          text[]        not null default '{}',
    terms          text,
    status         varchar(20)   not null,
    public         boolean       not null,
    category       varchar(40),
    level          varchar(4),
    year           integer,
    organization   varchar(200),
    standard_code  varchar(60),
    links          jsonb         not null default '[]',
    updated_at     timestamptz   not null default now()
);
create index catalog_item_standard_idx on catalog_item (standard_id);
create index catalog_item_url_idx on catalog_item (url);
create index catalog_item_identifier_idx on catalog_item (identifier);
create index catalog_item_codes_idx on catalog_item using gin (codes);

--changeset hmbd:0008-2
-- Transactional outbox, stage 1: every change to a standard, an edition or an artifact writes a row
-- in the same transaction (triggers: no code path can forget it). The catalog projector turns the
-- rows into catalog_item changes.
create table catalog_outbox (
    id           bigserial    primary key,
    standard_id  bigint       not null,
    created_at   timestamptz  not null default now()
);

-- Stage 2: each catalog item whose row changed or went away; the search feeder sends them to
-- Elasticsearch and deletes the rows only once Elasticsearch has taken them, so nothing is lost
-- while it is down.
create table search_outbox (
    id          bigserial     primary key,
    item_key    varchar(600)  not null,
    created_at  timestamptz   not null default now()
);

--changeset hmbd:0008-3 splitStatements:false
create function hmbd_catalog_changed() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'standard' then
        insert into catalog_outbox (standard_id) values (new.id);
    elsif tg_table_name = 'edition' then
        insert into catalog_outbox (standard_id) values (new.standard_id);
    else
        insert into catalog_outbox (standard_id) select standard_id from edition where id = new.edition_id;
    end if;
    return null;
end;
$$;

--changeset hmbd:0008-4
create trigger standard_catalog_changed after insert or update on standard
    for each row execute function hmbd_catalog_changed();
create trigger edition_catalog_changed after insert or update on edition
    for each row execute function hmbd_catalog_changed();
create trigger artifact_catalog_changed after insert on artifact_revision
    for each row execute function hmbd_catalog_changed();
-- what is already there enters the catalog at the next start
insert into catalog_outbox (standard_id) select id from standard;

--changeset hmbd:0008-5
-- The one index rebuild that may run at a time, with its progress; while it runs, the search feeder
-- writes every change to the new index as well.
create table search_rebuild (
    id            integer       primary key check (id = 1),
    target_index  varchar(200)  not null,
    started_by    varchar(64)   not null,
    started_at    timestamptz   not null,
    heartbeat_at  timestamptz   not null,
    items_total   bigint        not null default 0,
    items_done    bigint        not null default 0,
    finished_at   timestamptz,
    error         varchar(2000)
);
