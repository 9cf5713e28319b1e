-- 010: interest on what was really due. The statutory rates are built in
-- (data/interest-rates.tsv, every half-year since 2002): the rows migration
-- 005 seeded are the same and go, so that interest_rates holds only what a
-- book sets itself (relance rates set), which comes before the built-in.
-- An account's contract may provide for no interest, compensation, damages
-- or fees: account_dunning.claims = 0 (NULL: as its procedure says).
DELETE FROM interest_rates WHERE (country, since, rate) IN (VALUES
	('BE', '2023-01-01', 1050), ('BE', '2023-07-01', 1200),
	('BE', '2024-01-01', 1250), ('BE', '2024-07-01', 1250),
	('BE', '2025-01-01', 1150), ('BE', '2025-07-01', 1050),
	('BE', '2026-01-01', 1050),
	('FR', '2023-01-01', 1250), ('FR', '2023-07-01', 1400),
	('FR', '2024-01-01', 1450), ('FR', '2024-07-01', 1425),
	('FR', '2025-01-01', 1315), ('FR', '2025-07-01', 1215),
	('FR', '2026-01-01', 1215));
ALTER TABLE account_dunning ADD COLUMN claims INTEGER CHECK (claims IS NULL OR claims = 0);
