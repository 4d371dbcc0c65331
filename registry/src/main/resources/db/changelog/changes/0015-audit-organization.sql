--liquibase formatted sql

--changeset hmbd:0015-1
-- The acting account's organization on each audit record, for the regulator port's audit events of a
-- region (issue 13). Part of the record's hash when set.
alter table audit_event add column organization_id bigint;
create index audit_event_organization_idx on audit_event (organization_id);
