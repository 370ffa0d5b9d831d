-- LNB results reported in both factsheets, one row per measure, with the change between them.
SELECT measure, any_value(name_sq) AS name_sq, any_value(name_en) AS name_en,
       any_value(unit_sq) AS unit_sq, any_value(unit_en) AS unit_en,
       max(CAST(value AS BIGINT)) FILTER (WHERE year = '2019') AS value_2019,
       max(CAST(value AS BIGINT)) FILTER (WHERE year = '2021') AS value_2021,
       max(as_stated) FILTER (WHERE year = '2019') AS stated_2019,
       max(as_stated) FILTER (WHERE year = '2021') AS stated_2021
FROM programme_results
GROUP BY measure
ORDER BY measure
