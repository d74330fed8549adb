-- Question: How did each agent do per day: calls scored, average QA score (%), pass rate and
--   auto-failed calls?
-- Tables: qa_results
-- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive YYYY-MM-DD)
-- Grain: one row per call_date and agent_id (agent_id NULL: calls whose contact record was not
--   compacted before scoring, see batch/README.md)
SELECT
  call_date,
  agent_id,
  COUNT(*) AS calls,
  AVG(percentage) AS avg_score_pct,
  CAST(SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS pass_rate,
  SUM(CASE WHEN auto_failed THEN 1 ELSE 0 END) AS auto_failed_calls
FROM qa_results
WHERE tenant_id = '${tenant_id}'
  AND call_date BETWEEN '${from_date}' AND '${to_date}'
GROUP BY call_date, agent_id
ORDER BY call_date, agent_id NULLS LAST
