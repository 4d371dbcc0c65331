--liquibase formatted sql

--changeset hmbd:0011-1
-- The audit trail as a hash chain (issue 13): each record carries its position (seq), the hash of its
-- predecessor, its own hash (SHA-256 over its content and prev_hash) and a MAC of that hash keyed
-- from outside the database. The head row is the chain's end, MACed too. Only AuditLog writes them;
-- AuditChain verifies. Rows written before this change set keep seq null and stay outside the chain.
alter table audit_event add column seq bigint, add column prev_hash char(64), add column hash char(64),
    add column mac char(64);
create unique index audit_event_seq_uk on audit_event (seq);
create index audit_event_hash_idx on audit_event (hash);
create table audit_chain_head (
    id    smallint    primary key check (id = 1),
    seq   bigint      not null,
    hash  char(64)    not null,
    mac   char(64)
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));
comment on table audit_event is 'classification: personal (account names, client addresses); append-only, hash-chained';
comment on table audit_chain_head is 'classification: internal; the end of the audit chain';

--changeset hmbd:0011-2
-- Statement-level triggers refuse UPDATE, DELETE and TRUNCATE on every append-only table whatever
-- the rows (TRUNCATE fires no row trigger; a statement matching no row fires none either).
create trigger audit_event_no_change before update or delete or truncate on audit_event
    for each statement execute function hmbd_refuse_change();
create trigger audit_chain_head_fixed before delete or truncate on audit_chain_head
    for each statement execute function hmbd_refuse_change();
create trigger edition_transition_no_change before update or delete or truncate on edition_transition
    for each statement execute function hmbd_refuse_change();
create trigger artifact_revision_no_change before update or delete or truncate on artifact_revision
    for each statement execute function hmbd_refuse_change();
create trigger proposal_transition_no_change before update or delete or truncate on proposal_transition
    for each statement execute function hmbd_refuse_change();
create trigger conformance_run_transition_no_change before update or delete or truncate on conformance_run_transition
    for each statement execute function hmbd_refuse_change();
create trigger effectiveness_evaluation_no_change before update or delete or truncate on effectiveness_evaluation
    for each statement execute function hmbd_refuse_change();
