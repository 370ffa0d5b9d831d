-- One row per indicator of $ids and source it has values from (or is catalogued with): definition and unit in $lang
-- ('sq' or 'en'), the source's title, publisher, license, link, reference date and caveats (in Albanian where given).
SELECT DISTINCT i.indicator_id,
       CASE WHEN $lang = 'sq' THEN i.name_sq ELSE i.name_en END AS name,
       CASE WHEN $lang = 'sq' THEN i.unit_sq ELSE i.unit_en END AS unit,
       CASE WHEN $lang = 'sq' THEN i.definition_sq ELSE i.definition_en END AS definition,
       CASE WHEN $lang = 'sq' THEN coalesce(s.title_sq, s.title) ELSE s.title END AS source,
       CASE WHEN $lang = 'sq' THEN coalesce(s.publisher_sq, s.publisher) ELSE s.publisher END AS publisher,
       CASE WHEN $lang = 'sq' THEN coalesce(s.license_sq, s.license) ELSE s.license END AS license, s.license_url, s.homepage AS url,
       CASE WHEN $lang = 'sq' THEN coalesce(s.reference_date_sq, s.reference_date) ELSE s.reference_date END AS reference_date, s.retrieved,
       CASE WHEN $lang = 'sq' THEN coalesce(s.caveats_sq, s.caveats) ELSE s.caveats END AS caveats
FROM indicators i
JOIN (SELECT DISTINCT indicator_id, source_id FROM observations UNION SELECT indicator_id, source_id FROM indicators) o
     USING (indicator_id)
JOIN sources s ON s.source_id = o.source_id
WHERE list_contains($ids, i.indicator_id)
ORDER BY i.indicator_id, source
