-- Every year of an indicator for the chosen areas (municipalities, counties or AL).
SELECT o.area_code, o.area_level,
       coalesce(m.name, c.name, f.name, 'Shqipëri') AS name,
       o.year, o.value, o.status, o.break_in_series, o.source_id, o.computed, o.note,
       o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved, o.read_at_url, o.flag_sq, o.flag_en
FROM observations AS o
LEFT JOIN municipalities AS m ON m.lau_code = o.area_code
LEFT JOIN counties AS c ON c.county_code = o.area_code
LEFT JOIN former_units AS f ON f.unit_code = o.area_code
WHERE o.indicator_id = $indicator AND o.breakdown = $breakdown AND list_contains($areas, o.area_code)
ORDER BY o.area_code, o.year
