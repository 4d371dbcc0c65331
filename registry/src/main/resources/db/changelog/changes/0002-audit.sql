--liquibase formatted sql

--changeset hmbd:0002-1
create table audit_event (
    id        bigserial primary key,
    at        timestamptz  not null default now(),
    actor     varchar(64)  not null,
    action    varchar(200) not null,
    target    varchar(500),
    outcome   varchar(20)  not null,
    status    integer,
    detail    varchar(200),
    client_ip varchar(64)
);
create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor);

--changeset hmbd:0002-2 splitStatements:false
-- History tables are append-only: rows may be inserted, never changed or removed.
create function hmbd_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only', tg_table_name using errcode = '42501';
end;
$$;

--changeset hmbd:0002-3
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function hmbd_refuse_change();
