--liquibase formatted sql

--changeset hmbd:0014-1
-- Personal access tokens for API clients (issue 13): named, scoped, expiring, listed and revoked by
-- their owner and by an administrator above them. Sign-in tokens (kind SIGN_IN) carry every scope of
-- their account. Only a SHA-256 of each token is stored.
alter table api_token
    add column kind          varchar(20)  not null default 'SIGN_IN',
    add column name          varchar(100),
    add column scopes        varchar(200),
    add column last_used_at  timestamptz;
alter table api_token add constraint api_token_kind_ck check (kind in ('SIGN_IN', 'PERSONAL'));
comment on table api_token is 'classification: sensitive (credential hashes)';
