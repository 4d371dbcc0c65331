--liquibase formatted sql

--changeset hmbd:0009-1
-- Every status column holds only a state of its lifecycle (EditionStatus, ProposalStatus, RunStatus,
-- and the standard's own DRAFT/ACTIVE/ABOLISHED/WITHDRAWN); history rows likewise. StatusChecksTest
-- keeps these lists equal to the enums.
alter table edition add constraint edition_status_ck check (status in
    ('DRAFTING', 'PUBLIC_COMMENT', 'EXPERT_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'ABOLISHED', 'WITHDRAWN'));
alter table edition_transition add constraint edition_transition_status_ck check (
    to_status in ('DRAFTING', 'PUBLIC_COMMENT', 'EXPERT_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'ABOLISHED', 'WITHDRAWN')
    and (from_status is null or from_status in
    ('DRAFTING', 'PUBLIC_COMMENT', 'EXPERT_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'ABOLISHED', 'WITHDRAWN')));
alter table standard add constraint standard_status_ck check (status in ('DRAFT', 'ACTIVE', 'ABOLISHED', 'WITHDRAWN'));
alter table proposal add constraint proposal_status_ck check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'));
alter table proposal_transition add constraint proposal_transition_status_ck check (
    to_status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')
    and (from_status is null or from_status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')));
alter table conformance_run add constraint conformance_run_status_ck check (status in
    ('AWAITING_DATA', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
alter table conformance_run_transition add constraint conformance_run_transition_status_ck check (
    to_status in ('AWAITING_DATA', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')
    and (from_status is null or from_status in ('AWAITING_DATA', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')));
--rollback alter table edition drop constraint edition_status_ck;
--rollback alter table edition_transition drop constraint edition_transition_status_ck;
--rollback alter table standard drop constraint standard_status_ck;
--rollback alter table proposal drop constraint proposal_status_ck;
--rollback alter table proposal_transition drop constraint proposal_transition_status_ck;
--rollback alter table conformance_run drop constraint conformance_run_status_ck;
--rollback alter table conformance_run_transition drop constraint conformance_run_transition_status_ck;
