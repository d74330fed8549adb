-- Question: How does each queue do per day and channel: calls scored, pass rate and average QA
--   score (%)?
-- Tables: qa_results
-- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive YYYY-MM-DD)
-- Grain: one row per call_date, queue and channel (queue NULL: no contact record joined)
SELECT
  call_date,
  queue,
  channel,
  COUNT(*) AS calls,
  CAST(SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS pass_rate,
  AVG(percentage) AS avg_score_pct
FROM qa_results
WHERE tenant_id = '${tenant_id}'
  AND call_date BETWEEN '${from_date}' AND '${to_date}'
GROUP BY call_date, queue, channel
ORDER BY call_date, queue NULLS LAST, channel NULLS LAST
