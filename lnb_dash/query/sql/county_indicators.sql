-- For each indicator with a value for one county ($county): its latest year, and that year's values for every county
-- and Albania (total breakdown, values only: a missing value is neither shown nor ranked).
WITH latest AS (
    SELECT indicator_id, max(year) AS year FROM observations
    WHERE area_code = $county AND breakdown = 'total' AND status = 'value' GROUP BY indicator_id
)
SELECT o.area_code, o.area_level, o.indicator_id, o.year, o.value, o.computed, o.source_id, o.note,
       o.citation_url, o.citation_title, o.citation_retrieved,
       i.theme, i.kind, i.decimals, i.higher_is_better, i.name_sq, i.name_en, i.unit_sq, i.unit_en, i.categories
FROM observations AS o JOIN latest AS l USING (indicator_id, year) JOIN indicators AS i USING (indicator_id)
WHERE o.area_level IN ('county', 'national') AND o.breakdown = 'total' AND o.status = 'value'
ORDER BY i.theme, o.indicator_id, o.area_code
