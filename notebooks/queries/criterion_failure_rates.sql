-- Question: Which criteria fail most, per form version: how often each criterion applied, failed,
--   and its failure rate over the calls where it applied (N/A answers excluded)?
-- Tables: qa_criteria
-- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive YYYY-MM-DD)
-- Grain: one row per form_id, form_version, section_id and criterion_id over the whole date range
SELECT
  form_id,
  form_version,
  section_id,
  criterion_id,
  COUNT(*) AS answers,
  SUM(CASE WHEN answer = 'NOT_APPLICABLE' THEN 0 ELSE 1 END) AS applicable,
  SUM(CASE WHEN answer = 'FAILED' THEN 1 ELSE 0 END) AS failed,
  CASE
    WHEN SUM(CASE WHEN answer = 'NOT_APPLICABLE' THEN 0 ELSE 1 END) = 0 THEN NULL
    ELSE CAST(SUM(CASE WHEN answer = 'FAILED' THEN 1 ELSE 0 END) AS DOUBLE)
      / SUM(CASE WHEN answer = 'NOT_APPLICABLE' THEN 0 ELSE 1 END)
  END AS failure_rate
FROM qa_criteria
WHERE tenant_id = '${tenant_id}'
  AND call_date BETWEEN '${from_date}' AND '${to_date}'
GROUP BY form_id, form_version, section_id, criterion_id
ORDER BY form_id, form_version, failure_rate DESC NULLS LAST, criterion_id
