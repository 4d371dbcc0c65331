--liquibase formatted sql

--changeset hmbd:0006-1
-- Effectiveness evaluations of editions (Art. 14-15): a snapshot of the adoption metrics, the
-- evaluator's conclusion and reasons, and the proposal a revise or abolish conclusion opened.
create table effectiveness_evaluation (
    id            bigserial primary key,
    edition_id    bigint        not null references edition (id),
    evaluator_id  bigint        not null references app_user (id),
    conclusion    varchar(20)   not null,
    reasons       varchar(4000) not null,
    metrics       jsonb         not null,
    proposal_id   bigint references proposal (id),
    created_at    timestamptz   not null default now()
);
create index effectiveness_evaluation_edition_idx on effectiveness_evaluation (edition_id);
create trigger effectiveness_evaluation_append_only before update or delete on effectiveness_evaluation
    for each row execute function hmbd_refuse_change();
