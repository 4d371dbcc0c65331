--liquibase formatted sql

--changeset hmbd:0007-1
-- The hospital grade of an institution (tertiary, secondary, primary, ungraded); adoption is
-- reported by it. Null for organizations that are not institutions.
alter table organization add column grade varchar(20);
