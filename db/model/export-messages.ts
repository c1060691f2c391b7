import { declareMessages } from './messages.js';

/*
 * What an export's options break (the export screen, rootlog export): each given to zod with
 * rule() or ruleIssue(), said after the option's label ("From must not start after it ends")
 * in the reader's language.
 */
const OPT =
  'What an export\'s option breaks, after its label ("From must not start after it ends"), on the export screen and by rootlog export.';
export const EXPORT_OPTION_MESSAGES = declareMessages('rule.export', {
  filePath: ['must be a file path', `${OPT} Where the file is written.`],
  dayOrMonth: ['must be day or month', `${OPT} The dates' precision (keep "day", "month": what is typed).`],
  fhirSignedOnly: [
    'cannot be chosen for FHIR: a FHIR export carries signed records only (a draft is not a finished record)',
    `${OPT} Include drafts. Keep "FHIR".`,
  ],
  pseudonymisedOnly: [
    'applies to pseudonymised exports only (an identified export keeps every date and time as recorded)',
    `${OPT} The dates' precision.`,
  ],
  europeanCsvOnly: [
    'can be chosen for CSV exports only (XLSX, JSON and FHIR have no delimiter or decimal comma to choose)',
    `${OPT} European CSV. Keep the formats' names.`,
  ],
  detailFilesCsvOnly: [
    'can be chosen for CSV exports only (XLSX has a sheet per table already; JSON and FHIR hold everything)',
    `${OPT} Detail files. Keep the formats' names.`,
  ],
});
