-- County and national values (reported or validly computed) for an indicator, year and breakdown.
SELECT o.area_code, o.area_level, coalesce(c.name, 'Shqipëri') AS name, o.value, o.status, o.computed, o.source_id, o.note,
       o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved
FROM observations AS o
LEFT JOIN counties AS c ON c.county_code = o.area_code
WHERE o.indicator_id = $indicator AND o.year = $year AND o.breakdown = $breakdown AND o.area_level IN ('county', 'national')
ORDER BY o.area_level DESC, o.area_code
