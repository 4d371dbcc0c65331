--liquibase formatted sql

--changeset hmbd:0003-1
-- The standard-system framework: a tree of categories.
create table category (
    id         bigserial primary key,
    code       varchar(40)  not null unique,
    parent_id  bigint references category (id),
    name_zh    varchar(100) not null,
    name_en    varchar(100) not null,
    sort_order integer      not null default 0
);

create table working_group (
    id                    bigserial primary key,
    name                  varchar(200) not null,
    lead_organization_id  bigint       not null references organization (id),
    created_at            timestamptz  not null default now()
);

create table working_group_member (
    working_group_id  bigint      not null references working_group (id),
    user_id           bigint      not null references app_user (id),
    role              varchar(20) not null,
    added_at          timestamptz not null default now(),
    primary key (working_group_id, user_id)
);

create table standard (
    id           bigserial primary key,
    title_zh     varchar(300) not null,
    title_en     varchar(300),
    category_id  bigint       not null references category (id),
    level        varchar(4)   not null,
    number       varchar(40),
    status       varchar(20)  not null,
    created_at   timestamptz  not null default now()
);
create unique index standard_number_uk on standard (number);

create table edition (
    id                    bigserial primary key,
    standard_id           bigint       not null references standard (id),
    working_group_id      bigint       references working_group (id),
    status                varchar(20)  not null,
    code                  varchar(60),
    effective_date        date,
    published_at          timestamptz,
    comment_deadline      date,
    supersedes_id         bigint references edition (id),
    superseded_by_id      bigint references edition (id),
    created_at            timestamptz  not null default now(),
    version               integer      not null default 0
);
create unique index edition_code_uk on edition (code);
create index edition_standard_idx on edition (standard_id);

create table edition_transition (
    id          bigserial primary key,
    edition_id  bigint       not null references edition (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor       varchar(64)  not null,
    at          timestamptz  not null default now(),
    reason      varchar(2000)
);
create index edition_transition_edition_idx on edition_transition (edition_id);
create trigger edition_transition_append_only before update or delete on edition_transition
    for each row execute function hmbd_refuse_change();

create table edition_comment (
    id                  bigserial primary key,
    edition_id          bigint        not null references edition (id),
    author_id           bigint        not null references app_user (id),
    section             varchar(200),
    text                varchar(10000) not null,
    created_at          timestamptz   not null default now(),
    disposition         varchar(20),
    disposition_reason  varchar(2000),
    disposed_by         bigint references app_user (id),
    disposed_at         timestamptz
);
create index edition_comment_edition_idx on edition_comment (edition_id);

create table artifact_revision (
    id           bigserial primary key,
    edition_id   bigint       not null references edition (id),
    name         varchar(200) not null,
    revision     integer      not null,
    media_type   varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null default now(),
    unique (edition_id, name, revision)
);
create trigger artifact_revision_append_only before update or delete on artifact_revision
    for each row execute function hmbd_refuse_change();

--changeset hmbd:0003-2
insert into category (code, parent_id, name_zh, name_en, sort_order) values
    ('FOUNDATIONAL', null, '基础类标准', 'Foundational', 1),
    ('DATA', null, '数据类标准', 'Data', 2),
    ('TECHNICAL', null, '技术类标准', 'Technical', 3),
    ('MANAGEMENT', null, '管理类标准', 'Management', 4),
    ('SECURITY_PRIVACY', null, '安全与隐私类标准', 'Security and privacy', 5),
    ('APPLICATION', null, '应用类标准', 'Application', 6);
insert into category (code, parent_id, name_zh, name_en, sort_order)
    select 'DATA_ELEMENT', id, '数据元标准', 'Data elements', 1 from category where code = 'DATA';
insert into category (code, parent_id, name_zh, name_en, sort_order)
    select 'DATA_SET', id, '数据集标准', 'Data sets', 2 from category where code = 'DATA';
insert into category (code, parent_id, name_zh, name_en, sort_order)
    select 'CODE_TABLE', id, '代码标准', 'Code tables', 3 from category where code = 'DATA';
insert into category (code, parent_id, name_zh, name_en, sort_order)
    select 'INTEROPERABILITY', id, '互联互通标准', 'Interoperability', 1 from category where code = 'TECHNICAL';
