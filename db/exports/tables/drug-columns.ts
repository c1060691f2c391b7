import { DOSE_SALTS, YES_NO } from '../../model/index.js';
import { type Column, number, text, yesNo } from './columns.js';

export const drugColumns: Column[] = [
  {
    header: 'procedure_id',
    label: 'Record ID',
    type: 'text',
    description: 'Record the administration belongs to.',
    read: (row) => text(row('procedure_id')),
  },
  {
    header: 'drug_number',
    label: 'Drug number',
    type: 'integer',
    description: 'Position in the record (1 = first).',
    read: (row) => Number(row('ordinal')) + 1,
  },
  {
    header: 'drug',
    label: 'Drug code',
    type: 'text',
    description: "Code in the department's drug catalogue.",
    read: (row) => text(row('drug_code')),
  },
  {
    header: 'drug_name',
    label: 'Drug',
    type: 'text',
    description: 'Name in the catalogue.',
    read: (row) => text(row('drug_name')),
  },
  {
    header: 'drug_class',
    label: 'Class',
    type: 'code',
    values: ['steroid', 'local_anaesthetic', 'other'],
    description: 'Drug class.',
    read: (row) => text(row('drug_class')),
  },
  {
    header: 'particulate',
    label: 'Particulate',
    type: 'yes/no',
    values: YES_NO,
    description: 'Particulate steroid.',
    read: (row) => yesNo(row('particulate')),
  },
  {
    header: 'dose_mg',
    label: 'Dose',
    type: 'number',
    unit: 'mg',
    description: 'mg given: as entered, or concentration × volume.',
    read: (row) => number(row('dose_total_mg')),
  },
  {
    header: 'concentration_mg_per_ml',
    label: 'Concentration',
    type: 'number',
    unit: 'mg/mL',
    description: 'Concentration, where the catalogue doses by concentration.',
    read: (row) => number(row('concentration_mg_per_ml')),
  },
  {
    header: 'volume_ml',
    label: 'Volume',
    type: 'number',
    unit: 'mL',
    description: 'Volume injected.',
    read: (row) => number(row('volume_ml')),
  },
  {
    header: 'site',
    label: 'Injection site',
    type: 'text',
    description: 'Target number, or "caudal".',
    read: (row) =>
      row('at_caudal') === 1
        ? 'caudal'
        : row('target_ordinal') == null
          ? null
          : String(Number(row('target_ordinal')) + 1),
  },
  { header: 'lot', label: 'Lot', type: 'text', description: 'Lot number.', read: (row) => text(row('lot')) },
  {
    header: 'dose_salt',
    label: 'Dose stated as',
    type: 'code',
    values: DOSE_SALTS,
    description: 'Dexamethasone: the dose as the phosphate (empty: as on the ampoule, the phosphate) or as the base.',
    read: (row) => text(row('dose_salt')),
  },
];
