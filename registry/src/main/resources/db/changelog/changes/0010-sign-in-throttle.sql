--liquibase formatted sql

--changeset hmbd:0010-1
-- Consecutive failed sign-ins, per account and per client address (an IPv4 address or an IPv6 /64),
-- and the back-off they earned. Only SignInThrottle writes it. A row is forgotten once its last
-- failure is older than hmbd.auth.lockout.forget-after. Names that match no account are never
-- stored, so an attacker cannot fill the table (or the audit trail) with made-up user names.
create table sign_in_throttle (
    kind             varchar(10)  not null check (kind in ('ACCOUNT', 'ADDRESS')),
    subject          varchar(64)  not null,
    failures         integer      not null,
    last_failure_at  timestamptz  not null,
    locked_until     timestamptz,
    primary key (kind, subject)
);
create index sign_in_throttle_last_failure_idx on sign_in_throttle (last_failure_at);
comment on table sign_in_throttle is 'classification: internal (client addresses of failed sign-ins)';
