--liquibase formatted sql

--changeset hmbd:0013-1
-- Organizations form the administrative tree (issue 13): national > province > prefecture > county >
-- institution, each under its parent, with the materialized path of ids from the root
-- ('/1/5/23/') for subtree checks. Existing organizations are placed by level and GB/T 2260 code:
-- under the nearest organization above whose region holds theirs (a health administration first).
alter table organization add column parent_id bigint references organization (id), add column path varchar(400);

update organization o set parent_id = (select n.id from organization n where n.level = 'NATIONAL' order by n.id limit 1)
where o.level = 'NATIONAL' and o.id <> (select min(n.id) from organization n where n.level = 'NATIONAL');
update organization o set parent_id = (select n.id from organization n where n.level = 'NATIONAL' order by n.id limit 1)
where o.level = 'PROVINCE';
update organization o set parent_id = coalesce(
    (select p.id from organization p where p.level = 'PROVINCE' and p.region_code = substr(o.region_code, 1, 2) || '0000'
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select n.id from organization n where n.level = 'NATIONAL' order by n.id limit 1))
where o.level = 'PREFECTURE';
update organization o set parent_id = coalesce(
    (select p.id from organization p where p.level = 'PREFECTURE' and p.region_code = substr(o.region_code, 1, 4) || '00'
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select p.id from organization p where p.level = 'PROVINCE' and p.region_code = substr(o.region_code, 1, 2) || '0000'
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select n.id from organization n where n.level = 'NATIONAL' order by n.id limit 1))
where o.level = 'COUNTY';
update organization o set parent_id = coalesce(
    (select p.id from organization p where p.level = 'COUNTY' and p.region_code = o.region_code
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select p.id from organization p where p.level = 'PREFECTURE' and p.region_code = substr(o.region_code, 1, 4) || '00'
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select p.id from organization p where p.level = 'PROVINCE' and p.region_code = substr(o.region_code, 1, 2) || '0000'
     order by (p.kind <> 'HEALTH_ADMINISTRATION'), p.id limit 1),
    (select n.id from organization n where n.level = 'NATIONAL' order by n.id limit 1))
where o.level = 'INSTITUTION';

with recursive tree (id, path) as (
    select id, '/' || id || '/' from organization where parent_id is null
    union all
    select o.id, t.path || o.id || '/' from organization o join tree t on o.parent_id = t.id)
update organization o set path = tree.path from tree where o.id = tree.id;
alter table organization alter column path set not null;
create index organization_path_idx on organization (path varchar_pattern_ops);
create index organization_parent_idx on organization (parent_id);
comment on table organization is 'classification: public (names, levels, division codes)';
