--liquibase formatted sql

--changeset hmbd:0004-1
create table proposal (
    id                   bigserial primary key,
    kind                 varchar(20)  not null,
    title_zh             varchar(300) not null,
    title_en             varchar(300),
    category_id          bigint       not null references category (id),
    intended_level       varchar(4)   not null,
    scope                varchar(4000) not null,
    rationale            varchar(4000) not null,
    proposing_org        varchar(200) not null,
    proposer_id          bigint       not null references app_user (id),
    target_standard_id   bigint references standard (id),
    status               varchar(20)  not null,
    created_at           timestamptz  not null default now(),
    version              integer      not null default 0
);
create index proposal_status_idx on proposal (status);

create table proposal_transition (
    id           bigserial primary key,
    proposal_id  bigint       not null references proposal (id),
    from_status  varchar(20),
    to_status    varchar(20)  not null,
    actor        varchar(64)  not null,
    at           timestamptz  not null default now(),
    reason       varchar(2000)
);
create index proposal_transition_proposal_idx on proposal_transition (proposal_id);
create trigger proposal_transition_append_only before update or delete on proposal_transition
    for each row execute function hmbd_refuse_change();

create table plan_item (
    id                    bigserial primary key,
    plan_year             integer      not null,
    proposal_id           bigint       not null unique references proposal (id),
    lead_organization_id  bigint       not null references organization (id),
    working_group_id      bigint references working_group (id),
    standard_id           bigint references standard (id),
    edition_id            bigint references edition (id),
    due_date              date         not null,
    created_at            timestamptz  not null default now()
);
create index plan_item_year_idx on plan_item (plan_year);
