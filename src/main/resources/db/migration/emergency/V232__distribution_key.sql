-- Ready for Citus (docs/SCALE.md): an incident and everything recorded in it carry estate_id, the incident's estate, in
-- their keys. Incidents are few, but an incident's contacts, their daily NATs and health entries, its screening rounds'
-- tubes and their members (everyone in the estate, round after round), its restrictions and timeline grow with the
-- estate's people. The tables that had no estate_id take their incident's (a NAT or health entry its contact's, a tube
-- its round's, a tube's member its tube's, an assessment its closed place's), filled here; the code writes it from the
-- incident (or round, contact, closed place) it has read. An observation point (a few an estate) goes where the moves
-- to it go, as a hygiene place goes with its tasks. The contact protocol versions stay a reference table.
--
-- None of these tables is sealed by the evidence chain, so a column added to an append-only one changes no seal. The
-- append-only trigger refuses the UPDATE that fills it: it is switched off for that statement only.

-- What points at an incident or at a row of it, dropped while the keys change.
alter table emg_incident_log drop constraint emg_incident_log_incident_id_fkey;
alter table emg_observation_move drop constraint emg_observation_move_incident_id_fkey;
alter table emg_observation_move drop constraint emg_observation_move_point_id_fkey;
alter table emg_report drop constraint emg_report_incident_id_fkey;
alter table emg_lockdown drop constraint emg_lockdown_incident_id_fkey;
alter table emg_restriction drop constraint emg_restriction_incident_id_fkey;
alter table emg_leave_approval drop constraint emg_leave_approval_incident_id_fkey;
alter table emg_leave_approval drop constraint emg_leave_approval_restriction_id_fkey;
alter table emg_recovery drop constraint emg_recovery_incident_id_fkey;
alter table emg_contact_tracing drop constraint emg_contact_tracing_incident_id_fkey;
alter table emg_contact drop constraint emg_contact_incident_id_fkey;
alter table emg_contact drop constraint emg_contact_parent_id_fkey;
alter table emg_contact_nat drop constraint emg_contact_nat_contact_id_fkey;
alter table emg_contact_health drop constraint emg_contact_health_contact_id_fkey;
alter table emg_screening_round drop constraint emg_screening_round_incident_id_fkey;
alter table emg_screening_sample drop constraint emg_screening_sample_round_id_fkey;
alter table emg_screening_sample_member drop constraint emg_screening_sample_member_sample_id_fkey;
alter table emg_closed_place drop constraint emg_closed_place_incident_id_fkey;
alter table emg_place_assessment drop constraint emg_place_assessment_closed_place_id_fkey;

-- The tables that carry estate_id already: their keys take it.
alter table emg_incident drop constraint emg_incident_pkey;
alter table emg_incident add constraint emg_incident_pkey primary key (id, estate_id);
alter table emg_observation_point drop constraint emg_observation_point_pkey;
alter table emg_observation_point add constraint emg_observation_point_pkey primary key (id, estate_id);
alter table emg_lockdown drop constraint emg_lockdown_pkey;
alter table emg_lockdown add constraint emg_lockdown_pkey primary key (id, estate_id);
drop index emg_lockdown_open_per_incident;
create unique index emg_lockdown_open_per_incident on emg_lockdown (incident_id, estate_id) where ended_at is null;
alter table emg_restriction drop constraint emg_restriction_pkey;
alter table emg_restriction add constraint emg_restriction_pkey primary key (id, estate_id);
alter table emg_recovery drop constraint emg_recovery_pkey;
alter table emg_recovery add constraint emg_recovery_pkey primary key (id, estate_id);
alter table emg_screening_round drop constraint emg_screening_round_pkey;
alter table emg_screening_round add constraint emg_screening_round_pkey primary key (id, estate_id);
alter table emg_screening_round drop constraint emg_screening_round_incident_id_number_key;
alter table emg_screening_round add constraint emg_screening_round_incident_id_number_key unique (incident_id, number, estate_id);
alter table emg_closed_place drop constraint emg_closed_place_pkey;
alter table emg_closed_place add constraint emg_closed_place_pkey primary key (id, estate_id);
drop index emg_closed_place_once;
create unique index emg_closed_place_once on emg_closed_place (incident_id, name, estate_id) where reopened_at is null;

-- The incident's timeline, moves, reports, leave approvals, tracing and contacts: the incident's estate.
alter table emg_incident_log add column estate_id bigint;
alter table emg_incident_log disable trigger emg_incident_log_append_only;
update emg_incident_log l set estate_id = i.estate_id from emg_incident i where i.id = l.incident_id;
alter table emg_incident_log enable trigger emg_incident_log_append_only;

alter table emg_observation_move add column estate_id bigint;
alter table emg_observation_move disable trigger emg_observation_move_append_only;
update emg_observation_move m set estate_id = i.estate_id from emg_incident i where i.id = m.incident_id;
alter table emg_observation_move enable trigger emg_observation_move_append_only;

alter table emg_report add column estate_id bigint;
alter table emg_report disable trigger emg_report_append_only;
update emg_report r set estate_id = i.estate_id from emg_incident i where i.id = r.incident_id;
alter table emg_report enable trigger emg_report_append_only;

alter table emg_leave_approval add column estate_id bigint;
alter table emg_leave_approval disable trigger emg_leave_approval_append_only;
update emg_leave_approval a set estate_id = i.estate_id from emg_incident i where i.id = a.incident_id;
alter table emg_leave_approval enable trigger emg_leave_approval_append_only;

alter table emg_contact_tracing add column estate_id bigint;
update emg_contact_tracing t set estate_id = i.estate_id from emg_incident i where i.id = t.incident_id;

alter table emg_contact add column estate_id bigint;
update emg_contact c set estate_id = i.estate_id from emg_incident i where i.id = c.incident_id;

-- A contact's NATs and health entries: the contact's; a tube: its round's; a tube's member: its tube's; an assessment:
-- its closed place's.
alter table emg_contact_nat add column estate_id bigint;
alter table emg_contact_nat disable trigger emg_contact_nat_append_only;
update emg_contact_nat n set estate_id = c.estate_id from emg_contact c where c.id = n.contact_id;
alter table emg_contact_nat enable trigger emg_contact_nat_append_only;

alter table emg_contact_health add column estate_id bigint;
alter table emg_contact_health disable trigger emg_contact_health_append_only;
update emg_contact_health h set estate_id = c.estate_id from emg_contact c where c.id = h.contact_id;
alter table emg_contact_health enable trigger emg_contact_health_append_only;

alter table emg_screening_sample add column estate_id bigint;
alter table emg_screening_sample disable trigger emg_screening_sample_append_only;
update emg_screening_sample s set estate_id = r.estate_id from emg_screening_round r where r.id = s.round_id;
alter table emg_screening_sample enable trigger emg_screening_sample_append_only;

alter table emg_screening_sample_member add column estate_id bigint;
alter table emg_screening_sample_member disable trigger emg_screening_sample_member_append_only;
update emg_screening_sample_member m set estate_id = s.estate_id from emg_screening_sample s where s.id = m.sample_id;
alter table emg_screening_sample_member enable trigger emg_screening_sample_member_append_only;

alter table emg_place_assessment add column estate_id bigint;
alter table emg_place_assessment disable trigger emg_place_assessment_append_only;
update emg_place_assessment a set estate_id = p.estate_id from emg_closed_place p where p.id = a.closed_place_id;
alter table emg_place_assessment enable trigger emg_place_assessment_append_only;

-- Their keys: the estate, not null, in the primary key and every unique index.
alter table emg_incident_log alter column estate_id set not null;
alter table emg_incident_log drop constraint emg_incident_log_pkey;
alter table emg_incident_log add constraint emg_incident_log_pkey primary key (id, estate_id);
alter table emg_observation_move alter column estate_id set not null;
alter table emg_observation_move drop constraint emg_observation_move_pkey;
alter table emg_observation_move add constraint emg_observation_move_pkey primary key (id, estate_id);
alter table emg_report alter column estate_id set not null;
alter table emg_report drop constraint emg_report_pkey;
alter table emg_report add constraint emg_report_pkey primary key (id, estate_id);
alter table emg_leave_approval alter column estate_id set not null;
alter table emg_leave_approval drop constraint emg_leave_approval_pkey;
alter table emg_leave_approval add constraint emg_leave_approval_pkey primary key (id, estate_id);
alter table emg_contact_tracing alter column estate_id set not null;
alter table emg_contact_tracing drop constraint emg_contact_tracing_pkey;
alter table emg_contact_tracing add constraint emg_contact_tracing_pkey primary key (incident_id, estate_id);
alter table emg_contact alter column estate_id set not null;
alter table emg_contact drop constraint emg_contact_pkey;
alter table emg_contact add constraint emg_contact_pkey primary key (id, estate_id);
drop index emg_contact_once;
create unique index emg_contact_once on emg_contact (incident_id, coalesce(parent_id, 0), identity, estate_id);
alter table emg_contact_nat alter column estate_id set not null;
alter table emg_contact_nat drop constraint emg_contact_nat_pkey;
alter table emg_contact_nat add constraint emg_contact_nat_pkey primary key (id, estate_id);
alter table emg_contact_health alter column estate_id set not null;
alter table emg_contact_health drop constraint emg_contact_health_pkey;
alter table emg_contact_health add constraint emg_contact_health_pkey primary key (id, estate_id);
alter table emg_screening_sample alter column estate_id set not null;
alter table emg_screening_sample drop constraint emg_screening_sample_pkey;
alter table emg_screening_sample add constraint emg_screening_sample_pkey primary key (id, estate_id);
alter table emg_screening_sample_member alter column estate_id set not null;
alter table emg_screening_sample_member drop constraint emg_screening_sample_member_pkey;
alter table emg_screening_sample_member add constraint emg_screening_sample_member_pkey primary key (sample_id, person_ref, estate_id);
alter table emg_place_assessment alter column estate_id set not null;
alter table emg_place_assessment drop constraint emg_place_assessment_pkey;
alter table emg_place_assessment add constraint emg_place_assessment_pkey primary key (id, estate_id);

-- Every reference within the incident carries the estate.
alter table emg_incident_log add constraint emg_incident_log_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_observation_move add constraint emg_observation_move_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_observation_move add constraint emg_observation_move_point_id_fkey
    foreign key (point_id, estate_id) references emg_observation_point (id, estate_id);
alter table emg_report add constraint emg_report_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_lockdown add constraint emg_lockdown_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_restriction add constraint emg_restriction_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_leave_approval add constraint emg_leave_approval_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_leave_approval add constraint emg_leave_approval_restriction_id_fkey
    foreign key (restriction_id, estate_id) references emg_restriction (id, estate_id);
alter table emg_recovery add constraint emg_recovery_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_contact_tracing add constraint emg_contact_tracing_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_contact add constraint emg_contact_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_contact add constraint emg_contact_parent_id_fkey
    foreign key (parent_id, estate_id) references emg_contact (id, estate_id);
alter table emg_contact_nat add constraint emg_contact_nat_contact_id_fkey
    foreign key (contact_id, estate_id) references emg_contact (id, estate_id);
alter table emg_contact_health add constraint emg_contact_health_contact_id_fkey
    foreign key (contact_id, estate_id) references emg_contact (id, estate_id);
alter table emg_screening_round add constraint emg_screening_round_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_screening_sample add constraint emg_screening_sample_round_id_fkey
    foreign key (round_id, estate_id) references emg_screening_round (id, estate_id);
alter table emg_screening_sample_member add constraint emg_screening_sample_member_sample_id_fkey
    foreign key (sample_id, estate_id) references emg_screening_sample (id, estate_id);
alter table emg_closed_place add constraint emg_closed_place_incident_id_fkey
    foreign key (incident_id, estate_id) references emg_incident (id, estate_id);
alter table emg_place_assessment add constraint emg_place_assessment_closed_place_id_fkey
    foreign key (closed_place_id, estate_id) references emg_closed_place (id, estate_id);
