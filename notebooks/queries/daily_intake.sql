-- Question: What happened to each day's transcripts: how many were scored, and how many were
--   quarantined at which stage? (Skipped duplicates and already-scored calls are in the job's
--   books, not in a table.)
-- Tables: qa_results, quarantine
-- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive YYYY-MM-DD)
-- Grain: one row per call_date, outcome ('scored' or 'quarantined') and stage (NULL for scored)
SELECT call_date, outcome, stage, COUNT(*) AS transcripts
FROM (
  SELECT call_date, 'scored' AS outcome, NULL AS stage
  FROM qa_results
  WHERE tenant_id = '${tenant_id}'
    AND call_date BETWEEN '${from_date}' AND '${to_date}'
  UNION ALL
  SELECT call_date, 'quarantined' AS outcome, stage
  FROM quarantine
  WHERE tenant_id = '${tenant_id}'
    AND call_date BETWEEN '${from_date}' AND '${to_date}'
) x
GROUP BY call_date, outcome, stage
ORDER BY call_date, outcome, stage NULLS FIRST
