--liquibase formatted sql

--changeset hmbd:0001-1
create table organization (
    id            bigserial primary key,
    name_zh       varchar(200) not null,
    name_en       varchar(200),
    kind          varchar(30)  not null,
    level         varchar(30)  not null,
    region_code   char(6)      not null,
    created_at    timestamptz  not null default now()
);
create unique index organization_name_zh_uk on organization (name_zh);

create table app_user (
    id                    bigserial primary key,
    username              varchar(64)  not null,
    display_name          varchar(100) not null,
    email                 varchar(200),
    organization_id       bigint references organization (id),
    password_hash         varchar(200) not null,
    must_change_password  boolean      not null default true,
    enabled               boolean      not null default true,
    created_at            timestamptz  not null default now(),
    password_changed_at   timestamptz
);
create unique index app_user_username_uk on app_user (lower(username));

create table user_role (
    user_id  bigint      not null references app_user (id),
    role     varchar(40) not null,
    primary key (user_id, role)
);

create table api_token (
    id          bigserial primary key,
    user_id     bigint       not null references app_user (id),
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index api_token_user_idx on api_token (user_id);
