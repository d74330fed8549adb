-- Question: How much residual PII did the guard mask in transcripts per type and day: values
--   masked and calls affected? (Connect's own redaction should leave none; any is a finding.)
-- Tables: qa_results
-- Parameters: ${tenant_id}, ${from_date}, ${to_date} (inclusive YYYY-MM-DD)
-- Grain: one row per call_date and pii_type with at least one finding (types: PiiType in
--   batch: CARD SSN IBAN ROUTING ACCOUNT EMAIL PHONE)
SELECT
  r.call_date,
  t.pii_type,
  SUM(element_at(r.pii_counts, t.pii_type)) AS values_masked,
  COUNT(*) AS calls_affected
FROM qa_results r
CROSS JOIN (
  VALUES ('CARD'), ('SSN'), ('IBAN'), ('ROUTING'), ('ACCOUNT'), ('EMAIL'), ('PHONE')
) AS t (pii_type)
WHERE r.tenant_id = '${tenant_id}'
  AND r.call_date BETWEEN '${from_date}' AND '${to_date}'
  AND element_at(r.pii_counts, t.pii_type) > 0
GROUP BY r.call_date, t.pii_type
ORDER BY r.call_date, t.pii_type
