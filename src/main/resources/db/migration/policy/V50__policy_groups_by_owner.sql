-- Each module now keeps its policy numbers in its own group (PolicyGroup), stored under the group's
-- key beside the checkpoint's numbers. The numbers stored under "ledgers" move to the group of the
-- module that owns them, as they were stored; a number a version never had stays absent (a group
-- with none is left out), so it reads as the seed, as it did before. "residents" keeps its place.
update policy_version
   set params = (params - 'ledgers') || jsonb_strip_nulls(jsonb_build_object(
           'hygiene', nullif(jsonb_strip_nulls(jsonb_build_object(
               'disinfectionTimesPerDay', params -> 'ledgers' -> 'disinfectionTimesPerDay',
               'chlorineMinMgL', params -> 'ledgers' -> 'chlorineMinMgL',
               'chlorineMaxMgL', params -> 'ledgers' -> 'chlorineMaxMgL',
               'wasteBinChlorineMgL', params -> 'ledgers' -> 'wasteBinChlorineMgL',
               'ventilationMinutes', params -> 'ledgers' -> 'ventilationMinutes',
               'indoorVentilationMinutes', params -> 'ledgers' -> 'indoorVentilationMinutes',
               'liftWipeHeightM', params -> 'ledgers' -> 'liftWipeHeightM')), '{}'::jsonb),
           'supplies', nullif(jsonb_strip_nulls(jsonb_build_object(
               'supplyCoverDays', params -> 'ledgers' -> 'supplyCoverDays',
               'consumptionWindowDays', params -> 'ledgers' -> 'consumptionWindowDays')), '{}'::jsonb),
           'staff', nullif(jsonb_strip_nulls(jsonb_build_object(
               'staffNatIntervalDays', params -> 'ledgers' -> 'staffNatIntervalDays')), '{}'::jsonb),
           'dailyreport', nullif(jsonb_strip_nulls(jsonb_build_object(
               'dailyReportDeadline', params -> 'ledgers' -> 'dailyReportDeadline')), '{}'::jsonb)))
 where params -> 'ledgers' is not null;
