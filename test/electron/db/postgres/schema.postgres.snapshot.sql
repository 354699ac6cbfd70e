COLUMN accounts | id | integer | NO | NULL | NULL | YES
COLUMN accounts | name | text | NO | NULL | duty_nocase | NO
COLUMN accounts | role | text | NO | NULL | C | NO
COLUMN accounts | phone | text | NO | ''::text | C | NO
COLUMN accounts | password_hash | text | NO | NULL | C | NO
COLUMN accounts | active | integer | NO | 1 | NULL | NO
COLUMN accounts | failed_count | integer | NO | 0 | NULL | NO
COLUMN accounts | locked_until | text | YES | NULL | C | NO
COLUMN accounts | created_at | text | NO | NULL | C | NO
COLUMN accounts | updated_at | text | NO | NULL | C | NO
COLUMN alarm_acks | id | integer | NO | NULL | NULL | YES
COLUMN alarm_acks | clock_key | text | NO | NULL | C | NO
COLUMN alarm_acks | acked_at | text | NO | NULL | C | NO
COLUMN alarm_acks | officer | text | NO | NULL | C | NO
COLUMN alarm_acks | seat_name | text | YES | NULL | C | NO
COLUMN alarm_acks | officer_id | integer | YES | NULL | NULL | NO
COLUMN auth_events | id | integer | NO | NULL | NULL | YES
COLUMN auth_events | at | text | NO | NULL | C | NO
COLUMN auth_events | kind | text | NO | NULL | C | NO
COLUMN auth_events | account_id | integer | YES | NULL | NULL | NO
COLUMN auth_events | name | text | NO | ''::text | C | NO
COLUMN auth_events | detail | text | NO | ''::text | C | NO
COLUMN chain | seq | integer | NO | NULL | NULL | NO
COLUMN chain | kind | text | NO | NULL | C | NO
COLUMN chain | tbl | text | NO | NULL | C | NO
COLUMN chain | row_id | integer | NO | NULL | NULL | NO
COLUMN chain | ref | text | NO | '{}'::text | C | NO
COLUMN chain | at | text | NO | NULL | C | NO
COLUMN chain | schema_version | integer | NO | NULL | NULL | NO
COLUMN chain | detail | text | NO | ''::text | C | NO
COLUMN chain | mac | text | NO | NULL | C | NO
COLUMN clock_records | rowid | bigint | NO | NULL | NULL | YES
COLUMN clock_records | incident_id | integer | NO | NULL | NULL | NO
COLUMN clock_records | clock_id | text | NO | NULL | C | NO
COLUMN clock_records | completed_at | text | YES | NULL | C | NO
COLUMN clock_records | channel | text | YES | NULL | C | NO
COLUMN clock_records | recipient_unit | text | YES | NULL | C | NO
COLUMN clock_records | recipient_name | text | YES | NULL | C | NO
COLUMN clock_records | not_applicable_reason | text | YES | NULL | C | NO
COLUMN clock_records | officer | text | NO | NULL | C | NO
COLUMN clock_records | recorded_at | text | NO | NULL | C | NO
COLUMN clock_records | officer_id | integer | YES | NULL | NULL | NO
COLUMN derived_clocks | incident_id | integer | NO | NULL | NULL | NO
COLUMN derived_clocks | seq | integer | NO | NULL | NULL | NO
COLUMN derived_clocks | clock_id | text | NO | NULL | C | NO
COLUMN derived_clocks | channel | text | NO | NULL | C | NO
COLUMN derived_clocks | due_at | text | NO | NULL | C | NO
COLUMN derived_clocks | completed_at | text | YES | NULL | C | NO
COLUMN derived_clocks | completed_by | text | YES | NULL | C | NO
COLUMN derived_clocks | not_applicable | integer | NO | NULL | NULL | NO
COLUMN derived_clocks | owner | text | YES | NULL | C | NO
COLUMN derived_clocks | level_changed_at | text | YES | NULL | C | NO
COLUMN derived_clocks | due_ms | bigint | NO | NULL | NULL | NO
COLUMN derived_clocks | completed_ms | bigint | YES | NULL | NULL | NO
COLUMN derived_clocks | level_changed_ms | bigint | YES | NULL | NULL | NO
COLUMN derived_places | incident_id | integer | NO | NULL | NULL | NO
COLUMN derived_places | place | text | NO | NULL | C | NO
COLUMN derived_stats | incident_id | integer | NO | NULL | NULL | NO
COLUMN derived_stats | basis | text | NO | NULL | C | NO
COLUMN derived_stats | stat_plan | text | NO | NULL | C | NO
COLUMN derived_stats | level | text | YES | NULL | C | NO
COLUMN derived_stats | received_month | text | NO | NULL | C | NO
COLUMN derived_stats | first_phone_min | double precision | YES | NULL | NULL | NO
COLUMN derived_stats | first_written_min | double precision | YES | NULL | NULL | NO
COLUMN duty_log_remarks | id | integer | NO | NULL | NULL | YES
COLUMN duty_log_remarks | day | text | NO | NULL | C | NO
COLUMN duty_log_remarks | at | text | NO | NULL | C | NO
COLUMN duty_log_remarks | text | text | NO | NULL | C | NO
COLUMN duty_log_remarks | officer | text | NO | NULL | C | NO
COLUMN duty_log_remarks | leader | text | NO | NULL | C | NO
COLUMN duty_log_remarks | created_at | text | NO | NULL | C | NO
COLUMN duty_log_remarks | edited_at | text | YES | NULL | C | NO
COLUMN duty_log_remarks | edited_by | text | YES | NULL | C | NO
COLUMN duty_log_remarks | previous | text | NO | '[]'::text | C | NO
COLUMN duty_log_remarks | officer_id | integer | YES | NULL | NULL | NO
COLUMN duty_log_remarks | edited_by_id | integer | YES | NULL | NULL | NO
COLUMN duty_schedule_changes | id | integer | NO | NULL | NULL | YES
COLUMN duty_schedule_changes | month | text | NO | NULL | C | NO
COLUMN duty_schedule_changes | kind | text | NO | NULL | C | NO
COLUMN duty_schedule_changes | detail | text | NO | NULL | C | NO
COLUMN duty_schedule_changes | reason | text | NO | ''::text | C | NO
COLUMN duty_schedule_changes | at | text | NO | NULL | C | NO
COLUMN duty_schedule_changes | officer | text | NO | NULL | C | NO
COLUMN duty_schedule_changes | officer_id | integer | YES | NULL | NULL | NO
COLUMN duty_schedule_months | month | text | NO | NULL | C | NO
COLUMN duty_schedule_months | leaders | text | NO | NULL | C | NO
COLUMN duty_schedule_months | officers | text | NO | NULL | C | NO
COLUMN duty_schedule_months | holiday_leaders | text | YES | NULL | C | NO
COLUMN duty_schedule_months | shift_start | text | NO | NULL | C | NO
COLUMN duty_schedule_months | shift_hours | integer | NO | NULL | NULL | NO
COLUMN duty_schedule_months | generated_at | text | NO | NULL | C | NO
COLUMN duty_schedule_months | generated_by | text | NO | NULL | C | NO
COLUMN duty_schema | id | integer | NO | NULL | NULL | NO
COLUMN duty_schema | version | integer | NO | NULL | NULL | NO
COLUMN duty_sessions | id | integer | NO | NULL | NULL | YES
COLUMN duty_sessions | leader | text | NO | NULL | C | NO
COLUMN duty_sessions | officer | text | NO | NULL | C | NO
COLUMN duty_sessions | started_at | text | NO | NULL | C | NO
COLUMN duty_sessions | leader_id | integer | YES | NULL | NULL | NO
COLUMN duty_sessions | officer_id | integer | YES | NULL | NULL | NO
COLUMN duty_shifts | date | text | NO | NULL | C | NO
COLUMN duty_shifts | shift | integer | NO | NULL | NULL | NO
COLUMN duty_shifts | month | text | NO | NULL | C | NO
COLUMN duty_shifts | start_at | text | NO | NULL | C | NO
COLUMN duty_shifts | end_at | text | NO | NULL | C | NO
COLUMN duty_shifts | leader | text | NO | NULL | C | NO
COLUMN duty_shifts | officer | text | NO | NULL | C | NO
COLUMN duty_shifts | day_kind | text | NO | NULL | C | NO
COLUMN duty_shifts | holiday_name | text | YES | NULL | C | NO
COLUMN duty_shifts | overrides | text | NO | '[]'::text | C | NO
COLUMN fired_alarms | clock_key | text | NO | NULL | C | NO
COLUMN fired_alarms | kind | text | NO | NULL | C | NO
COLUMN fired_alarms | seq | integer | NO | NULL | NULL | NO
COLUMN fired_alarms | due_at | text | YES | NULL | C | NO
COLUMN fired_alarms | fired_at | text | NO | NULL | C | NO
COLUMN fired_alarms | rowid | bigint | NO | NULL | NULL | YES
COLUMN handovers | id | integer | NO | NULL | NULL | YES
COLUMN handovers | created_at | text | NO | NULL | C | NO
COLUMN handovers | duty_day | text | NO | NULL | C | NO
COLUMN handovers | from_leader | text | NO | NULL | C | NO
COLUMN handovers | from_officer | text | NO | NULL | C | NO
COLUMN handovers | to_leader | text | NO | NULL | C | NO
COLUMN handovers | to_officer | text | NO | NULL | C | NO
COLUMN handovers | sheet | text | NO | NULL | C | NO
COLUMN handovers | pending_instructions | text | NO | ''::text | C | NO
COLUMN handovers | equipment | text | NO | ''::text | C | NO
COLUMN handovers | notes | text | NO | ''::text | C | NO
COLUMN handovers | status | text | NO | NULL | C | NO
COLUMN handovers | acknowledged_at | text | YES | NULL | C | NO
COLUMN handovers | ack_leader | text | YES | NULL | C | NO
COLUMN handovers | ack_officer | text | YES | NULL | C | NO
COLUMN handovers | ack_note | text | YES | NULL | C | NO
COLUMN handovers | cancelled_at | text | YES | NULL | C | NO
COLUMN handovers | cancelled_by | text | YES | NULL | C | NO
COLUMN handovers | cancel_reason | text | YES | NULL | C | NO
COLUMN handovers | ack_leader_id | integer | YES | NULL | NULL | NO
COLUMN handovers | ack_officer_id | integer | YES | NULL | NULL | NO
COLUMN handovers | from_leader_id | integer | YES | NULL | NULL | NO
COLUMN handovers | from_officer_id | integer | YES | NULL | NULL | NO
COLUMN handovers | cancelled_by_id | integer | YES | NULL | NULL | NO
COLUMN holiday_notice_changes | id | integer | NO | NULL | NULL | YES
COLUMN holiday_notice_changes | year | integer | NO | NULL | NULL | NO
COLUMN holiday_notice_changes | kind | text | NO | NULL | C | NO
COLUMN holiday_notice_changes | detail | text | NO | NULL | C | NO
COLUMN holiday_notice_changes | reason | text | NO | ''::text | C | NO
COLUMN holiday_notice_changes | at | text | NO | NULL | C | NO
COLUMN holiday_notice_changes | officer | text | NO | NULL | C | NO
COLUMN holiday_notice_changes | officer_id | integer | YES | NULL | NULL | NO
COLUMN holiday_notices | year | integer | NO | NULL | NULL | NO
COLUMN holiday_notices | title | text | NO | NULL | C | NO
COLUMN holiday_notices | doc_no | text | NO | ''::text | C | NO
COLUMN holiday_notices | periods | text | NO | NULL | C | NO
COLUMN holiday_notices | entered_at | text | NO | NULL | C | NO
COLUMN holiday_notices | entered_by | text | NO | NULL | C | NO
COLUMN incident_bigrams | bigram | text | NO | NULL | C | NO
COLUMN incident_bigrams | incident_id | integer | NO | NULL | NULL | NO
COLUMN incident_derived | incident_id | integer | NO | NULL | NULL | NO
COLUMN incident_derived | basis | text | NO | NULL | C | NO
COLUMN incident_derived | level | text | YES | NULL | C | NO
COLUMN incident_derived | stat_plan | text | NO | NULL | C | NO
COLUMN incident_derived | next_due_at | text | YES | NULL | C | NO
COLUMN incident_derived | grading | text | NO | NULL | C | NO
COLUMN incident_derived | clocks | text | NO | NULL | C | NO
COLUMN incident_reporting | incident_id | integer | NO | NULL | NULL | NO
COLUMN incident_reporting | occurred_unknown | integer | NO | 0 | NULL | NO
COLUMN incident_reporting | follow_up_minutes | integer | YES | NULL | NULL | NO
COLUMN incident_reporting | follow_up_set_at | text | YES | NULL | C | NO
COLUMN incident_reporting | follow_up_set_by | text | YES | NULL | C | NO
COLUMN incident_reporting | handling_ended_at | text | YES | NULL | C | NO
COLUMN incident_reporting | follow_up_set_by_id | integer | YES | NULL | NULL | NO
COLUMN incident_stale | incident_id | integer | NO | NULL | NULL | NO
COLUMN incidents | id | integer | NO | NULL | NULL | YES
COLUMN incidents | serial | text | NO | NULL | C | NO
COLUMN incidents | category | text | NO | NULL | C | NO
COLUMN incidents | title | text | NO | NULL | C | NO
COLUMN incidents | places | text | NO | NULL | C | NO
COLUMN incidents | occurred_at | text | NO | NULL | C | NO
COLUMN incidents | discovered_at | text | YES | NULL | C | NO
COLUMN incidents | received_at | text | NO | NULL | C | NO
COLUMN incidents | reporter_unit | text | NO | ''::text | C | NO
COLUMN incidents | reporter_name | text | NO | ''::text | C | NO
COLUMN incidents | reporter_phone | text | NO | ''::text | C | NO
COLUMN incidents | receive_channel | text | NO | NULL | C | NO
COLUMN incidents | narrative | text | NO | ''::text | C | NO
COLUMN incidents | facts | text | NO | '{}'::text | C | NO
COLUMN incidents | level_override | text | YES | NULL | C | NO
COLUMN incidents | response_override | text | YES | NULL | C | NO
COLUMN incidents | status | text | NO | NULL | C | NO
COLUMN incidents | drill | integer | NO | 0 | NULL | NO
COLUMN incidents | created_at | text | NO | NULL | C | NO
COLUMN incidents | created_by | text | NO | NULL | C | NO
COLUMN incidents | updated_at | text | NO | NULL | C | NO
COLUMN incidents | version | integer | NO | 1 | NULL | NO
COLUMN incidents | created_by_id | integer | YES | NULL | NULL | NO
COLUMN level_changes | id | integer | NO | NULL | NULL | YES
COLUMN level_changes | incident_id | integer | NO | NULL | NULL | NO
COLUMN level_changes | from_level | text | YES | NULL | C | NO
COLUMN level_changes | to_level | text | YES | NULL | C | NO
COLUMN level_changes | effective_at | text | NO | NULL | C | NO
COLUMN level_changes | recorded_at | text | NO | NULL | C | NO
COLUMN level_changes | by_whom | text | NO | NULL | C | NO
COLUMN level_changes | reason | text | NO | ''::text | C | NO
COLUMN level_changes | officer | text | NO | NULL | C | NO
COLUMN level_changes | officer_id | integer | YES | NULL | NULL | NO
COLUMN obligations | incident_id | integer | NO | NULL | NULL | NO
COLUMN obligations | obligation_key | text | NO | NULL | C | NO
COLUMN obligations | clock_id | text | NO | NULL | C | NO
COLUMN obligations | level | text | YES | NULL | C | NO
COLUMN obligations | title | text | NO | NULL | C | NO
COLUMN obligations | to_unit | text | NO | NULL | C | NO
COLUMN obligations | owner_kind | text | NO | NULL | C | NO
COLUMN obligations | owner_unit | text | NO | NULL | C | NO
COLUMN obligations | window_text | text | NO | NULL | C | NO
COLUMN obligations | minutes | integer | NO | NULL | NULL | NO
COLUMN obligations | starts_at | text | NO | NULL | C | NO
COLUMN obligations | due_at | text | NO | NULL | C | NO
COLUMN obligations | clause | text | NO | NULL | C | NO
COLUMN obligations | closure_kind | text | YES | NULL | C | NO
COLUMN obligations | closure_at | text | YES | NULL | C | NO
COLUMN obligations | closure_reason | text | YES | NULL | C | NO
COLUMN obligations | late_ms | bigint | YES | NULL | NULL | NO
COLUMN obligations | stored_at | text | NO | NULL | C | NO
COLUMN print_records | id | integer | NO | NULL | NULL | YES
COLUMN print_records | incident_id | integer | YES | NULL | NULL | NO
COLUMN print_records | report_id | integer | YES | NULL | NULL | NO
COLUMN print_records | report_version | integer | YES | NULL | NULL | NO
COLUMN print_records | form_kind | text | NO | NULL | C | NO
COLUMN print_records | title | text | NO | NULL | C | NO
COLUMN print_records | target | text | NO | NULL | C | NO
COLUMN print_records | path | text | YES | NULL | C | NO
COLUMN print_records | printed_at | text | NO | NULL | C | NO
COLUMN print_records | officer | text | NO | NULL | C | NO
COLUMN print_records | chain_code | text | YES | NULL | C | NO
COLUMN print_records | seat_name | text | YES | NULL | C | NO
COLUMN print_records | officer_id | integer | YES | NULL | NULL | NO
COLUMN report_versions | report_id | integer | NO | NULL | NULL | NO
COLUMN report_versions | version | integer | NO | NULL | NULL | NO
COLUMN report_versions | content | text | NO | NULL | C | NO
COLUMN report_versions | saved_at | text | NO | NULL | C | NO
COLUMN report_versions | saved_by | text | NO | NULL | C | NO
COLUMN report_versions | saved_by_id | integer | YES | NULL | NULL | NO
COLUMN report_versions | rowid | bigint | NO | NULL | NULL | YES
COLUMN reports | id | integer | NO | NULL | NULL | YES
COLUMN reports | incident_id | integer | NO | NULL | NULL | NO
COLUMN reports | kind | text | NO | NULL | C | NO
COLUMN reports | seq | integer | NO | NULL | NULL | NO
COLUMN reports | form_kind | text | NO | NULL | C | NO
COLUMN reports | corrects_id | integer | YES | NULL | NULL | NO
COLUMN reports | created_at | text | NO | NULL | C | NO
COLUMN reports | created_by | text | NO | NULL | C | NO
COLUMN reports | signed_by | text | YES | NULL | C | NO
COLUMN reports | signed_at | text | YES | NULL | C | NO
COLUMN reports | sent_at | text | YES | NULL | C | NO
COLUMN reports | sent_to | text | YES | NULL | C | NO
COLUMN reports | sent_channel | text | YES | NULL | C | NO
COLUMN reports | confirmed_by | text | YES | NULL | C | NO
COLUMN reports | sent_version | integer | YES | NULL | NULL | NO
COLUMN reports | sent_officer | text | YES | NULL | C | NO
COLUMN reports | satisfied_clocks | text | YES | NULL | C | NO
COLUMN reports | created_by_id | integer | YES | NULL | NULL | NO
COLUMN reports | signed_by_id | integer | YES | NULL | NULL | NO
COLUMN reports | sent_officer_id | integer | YES | NULL | NULL | NO
COLUMN response_conditions | incident_id | integer | NO | NULL | NULL | NO
COLUMN response_conditions | condition_id | text | NO | NULL | C | NO
COLUMN response_conditions | confirmed_at | text | NO | NULL | C | NO
COLUMN response_conditions | confirmed_by | text | NO | NULL | C | NO
COLUMN response_conditions | officer | text | NO | NULL | C | NO
COLUMN response_conditions | recorded_at | text | NO | NULL | C | NO
COLUMN response_conditions | officer_id | integer | YES | NULL | NULL | NO
COLUMN response_conditions | leader_id | integer | YES | NULL | NULL | NO
COLUMN response_items | rowid | bigint | NO | NULL | NULL | YES
COLUMN response_items | incident_id | integer | NO | NULL | NULL | NO
COLUMN response_items | item_id | text | NO | NULL | C | NO
COLUMN response_items | state | text | NO | NULL | C | NO
COLUMN response_items | at | text | YES | NULL | C | NO
COLUMN response_items | by_whom | text | YES | NULL | C | NO
COLUMN response_items | note | text | NO | ''::text | C | NO
COLUMN response_items | reason | text | NO | ''::text | C | NO
COLUMN response_items | officer | text | YES | NULL | C | NO
COLUMN response_items | added_at | text | NO | NULL | C | NO
COLUMN response_items | added_level | text | NO | NULL | C | NO
COLUMN response_items | officer_id | integer | YES | NULL | NULL | NO
COLUMN response_levels | id | integer | NO | NULL | NULL | YES
COLUMN response_levels | incident_id | integer | NO | NULL | NULL | NO
COLUMN response_levels | at | text | NO | NULL | C | NO
COLUMN response_levels | from_level | text | YES | NULL | C | NO
COLUMN response_levels | to_level | text | NO | NULL | C | NO
COLUMN response_levels | decided_by | text | NO | NULL | C | NO
COLUMN response_levels | note | text | NO | ''::text | C | NO
COLUMN response_levels | officer | text | NO | NULL | C | NO
COLUMN response_levels | officer_id | integer | YES | NULL | NULL | NO
COLUMN response_levels | leader_id | integer | YES | NULL | NULL | NO
COLUMN response_tasks | incident_id | integer | NO | NULL | NULL | NO
COLUMN response_tasks | task_id | text | NO | NULL | C | NO
COLUMN response_tasks | due_at | text | YES | NULL | C | NO
COLUMN response_tasks | given_by | text | YES | NULL | C | NO
COLUMN response_tasks | done_at | text | YES | NULL | C | NO
COLUMN response_tasks | done_by | text | YES | NULL | C | NO
COLUMN response_tasks | done_note | text | NO | ''::text | C | NO
COLUMN response_tasks | done_by_id | integer | YES | NULL | NULL | NO
COLUMN response_tasks | deadline_officer | text | YES | NULL | C | NO
COLUMN response_tasks | deadline_officer_id | integer | YES | NULL | NULL | NO
COLUMN responses | incident_id | integer | NO | NULL | NULL | NO
COLUMN responses | plan | text | NO | NULL | C | NO
COLUMN responses | level | text | NO | NULL | C | NO
COLUMN responses | started_at | text | NO | NULL | C | NO
COLUMN responses | started_by | text | NO | NULL | C | NO
COLUMN responses | officer | text | NO | NULL | C | NO
COLUMN responses | ended_at | text | YES | NULL | C | NO
COLUMN responses | ended_by | text | YES | NULL | C | NO
COLUMN responses | ended_officer | text | YES | NULL | C | NO
COLUMN responses | officer_id | integer | YES | NULL | NULL | NO
COLUMN responses | ended_officer_id | integer | YES | NULL | NULL | NO
COLUMN responses | started_leader_id | integer | YES | NULL | NULL | NO
COLUMN responses | ended_leader_id | integer | YES | NULL | NULL | NO
COLUMN roster_contact_history | id | integer | NO | NULL | NULL | YES
COLUMN roster_contact_history | contact_id | integer | NO | NULL | NULL | NO
COLUMN roster_contact_history | at | text | NO | NULL | C | NO
COLUMN roster_contact_history | officer | text | NO | NULL | C | NO
COLUMN roster_contact_history | action | text | NO | NULL | C | NO
COLUMN roster_contact_history | changes | text | NO | NULL | C | NO
COLUMN roster_contact_history | reason | text | NO | ''::text | C | NO
COLUMN roster_contact_history | officer_id | integer | YES | NULL | NULL | NO
COLUMN roster_contacts | id | integer | NO | NULL | NULL | YES
COLUMN roster_contacts | roster_id | text | NO | NULL | C | NO
COLUMN roster_contacts | entry_kind | text | NO | NULL | C | NO
COLUMN roster_contacts | entry_id | text | NO | NULL | C | NO
COLUMN roster_contacts | role | text | NO | NULL | C | NO
COLUMN roster_contacts | name | text | NO | NULL | C | NO
COLUMN roster_contacts | title | text | NO | ''::text | C | NO
COLUMN roster_contacts | office_phone | text | NO | ''::text | C | NO
COLUMN roster_contacts | mobile | text | NO | ''::text | C | NO
COLUMN roster_contacts | red_phone | text | NO | ''::text | C | NO
COLUMN roster_contacts | fax | text | NO | ''::text | C | NO
COLUMN roster_contacts | note | text | NO | ''::text | C | NO
COLUMN roster_contacts | valid_from | text | NO | NULL | C | NO
COLUMN roster_contacts | ended_at | text | YES | NULL | C | NO
COLUMN roster_contacts | ended_reason | text | YES | NULL | C | NO
COLUMN roster_contacts | created_at | text | NO | NULL | C | NO
COLUMN roster_contacts | created_by | text | NO | NULL | C | NO
COLUMN roster_contacts | updated_at | text | NO | NULL | C | NO
COLUMN roster_contacts | updated_by | text | NO | NULL | C | NO
COLUMN roster_contacts | version | integer | NO | 1 | NULL | NO
COLUMN roster_entries | rowid | bigint | NO | NULL | NULL | YES
COLUMN roster_entries | roster_id | text | NO | NULL | C | NO
COLUMN roster_entries | entry_kind | text | NO | NULL | C | NO
COLUMN roster_entries | entry_id | text | NO | NULL | C | NO
COLUMN roster_entries | name | text | NO | NULL | C | NO
COLUMN roster_entries | document | text | NO | NULL | C | NO
COLUMN roster_entries | clause | text | NO | NULL | C | NO
COLUMN roster_entries | seed_fields | text | NO | NULL | C | NO
COLUMN roster_entries | seeded_at | text | NO | NULL | C | NO
COLUMN roster_entries | removed_at | text | YES | NULL | C | NO
COLUMN seat_names | seat | text | NO | NULL | C | NO
COLUMN seat_names | seat_name | text | NO | NULL | C | NO
COLUMN seat_names | updated_at | text | NO | NULL | C | NO
COLUMN seat_sessions | seat | text | NO | NULL | C | NO
COLUMN seat_sessions | officer_id | integer | YES | NULL | NULL | NO
COLUMN seat_sessions | leader_id | integer | YES | NULL | NULL | NO
COLUMN seat_sessions | locked | integer | NO | 0 | NULL | NO
COLUMN seat_sessions | updated_at | text | NO | NULL | C | NO
COLUMN serial_counters | prefix | text | NO | NULL | C | NO
COLUMN serial_counters | last_number | integer | NO | NULL | NULL | NO
COLUMN timeline_entries | id | integer | NO | NULL | NULL | YES
COLUMN timeline_entries | incident_id | integer | NO | NULL | NULL | NO
COLUMN timeline_entries | at | text | NO | NULL | C | NO
COLUMN timeline_entries | kind | text | NO | NULL | C | NO
COLUMN timeline_entries | text | text | NO | NULL | C | NO
COLUMN timeline_entries | data | text | YES | NULL | C | NO
COLUMN timeline_entries | officer | text | NO | NULL | C | NO
COLUMN timeline_entries | seat_name | text | YES | NULL | C | NO
COLUMN timeline_entries | officer_id | integer | YES | NULL | NULL | NO
COLUMN wall_keys | id | integer | NO | NULL | NULL | YES
COLUMN wall_keys | key_hash | text | NO | NULL | C | NO
COLUMN wall_keys | created_at | text | NO | NULL | C | NO
COLUMN wall_keys | created_by | text | NO | NULL | C | NO
COLUMN wall_keys | revoked_at | text | YES | NULL | C | NO
COLUMN wall_keys | created_by_id | integer | YES | NULL | NULL | NO
COLUMN warning_actions | warning_id | integer | NO | NULL | NULL | NO
COLUMN warning_actions | item_id | text | NO | NULL | C | NO
COLUMN warning_actions | at | text | NO | NULL | C | NO
COLUMN warning_actions | done_by | text | NO | NULL | C | NO
COLUMN warning_actions | note | text | NO | ''::text | C | NO
COLUMN warning_actions | done_by_id | integer | YES | NULL | NULL | NO
COLUMN warning_changes | id | integer | NO | NULL | NULL | YES
COLUMN warning_changes | warning_id | integer | NO | NULL | NULL | NO
COLUMN warning_changes | at | text | NO | NULL | C | NO
COLUMN warning_changes | from_level | text | NO | NULL | C | NO
COLUMN warning_changes | to_level | text | NO | NULL | C | NO
COLUMN warning_changes | changed_by | text | NO | NULL | C | NO
COLUMN warning_changes | document | text | NO | NULL | C | NO
COLUMN warning_changes | officer | text | NO | NULL | C | NO
COLUMN warning_changes | officer_id | integer | YES | NULL | NULL | NO
COLUMN warning_changes | leader_id | integer | YES | NULL | NULL | NO
COLUMN warning_incidents | warning_id | integer | NO | NULL | NULL | NO
COLUMN warning_incidents | incident_id | integer | NO | NULL | NULL | NO
COLUMN warning_incidents | at | text | NO | NULL | C | NO
COLUMN warning_incidents | officer | text | NO | NULL | C | NO
COLUMN warning_incidents | officer_id | integer | YES | NULL | NULL | NO
COLUMN warnings | id | integer | NO | NULL | NULL | YES
COLUMN warnings | plan | text | NO | NULL | C | NO
COLUMN warnings | level | text | NO | NULL | C | NO
COLUMN warnings | direction | text | NO | NULL | C | NO
COLUMN warnings | issuer_kind | text | NO | NULL | C | NO
COLUMN warnings | issuer | text | NO | NULL | C | NO
COLUMN warnings | area | text | NO | NULL | C | NO
COLUMN warnings | issued_at | text | NO | NULL | C | NO
COLUMN warnings | document | text | NO | ''::text | C | NO
COLUMN warnings | content | text | NO | ''::text | C | NO
COLUMN warnings | created_at | text | NO | NULL | C | NO
COLUMN warnings | officer | text | NO | NULL | C | NO
COLUMN warnings | lifted_at | text | YES | NULL | C | NO
COLUMN warnings | lifted_by | text | YES | NULL | C | NO
COLUMN warnings | lifted_by_kind | text | YES | NULL | C | NO
COLUMN warnings | lift_document | text | YES | NULL | C | NO
COLUMN warnings | lift_officer | text | YES | NULL | C | NO
COLUMN warnings | officer_id | integer | YES | NULL | NULL | NO
COLUMN warnings | lift_officer_id | integer | YES | NULL | NULL | NO
COLUMN warnings | leader_id | integer | YES | NULL | NULL | NO
COLUMN warnings | lift_leader_id | integer | YES | NULL | NULL | NO
CONSTRAINT accounts accounts_active_check CHECK ((active = ANY (ARRAY[0, 1])))
CONSTRAINT accounts accounts_failed_count_check CHECK ((failed_count >= 0))
CONSTRAINT accounts accounts_name_key UNIQUE (name)
CONSTRAINT accounts accounts_password_hash_check CHECK ((password_hash ~~ 'scrypt$%'::text))
CONSTRAINT accounts accounts_pkey PRIMARY KEY (id)
CONSTRAINT accounts accounts_role_check CHECK ((role = ANY (ARRAY['带班领导'::text, '值班员'::text, '管理员'::text, '显示'::text])))
CONSTRAINT alarm_acks alarm_acks_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT alarm_acks alarm_acks_pkey PRIMARY KEY (id)
CONSTRAINT auth_events auth_events_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id)
CONSTRAINT auth_events auth_events_pkey PRIMARY KEY (id)
CONSTRAINT chain chain_kind_check CHECK ((kind = ANY (ARRAY['genesis'::text, 'row'::text, 'outside'::text])))
CONSTRAINT chain chain_pkey PRIMARY KEY (seq)
CONSTRAINT clock_records clock_records_check CHECK (((completed_at IS NULL) <> (not_applicable_reason IS NULL)))
CONSTRAINT clock_records clock_records_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT clock_records clock_records_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT clock_records clock_records_pkey PRIMARY KEY (incident_id, clock_id)
CONSTRAINT clock_records clock_records_rowid_key UNIQUE (rowid)
CONSTRAINT derived_clocks derived_clocks_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT derived_clocks derived_clocks_pkey PRIMARY KEY (incident_id, seq)
CONSTRAINT derived_places derived_places_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT derived_places derived_places_pkey PRIMARY KEY (incident_id, place)
CONSTRAINT derived_stats derived_stats_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT derived_stats derived_stats_pkey PRIMARY KEY (incident_id)
CONSTRAINT duty_log_remarks duty_log_remarks_edited_by_id_fkey FOREIGN KEY (edited_by_id) REFERENCES accounts(id)
CONSTRAINT duty_log_remarks duty_log_remarks_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT duty_log_remarks duty_log_remarks_pkey PRIMARY KEY (id)
CONSTRAINT duty_log_remarks duty_log_remarks_text_check CHECK ((length(TRIM(BOTH FROM text)) > 0))
CONSTRAINT duty_schedule_changes duty_schedule_changes_kind_check CHECK ((kind = ANY (ARRAY['生成'::text, '重新生成'::text, '替班'::text, '换班'::text])))
CONSTRAINT duty_schedule_changes duty_schedule_changes_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT duty_schedule_changes duty_schedule_changes_pkey PRIMARY KEY (id)
CONSTRAINT duty_schedule_months duty_schedule_months_month_check CHECK ((month ~ '^[0-9]{4}-[0-1][0-9]$'::text))
CONSTRAINT duty_schedule_months duty_schedule_months_pkey PRIMARY KEY (month)
CONSTRAINT duty_schedule_months duty_schedule_months_shift_hours_check CHECK (((shift_hours > 0) AND ((24 % shift_hours) = 0)))
CONSTRAINT duty_schema duty_schema_id_check CHECK ((id = 1))
CONSTRAINT duty_schema duty_schema_pkey PRIMARY KEY (id)
CONSTRAINT duty_sessions duty_sessions_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT duty_sessions duty_sessions_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT duty_sessions duty_sessions_pkey PRIMARY KEY (id)
CONSTRAINT duty_shifts duty_shifts_check CHECK ((leader <> officer))
CONSTRAINT duty_shifts duty_shifts_day_kind_check CHECK ((day_kind = ANY (ARRAY['工作日'::text, '周末'::text, '法定节假日'::text, '调休上班'::text])))
CONSTRAINT duty_shifts duty_shifts_month_fkey FOREIGN KEY (month) REFERENCES duty_schedule_months(month)
CONSTRAINT duty_shifts duty_shifts_pkey PRIMARY KEY (date, shift)
CONSTRAINT duty_shifts duty_shifts_shift_check CHECK ((shift >= 0))
CONSTRAINT fired_alarms fired_alarms_clock_key_kind_seq_due_at_key UNIQUE NULLS NOT DISTINCT (clock_key, kind, seq, due_at)
CONSTRAINT fired_alarms fired_alarms_rowid_key UNIQUE (rowid)
CONSTRAINT handovers handovers_ack_leader_id_fkey FOREIGN KEY (ack_leader_id) REFERENCES accounts(id)
CONSTRAINT handovers handovers_ack_officer_id_fkey FOREIGN KEY (ack_officer_id) REFERENCES accounts(id)
CONSTRAINT handovers handovers_cancelled_by_id_fkey FOREIGN KEY (cancelled_by_id) REFERENCES accounts(id)
CONSTRAINT handovers handovers_check CHECK (((status = 'acknowledged'::text) = ((acknowledged_at IS NOT NULL) AND (ack_officer IS NOT NULL))))
CONSTRAINT handovers handovers_check1 CHECK (((status = 'cancelled'::text) = (cancelled_at IS NOT NULL)))
CONSTRAINT handovers handovers_from_leader_id_fkey FOREIGN KEY (from_leader_id) REFERENCES accounts(id)
CONSTRAINT handovers handovers_from_officer_id_fkey FOREIGN KEY (from_officer_id) REFERENCES accounts(id)
CONSTRAINT handovers handovers_pkey PRIMARY KEY (id)
CONSTRAINT handovers handovers_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'acknowledged'::text, 'cancelled'::text])))
CONSTRAINT holiday_notice_changes holiday_notice_changes_kind_check CHECK ((kind = ANY (ARRAY['录入'::text, '修改'::text, '删除'::text])))
CONSTRAINT holiday_notice_changes holiday_notice_changes_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT holiday_notice_changes holiday_notice_changes_pkey PRIMARY KEY (id)
CONSTRAINT holiday_notices holiday_notices_periods_check CHECK ((jsonb_typeof((periods)::jsonb) = 'array'::text))
CONSTRAINT holiday_notices holiday_notices_pkey PRIMARY KEY (year)
CONSTRAINT holiday_notices holiday_notices_title_check CHECK ((title <> ''::text))
CONSTRAINT holiday_notices holiday_notices_year_check CHECK (((year >= 2000) AND (year <= 2100)))
CONSTRAINT incident_bigrams incident_bigrams_pkey PRIMARY KEY (bigram, incident_id)
CONSTRAINT incident_derived incident_derived_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT incident_derived incident_derived_pkey PRIMARY KEY (incident_id)
CONSTRAINT incident_reporting incident_reporting_check CHECK (((follow_up_minutes IS NULL) = (follow_up_set_at IS NULL)))
CONSTRAINT incident_reporting incident_reporting_follow_up_minutes_check CHECK (((follow_up_minutes >= 1) AND (follow_up_minutes <= 10080)))
CONSTRAINT incident_reporting incident_reporting_follow_up_set_by_id_fkey FOREIGN KEY (follow_up_set_by_id) REFERENCES accounts(id)
CONSTRAINT incident_reporting incident_reporting_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT incident_reporting incident_reporting_occurred_unknown_check CHECK ((occurred_unknown = ANY (ARRAY[0, 1])))
CONSTRAINT incident_reporting incident_reporting_pkey PRIMARY KEY (incident_id)
CONSTRAINT incident_stale incident_stale_pkey PRIMARY KEY (incident_id)
CONSTRAINT incidents incidents_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES accounts(id)
CONSTRAINT incidents incidents_drill_check CHECK ((drill = ANY (ARRAY[0, 1])))
CONSTRAINT incidents incidents_pkey PRIMARY KEY (id)
CONSTRAINT incidents incidents_serial_key UNIQUE (serial)
CONSTRAINT incidents incidents_version_check CHECK ((version >= 1))
CONSTRAINT level_changes level_changes_check CHECK ((from_level IS DISTINCT FROM to_level))
CONSTRAINT level_changes level_changes_from_level_check CHECK ((from_level = ANY (ARRAY['特别重大'::text, '重大'::text, '较大'::text, '一般'::text])))
CONSTRAINT level_changes level_changes_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT level_changes level_changes_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT level_changes level_changes_pkey PRIMARY KEY (id)
CONSTRAINT level_changes level_changes_to_level_check CHECK ((to_level = ANY (ARRAY['特别重大'::text, '重大'::text, '较大'::text, '一般'::text])))
CONSTRAINT obligations obligations_check CHECK ((due_at > starts_at))
CONSTRAINT obligations obligations_check1 CHECK (((closure_kind IS NULL) = (closure_at IS NULL)))
CONSTRAINT obligations obligations_check2 CHECK (((closure_kind IS NULL) = (late_ms IS NULL)))
CONSTRAINT obligations obligations_closure_kind_check CHECK ((closure_kind = ANY (ARRAY['met'::text, 'not_applicable'::text, 'level_change'::text])))
CONSTRAINT obligations obligations_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT obligations obligations_late_ms_check CHECK ((late_ms >= 0))
CONSTRAINT obligations obligations_level_check CHECK ((level = ANY (ARRAY['特别重大'::text, '重大'::text, '较大'::text, '一般'::text])))
CONSTRAINT obligations obligations_minutes_check CHECK ((minutes > 0))
CONSTRAINT obligations obligations_owner_kind_check CHECK ((owner_kind = ANY (ARRAY['room'::text, 'monitored'::text])))
CONSTRAINT obligations obligations_pkey PRIMARY KEY (incident_id, obligation_key)
CONSTRAINT print_records print_records_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT print_records print_records_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT print_records print_records_pkey PRIMARY KEY (id)
CONSTRAINT print_records print_records_report_id_fkey FOREIGN KEY (report_id) REFERENCES reports(id)
CONSTRAINT print_records print_records_target_check CHECK ((target = ANY (ARRAY['printer'::text, 'pdf'::text])))
CONSTRAINT report_versions report_versions_pkey PRIMARY KEY (report_id, version)
CONSTRAINT report_versions report_versions_report_id_fkey FOREIGN KEY (report_id) REFERENCES reports(id)
CONSTRAINT report_versions report_versions_rowid_key UNIQUE (rowid)
CONSTRAINT report_versions report_versions_saved_by_id_fkey FOREIGN KEY (saved_by_id) REFERENCES accounts(id)
CONSTRAINT reports reports_corrects_id_fkey FOREIGN KEY (corrects_id) REFERENCES reports(id)
CONSTRAINT reports reports_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES accounts(id)
CONSTRAINT reports reports_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT reports reports_incident_id_kind_seq_key UNIQUE (incident_id, kind, seq)
CONSTRAINT reports reports_kind_check CHECK ((kind = ANY (ARRAY['初报'::text, '续报'::text, '终报'::text, '更正'::text])))
CONSTRAINT reports reports_pkey PRIMARY KEY (id)
CONSTRAINT reports reports_sent_officer_id_fkey FOREIGN KEY (sent_officer_id) REFERENCES accounts(id)
CONSTRAINT reports reports_signed_by_id_fkey FOREIGN KEY (signed_by_id) REFERENCES accounts(id)
CONSTRAINT response_conditions response_conditions_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES responses(incident_id)
CONSTRAINT response_conditions response_conditions_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT response_conditions response_conditions_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT response_conditions response_conditions_pkey PRIMARY KEY (incident_id, condition_id)
CONSTRAINT response_items response_items_check CHECK (((state <> ALL (ARRAY['done'::text, 'notApplicable'::text])) OR ((at IS NOT NULL) AND (by_whom IS NOT NULL))))
CONSTRAINT response_items response_items_check1 CHECK (((state <> 'notApplicable'::text) OR (reason <> ''::text)))
CONSTRAINT response_items response_items_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES responses(incident_id)
CONSTRAINT response_items response_items_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT response_items response_items_pkey PRIMARY KEY (incident_id, item_id)
CONSTRAINT response_items response_items_rowid_key UNIQUE (rowid)
CONSTRAINT response_items response_items_state_check CHECK ((state = ANY (ARRAY['open'::text, 'done'::text, 'notApplicable'::text, 'notRequired'::text])))
CONSTRAINT response_levels response_levels_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES responses(incident_id)
CONSTRAINT response_levels response_levels_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT response_levels response_levels_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT response_levels response_levels_pkey PRIMARY KEY (id)
CONSTRAINT response_tasks response_tasks_deadline_officer_id_fkey FOREIGN KEY (deadline_officer_id) REFERENCES accounts(id)
CONSTRAINT response_tasks response_tasks_done_by_id_fkey FOREIGN KEY (done_by_id) REFERENCES accounts(id)
CONSTRAINT response_tasks response_tasks_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES responses(incident_id)
CONSTRAINT response_tasks response_tasks_pkey PRIMARY KEY (incident_id, task_id)
CONSTRAINT responses responses_check CHECK (((ended_at IS NULL) = (ended_by IS NULL)))
CONSTRAINT responses responses_ended_leader_id_fkey FOREIGN KEY (ended_leader_id) REFERENCES accounts(id)
CONSTRAINT responses responses_ended_officer_id_fkey FOREIGN KEY (ended_officer_id) REFERENCES accounts(id)
CONSTRAINT responses responses_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT responses responses_level_check CHECK ((level = ANY (ARRAY['一级'::text, '二级'::text, '三级'::text, '四级'::text])))
CONSTRAINT responses responses_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT responses responses_pkey PRIMARY KEY (incident_id)
CONSTRAINT responses responses_plan_check CHECK ((plan = ANY (ARRAY['comms'::text, 'radiation'::text, 'environment'::text])))
CONSTRAINT responses responses_started_leader_id_fkey FOREIGN KEY (started_leader_id) REFERENCES accounts(id)
CONSTRAINT roster_contact_history roster_contact_history_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES roster_contacts(id)
CONSTRAINT roster_contact_history roster_contact_history_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT roster_contact_history roster_contact_history_pkey PRIMARY KEY (id)
CONSTRAINT roster_contacts roster_contacts_check CHECK (((ended_at IS NULL) = (ended_reason IS NULL)))
CONSTRAINT roster_contacts roster_contacts_pkey PRIMARY KEY (id)
CONSTRAINT roster_contacts roster_contacts_roster_id_entry_kind_entry_id_fkey FOREIGN KEY (roster_id, entry_kind, entry_id) REFERENCES roster_entries(roster_id, entry_kind, entry_id)
CONSTRAINT roster_contacts roster_contacts_version_check CHECK ((version >= 1))
CONSTRAINT roster_entries roster_entries_entry_kind_check CHECK ((entry_kind = ANY (ARRAY['roster'::text, 'office'::text, 'person'::text, 'unit'::text, 'group'::text])))
CONSTRAINT roster_entries roster_entries_pkey PRIMARY KEY (roster_id, entry_kind, entry_id)
CONSTRAINT roster_entries roster_entries_rowid_key UNIQUE (rowid)
CONSTRAINT seat_names seat_names_pkey PRIMARY KEY (seat)
CONSTRAINT seat_sessions seat_sessions_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT seat_sessions seat_sessions_locked_check CHECK ((locked = ANY (ARRAY[0, 1])))
CONSTRAINT seat_sessions seat_sessions_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT seat_sessions seat_sessions_pkey PRIMARY KEY (seat)
CONSTRAINT serial_counters serial_counters_last_number_check CHECK ((last_number >= 0))
CONSTRAINT serial_counters serial_counters_pkey PRIMARY KEY (prefix)
CONSTRAINT timeline_entries timeline_entries_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT timeline_entries timeline_entries_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT timeline_entries timeline_entries_pkey PRIMARY KEY (id)
CONSTRAINT wall_keys wall_keys_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES accounts(id)
CONSTRAINT wall_keys wall_keys_pkey PRIMARY KEY (id)
CONSTRAINT warning_actions warning_actions_done_by_id_fkey FOREIGN KEY (done_by_id) REFERENCES accounts(id)
CONSTRAINT warning_actions warning_actions_pkey PRIMARY KEY (warning_id, item_id)
CONSTRAINT warning_actions warning_actions_warning_id_fkey FOREIGN KEY (warning_id) REFERENCES warnings(id)
CONSTRAINT warning_changes warning_changes_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT warning_changes warning_changes_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT warning_changes warning_changes_pkey PRIMARY KEY (id)
CONSTRAINT warning_changes warning_changes_warning_id_fkey FOREIGN KEY (warning_id) REFERENCES warnings(id)
CONSTRAINT warning_incidents warning_incidents_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents(id)
CONSTRAINT warning_incidents warning_incidents_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT warning_incidents warning_incidents_pkey PRIMARY KEY (warning_id, incident_id)
CONSTRAINT warning_incidents warning_incidents_warning_id_fkey FOREIGN KEY (warning_id) REFERENCES warnings(id)
CONSTRAINT warnings warnings_check CHECK (((lifted_at IS NULL) = (lift_document IS NULL)))
CONSTRAINT warnings warnings_direction_check CHECK ((direction = ANY (ARRAY['received'::text, 'issued'::text])))
CONSTRAINT warnings warnings_issuer_kind_check CHECK ((issuer_kind = ANY (ARRAY['province'::text, 'city'::text, 'county'::text, 'other'::text])))
CONSTRAINT warnings warnings_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES accounts(id)
CONSTRAINT warnings warnings_level_check CHECK ((level = ANY (ARRAY['一级'::text, '二级'::text, '三级'::text, '四级'::text])))
CONSTRAINT warnings warnings_lift_leader_id_fkey FOREIGN KEY (lift_leader_id) REFERENCES accounts(id)
CONSTRAINT warnings warnings_lift_officer_id_fkey FOREIGN KEY (lift_officer_id) REFERENCES accounts(id)
CONSTRAINT warnings warnings_officer_id_fkey FOREIGN KEY (officer_id) REFERENCES accounts(id)
CONSTRAINT warnings warnings_pkey PRIMARY KEY (id)
CONSTRAINT warnings warnings_plan_check CHECK ((plan = ANY (ARRAY['comms'::text, 'radiation'::text, 'environment'::text])))
INDEX CREATE UNIQUE INDEX accounts_name_key ON accounts USING btree (name)
INDEX CREATE UNIQUE INDEX accounts_pkey ON accounts USING btree (id)
INDEX CREATE INDEX alarm_acks_acked ON alarm_acks USING btree (acked_at)
INDEX CREATE INDEX alarm_acks_clock ON alarm_acks USING btree (clock_key)
INDEX CREATE UNIQUE INDEX alarm_acks_pkey ON alarm_acks USING btree (id)
INDEX CREATE INDEX auth_events_at ON auth_events USING btree (at)
INDEX CREATE UNIQUE INDEX auth_events_pkey ON auth_events USING btree (id)
INDEX CREATE UNIQUE INDEX chain_pkey ON chain USING btree (seq)
INDEX CREATE UNIQUE INDEX chain_row ON chain USING btree (tbl, row_id)
INDEX CREATE INDEX clock_records_completed ON clock_records USING btree (completed_at) WHERE (completed_at IS NOT NULL)
INDEX CREATE UNIQUE INDEX clock_records_pkey ON clock_records USING btree (incident_id, clock_id)
INDEX CREATE UNIQUE INDEX clock_records_rowid_key ON clock_records USING btree (rowid)
INDEX CREATE UNIQUE INDEX derived_clocks_pkey ON derived_clocks USING btree (incident_id, seq)
INDEX CREATE UNIQUE INDEX derived_places_pkey ON derived_places USING btree (incident_id, place)
INDEX CREATE UNIQUE INDEX derived_stats_pkey ON derived_stats USING btree (incident_id)
INDEX CREATE INDEX duty_log_remarks_day ON duty_log_remarks USING btree (day, at)
INDEX CREATE UNIQUE INDEX duty_log_remarks_pkey ON duty_log_remarks USING btree (id)
INDEX CREATE INDEX duty_schedule_changes_month ON duty_schedule_changes USING btree (month, id)
INDEX CREATE UNIQUE INDEX duty_schedule_changes_pkey ON duty_schedule_changes USING btree (id)
INDEX CREATE UNIQUE INDEX duty_schedule_months_pkey ON duty_schedule_months USING btree (month)
INDEX CREATE UNIQUE INDEX duty_schema_pkey ON duty_schema USING btree (id)
INDEX CREATE UNIQUE INDEX duty_sessions_pkey ON duty_sessions USING btree (id)
INDEX CREATE INDEX duty_shifts_month ON duty_shifts USING btree (month)
INDEX CREATE UNIQUE INDEX duty_shifts_pkey ON duty_shifts USING btree (date, shift)
INDEX CREATE INDEX duty_shifts_start ON duty_shifts USING btree (start_at)
INDEX CREATE UNIQUE INDEX fired_alarms_clock_key_kind_seq_due_at_key ON fired_alarms USING btree (clock_key, kind, seq, due_at) NULLS NOT DISTINCT
INDEX CREATE UNIQUE INDEX fired_alarms_rowid_key ON fired_alarms USING btree (rowid)
INDEX CREATE INDEX handovers_day ON handovers USING btree (duty_day, id)
INDEX CREATE UNIQUE INDEX handovers_one_pending ON handovers USING btree (status) WHERE (status = 'pending'::text)
INDEX CREATE UNIQUE INDEX handovers_pkey ON handovers USING btree (id)
INDEX CREATE UNIQUE INDEX holiday_notice_changes_pkey ON holiday_notice_changes USING btree (id)
INDEX CREATE INDEX holiday_notice_changes_year ON holiday_notice_changes USING btree (year, id)
INDEX CREATE UNIQUE INDEX holiday_notices_pkey ON holiday_notices USING btree (year)
INDEX CREATE UNIQUE INDEX incident_bigrams_pkey ON incident_bigrams USING btree (bigram, incident_id)
INDEX CREATE INDEX incident_derived_next_due ON incident_derived USING btree (next_due_at) WHERE (next_due_at IS NOT NULL)
INDEX CREATE UNIQUE INDEX incident_derived_pkey ON incident_derived USING btree (incident_id)
INDEX CREATE UNIQUE INDEX incident_reporting_pkey ON incident_reporting USING btree (incident_id)
INDEX CREATE UNIQUE INDEX incident_stale_pkey ON incident_stale USING btree (incident_id)
INDEX CREATE UNIQUE INDEX incidents_pkey ON incidents USING btree (id)
INDEX CREATE INDEX incidents_received ON incidents USING btree (received_at, id, drill)
INDEX CREATE UNIQUE INDEX incidents_serial_key ON incidents USING btree (serial)
INDEX CREATE INDEX incidents_status ON incidents USING btree (status)
INDEX CREATE INDEX level_changes_incident ON level_changes USING btree (incident_id, id)
INDEX CREATE UNIQUE INDEX level_changes_pkey ON level_changes USING btree (id)
INDEX CREATE INDEX obligations_open ON obligations USING btree (incident_id) WHERE (closure_kind IS NULL)
INDEX CREATE UNIQUE INDEX obligations_pkey ON obligations USING btree (incident_id, obligation_key)
INDEX CREATE UNIQUE INDEX print_records_pkey ON print_records USING btree (id)
INDEX CREATE UNIQUE INDEX report_versions_pkey ON report_versions USING btree (report_id, version)
INDEX CREATE UNIQUE INDEX report_versions_rowid_key ON report_versions USING btree (rowid)
INDEX CREATE UNIQUE INDEX reports_incident_id_kind_seq_key ON reports USING btree (incident_id, kind, seq)
INDEX CREATE UNIQUE INDEX reports_pkey ON reports USING btree (id)
INDEX CREATE UNIQUE INDEX response_conditions_pkey ON response_conditions USING btree (incident_id, condition_id)
INDEX CREATE UNIQUE INDEX response_items_pkey ON response_items USING btree (incident_id, item_id)
INDEX CREATE UNIQUE INDEX response_items_rowid_key ON response_items USING btree (rowid)
INDEX CREATE INDEX response_levels_incident ON response_levels USING btree (incident_id)
INDEX CREATE UNIQUE INDEX response_levels_pkey ON response_levels USING btree (id)
INDEX CREATE UNIQUE INDEX response_tasks_pkey ON response_tasks USING btree (incident_id, task_id)
INDEX CREATE UNIQUE INDEX responses_pkey ON responses USING btree (incident_id)
INDEX CREATE INDEX roster_contact_history_contact ON roster_contact_history USING btree (contact_id)
INDEX CREATE UNIQUE INDEX roster_contact_history_pkey ON roster_contact_history USING btree (id)
INDEX CREATE INDEX roster_contacts_entry ON roster_contacts USING btree (roster_id, entry_kind, entry_id)
INDEX CREATE UNIQUE INDEX roster_contacts_pkey ON roster_contacts USING btree (id)
INDEX CREATE UNIQUE INDEX roster_entries_pkey ON roster_entries USING btree (roster_id, entry_kind, entry_id)
INDEX CREATE UNIQUE INDEX roster_entries_rowid_key ON roster_entries USING btree (rowid)
INDEX CREATE UNIQUE INDEX seat_names_pkey ON seat_names USING btree (seat)
INDEX CREATE UNIQUE INDEX seat_sessions_pkey ON seat_sessions USING btree (seat)
INDEX CREATE UNIQUE INDEX serial_counters_pkey ON serial_counters USING btree (prefix)
INDEX CREATE INDEX timeline_entries_at ON timeline_entries USING btree (at)
INDEX CREATE INDEX timeline_entries_incident ON timeline_entries USING btree (incident_id, at)
INDEX CREATE UNIQUE INDEX timeline_entries_pkey ON timeline_entries USING btree (id)
INDEX CREATE UNIQUE INDEX timeline_entries_voids ON timeline_entries USING btree ((((data)::jsonb ->> 'entryId'::text))) WHERE (kind = 'void'::text)
INDEX CREATE UNIQUE INDEX wall_keys_pkey ON wall_keys USING btree (id)
INDEX CREATE UNIQUE INDEX warning_actions_pkey ON warning_actions USING btree (warning_id, item_id)
INDEX CREATE UNIQUE INDEX warning_changes_pkey ON warning_changes USING btree (id)
INDEX CREATE INDEX warning_changes_warning ON warning_changes USING btree (warning_id)
INDEX CREATE UNIQUE INDEX warning_incidents_pkey ON warning_incidents USING btree (warning_id, incident_id)
INDEX CREATE UNIQUE INDEX warnings_pkey ON warnings USING btree (id)
TRIGGER CREATE TRIGGER auth_events_append_only_delete BEFORE DELETE ON auth_events FOR EACH ROW EXECUTE FUNCTION auth_events_append_only()
TRIGGER CREATE TRIGGER auth_events_append_only_update BEFORE UPDATE ON auth_events FOR EACH ROW EXECUTE FUNCTION auth_events_append_only()
TRIGGER CREATE TRIGGER chain_append_only_delete BEFORE DELETE ON chain FOR EACH ROW EXECUTE FUNCTION chain_append_only()
TRIGGER CREATE TRIGGER chain_append_only_update BEFORE UPDATE ON chain FOR EACH ROW EXECUTE FUNCTION chain_append_only()
TRIGGER CREATE TRIGGER clock_records_stale AFTER INSERT OR DELETE OR UPDATE ON clock_records FOR EACH ROW EXECUTE FUNCTION clock_records_stale()
TRIGGER CREATE TRIGGER incident_reporting_stale AFTER INSERT OR DELETE OR UPDATE ON incident_reporting FOR EACH ROW EXECUTE FUNCTION incident_reporting_stale()
TRIGGER CREATE TRIGGER incidents_bigrams AFTER INSERT OR DELETE OR UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_bigrams()
TRIGGER CREATE TRIGGER incidents_stale AFTER INSERT OR DELETE OR UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_stale()
TRIGGER CREATE TRIGGER level_changes_stale AFTER INSERT OR DELETE OR UPDATE ON level_changes FOR EACH ROW EXECUTE FUNCTION level_changes_stale()
TRIGGER CREATE TRIGGER obligations_closure_final BEFORE UPDATE ON obligations FOR EACH ROW WHEN ((old.closure_kind IS NOT NULL)) EXECUTE FUNCTION obligations_closure_final()
TRIGGER CREATE TRIGGER obligations_stale AFTER INSERT OR DELETE OR UPDATE ON obligations FOR EACH ROW EXECUTE FUNCTION obligations_stale()
TRIGGER CREATE TRIGGER reports_stale AFTER INSERT OR DELETE OR UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION reports_stale()
TRIGGER CREATE TRIGGER response_tasks_stale AFTER INSERT OR DELETE OR UPDATE ON response_tasks FOR EACH ROW EXECUTE FUNCTION response_tasks_stale()
TRIGGER CREATE TRIGGER responses_stale AFTER INSERT OR DELETE OR UPDATE ON responses FOR EACH ROW EXECUTE FUNCTION responses_stale()
TRIGGER CREATE TRIGGER timeline_entries_stale AFTER INSERT OR DELETE OR UPDATE ON timeline_entries FOR EACH ROW EXECUTE FUNCTION timeline_entries_stale()
