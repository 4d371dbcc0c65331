--liquibase formatted sql

--changeset hmbd:0016-1
-- Each audit record names the acting account by id and masked real name (issue 13), so that an
-- action is traceable to the responsible person (Art. 23) without a name in clear. Part of the
-- record's hash when set.
alter table audit_event add column actor_id bigint, add column actor_name_masked varchar(100);
comment on column audit_event.actor_name_masked is 'classification: personal (masked)';
