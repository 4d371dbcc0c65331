--liquibase formatted sql

--changeset hmbd:0018-1
-- Data classification (Art. 18, issue 13): every table carries its class in its comment, one of
-- public, internal, personal, sensitive personal, followed by what protects it. Columns whose
-- class differs from their table's carry their own. ClassificationIT fails on a table without one.
comment on table app_user is 'classification: personal (accounts); see the column comments for the identity fields';
comment on column app_user.password_hash is 'classification: sensitive personal (credential); Argon2id hash, never returned';
comment on table api_token is 'classification: sensitive personal (credentials); SHA-256 hashes only, never returned';
comment on table account_transition is 'classification: internal; who moved an account, when, why (append-only)';
comment on column audit_event.actor is 'classification: personal (user name); never a name that matches no account';
comment on column audit_event.client_ip is 'classification: personal (client address)';
comment on table category is 'classification: public (the standard-system framework)';
comment on table standard is 'classification: public once published; drafts internal to the working group and the standards administration';
comment on table edition is 'classification: public once published; drafts internal to the working group and the standards administration';
comment on table edition_transition is 'classification: public (the history of a published edition: who, when, why; append-only)';
comment on table artifact_revision is 'classification: public once its edition is published, internal before; content by SHA-256';
comment on table edition_comment is 'classification: internal; comments of the public comment period, author and disposition';
comment on table proposal is 'classification: internal; proposals (Art. 9) and their proposer';
comment on table proposal_transition is 'classification: internal; who moved a proposal, when, why (append-only)';
comment on table plan_item is 'classification: public (the annual work plan, Art. 8)';
comment on table working_group is 'classification: internal';
comment on table working_group_member is 'classification: internal (members of working groups)';
comment on table conformance_run is 'classification: internal; an organization''s runs and scores, seen by it and the supervisors above it';
comment on table conformance_run_transition is 'classification: internal; who moved a run, when, why (append-only)';
comment on table run_upload is 'classification: internal (file names, sizes, SHA-256); the files themselves are sensitive personal, AES-256-GCM on disk, destroyed after hmbd.conformance.retention';
comment on table run_check is 'classification: internal (counts per check)';
comment on table run_finding is 'classification: personal (resource ids and values quoted from submitted records); seen by the organization and the supervisors above it, every read audited';
comment on table certificate is 'classification: public (verification by number shows what the public needs)';
comment on table effectiveness_evaluation is 'classification: internal; national metrics for national viewers (append-only)';
comment on table catalog_item is 'classification: public for published editions, internal for drafts';
comment on table catalog_outbox is 'classification: internal (search index feed)';
comment on table search_outbox is 'classification: internal (search index feed)';
comment on table search_rebuild is 'classification: internal (index rebuilds)';
