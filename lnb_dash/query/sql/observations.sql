-- Observations with names, units and sources, for the data page and its downloads.
-- Empty filters ('' or 0) mean all.
SELECT o.area_code, coalesce(m.name, c.name, f.name, 'Shqipëri') AS area_name, o.area_level, o.indicator_id,
       i.name_sq, i.name_en, o.breakdown, o.year, o.value, i.unit_sq, i.unit_en, o.status, o.break_in_series, o.computed,
       o.note, o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved, o.read_at_url, o.flag_sq, o.flag_en,
       o.source_id, s.title AS source_title, s.title_sq AS source_title_sq, s.publisher AS source_publisher, s.license AS source_license,
       s.publisher_sq AS source_publisher_sq, s.license_sq AS source_license_sq,
       s.homepage AS source_url
FROM observations AS o
JOIN indicators AS i USING (indicator_id)
JOIN sources AS s ON s.source_id = o.source_id
LEFT JOIN municipalities AS m ON m.lau_code = o.area_code
LEFT JOIN counties AS c ON c.county_code = o.area_code
LEFT JOIN former_units AS f ON f.unit_code = o.area_code
WHERE ($indicator = '' OR o.indicator_id = $indicator)
  AND ($year = 0 OR o.year = $year)
  AND ($status = '' OR o.status = $status)
  AND ($area_level = '' OR o.area_level = $area_level)
ORDER BY o.indicator_id, o.breakdown <> 'total', o.breakdown, o.year, o.area_level DESC, o.area_code
