--liquibase formatted sql

--changeset hmbd:0012-1
-- Accounts bind to a real identity (issue 13): the real name and the identity number encrypted
-- (AES-256-GCM, IdentityVault), the number's keyed hash for uniqueness, masks for display. And an
-- explicit state machine (AccountLifecycle) with history, replacing the enabled flag.
alter table app_user
    add column status            varchar(30) not null default 'ACTIVE',
    add column version           bigint      not null default 0,
    add column real_name_enc     bytea,
    add column real_name_masked  varchar(100),
    add column id_kind           varchar(30),
    add column id_number_enc     bytea,
    add column id_number_hmac    char(64),
    add column id_number_masked  varchar(40);
update app_user set status = case when enabled then 'ACTIVE' else 'DISABLED' end;
alter table app_user drop column enabled;
alter table app_user add constraint app_user_status_ck check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'LOCKED', 'DISABLED'));
alter table app_user add constraint app_user_id_kind_ck check (id_kind is null or id_kind in
    ('RESIDENT_ID_CARD', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT'));
create unique index app_user_identity_uk on app_user (id_kind, id_number_hmac) where id_number_hmac is not null;
comment on column app_user.real_name_enc is 'classification: sensitive personal; AES-256-GCM, key outside the database';
comment on column app_user.id_number_enc is 'classification: sensitive personal; AES-256-GCM, key outside the database';
comment on column app_user.id_number_hmac is 'classification: personal (pseudonymous); HMAC-SHA256 for uniqueness';
comment on column app_user.real_name_masked is 'classification: personal (masked)';
comment on column app_user.id_number_masked is 'classification: personal (masked)';
comment on column app_user.display_name is 'classification: personal';
comment on column app_user.email is 'classification: personal';
comment on column app_user.password_hash is 'classification: sensitive (credential hash)';

create table account_transition (
    id           bigserial primary key,
    user_id      bigint       not null references app_user (id),
    from_status  varchar(30),
    to_status    varchar(30)  not null,
    actor        varchar(64)  not null,
    at           timestamptz  not null default now(),
    reason       varchar(2000),
    constraint account_transition_status_ck check (
        to_status in ('PENDING_VERIFICATION', 'ACTIVE', 'LOCKED', 'DISABLED')
        and (from_status is null or from_status in ('PENDING_VERIFICATION', 'ACTIVE', 'LOCKED', 'DISABLED')))
);
create index account_transition_user_idx on account_transition (user_id);
create trigger account_transition_append_only before update or delete on account_transition
    for each row execute function hmbd_refuse_change();
create trigger account_transition_no_change before update or delete or truncate on account_transition
    for each statement execute function hmbd_refuse_change();
