import { DRUG_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

/**
 * The drug rows' columns. A signed record's drug as the catalogue described it at signing
 * (schema 6), or at the upgrade for records signed before; a draft's as the catalogue
 * describes it now (c: the catalogue, f: the catalogue at schema 6).
 */
export const drugColumns: PartColumns = partColumns(DRUG_FIELDS, 'd', {
  drug_name: "coalesce(d.signed_name, CASE WHEN p.status <> 'draft' THEN f.name END, c.name)",
  drug_class: "coalesce(d.signed_class, CASE WHEN p.status <> 'draft' THEN f.drug_class END, c.drug_class)",
  particulate: "coalesce(d.signed_particulate, CASE WHEN p.status <> 'draft' THEN f.particulate END, c.particulate)",
  site: "CASE WHEN d.at_caudal = 1 THEN 'caudal' WHEN d.target_ordinal IS NULL THEN NULL ELSE CAST(d.target_ordinal + 1 AS TEXT) END",
});
