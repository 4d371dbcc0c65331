--liquibase formatted sql

--changeset hmbd:0017-1
-- Separation of duties (issue 13, GB/T 22239-2019 level 3): the national administrator's powers are
-- split between the system administrator (accounts and organizations), the security administrator
-- (roles and tokens) and the standards administrator (work plan, publication, categories). An
-- existing national administrator keeps the accounts and organizations: it becomes the system
-- administrator, held alone, so any other role it held is withdrawn here (and recorded below). The
-- server creates a security administrator at its next start when none exists; that one grants the
-- standards administration to another account.
create table role_change (
    id       bigserial primary key,
    user_id  bigint        not null references app_user (id),
    role     varchar(40)   not null,
    granted  boolean       not null,
    actor    varchar(64)   not null,
    at       timestamptz   not null default now(),
    reason   varchar(2000)
);
create index role_change_user on role_change (user_id, id);
comment on table role_change is 'classification: internal. Every grant and withdrawal of a role: who, when, why (append-only)';
create trigger role_change_no_change before update or delete or truncate on role_change
    for each statement execute function hmbd_refuse_change();

insert into role_change (user_id, role, granted, actor, reason)
select user_id, role, false, 'system', 'separation of duties: a system administrator holds no other role (upgrade 0017)'
from user_role
where role <> 'NATIONAL_ADMIN' and user_id in (select user_id from user_role where role = 'NATIONAL_ADMIN');
delete from user_role
where role <> 'NATIONAL_ADMIN' and user_id in (select user_id from user_role where role = 'NATIONAL_ADMIN');
insert into role_change (user_id, role, granted, actor, reason)
select user_id, 'SYSTEM_ADMIN', true, 'system', 'the national administrator becomes the system administrator (upgrade 0017)'
from user_role where role = 'NATIONAL_ADMIN';
update user_role set role = 'SYSTEM_ADMIN' where role = 'NATIONAL_ADMIN';
comment on table user_role is 'classification: internal. The roles an account holds (see role_change for their history)';
