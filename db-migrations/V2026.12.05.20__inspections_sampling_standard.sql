-- Inspections module: the standard an ISO_2859_1 (table) plan follows. ISO 2859-1:1999 and ANSI/ASQ Z1.4-2003
-- share the normal and tightened tables; Z1.4 has the reduced Table II-C (a gap between Ac and Re), while Poka offers
-- no reduced plans for ISO 2859-1:1999 (its Table 2-C could not be verified). Existing table plans keep ISO.
alter table inspections.plan add column sampling_standard text;
update inspections.plan set sampling_standard = 'ISO_2859_1_1999' where kind = 'ISO_2859_1';
alter table inspections.plan add constraint plan_sampling_standard check (
    (kind = 'ISO_2859_1' and sampling_standard in ('ISO_2859_1_1999', 'ANSI_ASQ_Z1_4_2003'))
    or (kind <> 'ISO_2859_1' and sampling_standard is null));
