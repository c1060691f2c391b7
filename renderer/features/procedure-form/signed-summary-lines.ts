import { ageInYears, type Drug, doseInMg, type Operator, type ProcedureRecord } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';

/*
 * A signed record as a compact summary: only what was recorded, in the order the procedure
 * happened, in the clinic's words. Pure, so it is tested without a window.
 */

export interface SummaryLine {
  label: string;
  value: string;
}
export interface SummarySection {
  title: string;
  lines: SummaryLine[];
}

const yesNo = (value: boolean | null | undefined, yes: string, no: string) => (value == null ? null : value ? yes : no);
const list = (values: readonly (string | null | undefined)[]) => values.filter(Boolean).join(', ');
const line = (label: string, value: string | number | null | undefined): SummaryLine[] =>
  value == null || value === '' ? [] : [{ label, value: String(value) }];
const unit = (value: number | null | undefined, suffix: string) => (value == null ? null : `${value} ${suffix}`);

export function summaryOf(
  record: ProcedureRecord,
  catalogue: readonly Drug[],
  operators: readonly Operator[],
): SummarySection[] {
  const drugName = (code: string, signedName: string | undefined) =>
    signedName ?? catalogue.find((drug) => drug.code === code)?.name ?? code;
  const targetName = (index: number) => {
    const target = record.targets[index];
    return target ? `${target.root ?? '?'} ${words(target.side).toLowerCase()}`.trim() : `target ${index + 1}`;
  };
  const age = record.birthDate && record.performedAt ? ageInYears(record.birthDate, record.performedAt) : null;
  const time = record.startedAt ? `${record.startedAt}${record.endedAt ? `–${record.endedAt}` : ''}` : null;
  return [
    {
      title: 'Patient and procedure',
      lines: [
        ...line('Patient', list([record.patientName, record.patientId])),
        ...line('Born', record.birthDate ? `${record.birthDate}${age == null ? '' : ` (${age} years)`}` : null),
        ...line('Sex', words(record.sex)),
        ...line('Accession', record.accessionNumber),
        ...line('Performed', record.performedAt ? new Date(record.performedAt).toLocaleString() : null),
        ...line('Time', time),
        ...line('Operator', operators.find((operator) => operator.id === record.operatorId)?.name ?? record.operatorId),
        ...line('Assistant', record.assistant),
      ],
    },
    {
      title: 'Indication and safety',
      lines: [
        ...line('Indication', list(record.indications.map(words))),
        ...line('Symptoms', words(record.symptomSide)),
        ...line('Prior infiltrations', record.priorInfiltrations),
        ...line('Consent', words(record.consent)),
        ...line(
          'Anticoagulation',
          list([words(record.anticoagulation), words(record.anticoagulantClass).toLowerCase() || null]),
        ),
        ...line('Contrast allergy', words(record.contrastAllergy)),
        ...line('Steroid allergy', words(record.steroidAllergy)),
        ...line('Local anaesthetic allergy', words(record.localAnaestheticAllergy)),
        ...line('Pregnancy', record.pregnancyExcluded === 'yes' ? 'Excluded' : words(record.pregnancyExcluded)),
        ...line('Diabetes', words(record.diabetes)),
        ...line('Weight', unit(record.weightKg, 'kg')),
        ...line('Sedation', words(record.sedation)),
        ...line(
          'Time-out',
          list([
            yesNo(record.timeOutLevelVerified, 'level verified on images', 'level NOT verified on images'),
            yesNo(record.timeOutSideMarked, 'side marked', 'side NOT marked'),
            record.transitionalVertebra ? 'transitional vertebra noted' : null,
          ]),
        ),
        ...line('Position', words(record.position)),
      ],
    },
    {
      title: 'Targets',
      lines: record.targets.map((target, index) => ({
        label: `Target ${index + 1}`,
        value: list([
          targetName(index),
          target.foramen ? `foramen ${target.foramen}` : null,
          words(target.approach).toLowerCase(),
          target.spread.length > 0 ? `spread ${target.spread.map((p) => words(p).toLowerCase()).join(', ')}` : null,
          target.needleGauge ? `${target.needleGauge} G` : null,
          target.needleLengthMm ? `${target.needleLengthMm} mm` : null,
          target.needleRepositionings ? `${target.needleRepositionings} repositioning(s)` : null,
          target.provokedPain ? `provoked pain ${words(target.provokedPain).toLowerCase()}` : null,
          target.injectionSlowed ? 'injected more slowly' : null,
          target.abnormalSpreadAction ? `then ${words(target.abnormalSpreadAction).toLowerCase()}` : null,
        ]),
      })),
    },
    {
      title: 'Guidance and contrast',
      lines: [
        ...line('Modality', words(record.modality)),
        ...line('CTDIvol', unit(record.ctdiVolMGy, 'mGy')),
        ...line('DLP', unit(record.dlpMGyCm, 'mGy·cm')),
        ...line('CT acquisitions', record.ctAcquisitions),
        ...line('Fluoroscopy time', unit(record.fluoroTimeS, 's')),
        ...line('DAP', unit(record.dapGyCm2, 'Gy·cm²')),
        ...line('Contrast', list([words(record.contrastAgent), unit(record.contrastVolumeMl, 'mL')])),
        ...line(
          'Caudal epidural',
          record.caudalEpidural
            ? list([
                'yes',
                ...record.caudalSpread.map((p) => words(p).toLowerCase()),
                words(record.caudalProvokedPain),
                record.caudalAbnormalSpreadAction
                  ? `then ${words(record.caudalAbnormalSpreadAction).toLowerCase()}`
                  : null,
              ])
            : null,
        ),
        ...line('Above the reference level because', words(record.doseExceedanceReason)),
      ],
    },
    {
      title: 'Drugs',
      lines: [
        ...record.drugs.map((administration, index) => {
          const mg = doseInMg(administration);
          const where =
            administration.site === 'caudal'
              ? 'caudal epidural'
              : typeof administration.site === 'number'
                ? targetName(administration.site)
                : null;
          return {
            label: `Drug ${index + 1}`,
            value: list([
              drugName(administration.drug, administration.asSigned?.name),
              mg == null ? null : `${mg} mg`,
              where ? `at ${where}` : null,
              administration.lot ? `lot ${administration.lot}` : null,
            ]),
          };
        }),
        ...line('No drug given because', record.noDrugReason),
      ],
    },
    {
      title: 'Outcome',
      lines: [
        ...line(
          'Pain (NRS)',
          record.painPre != null || record.painPost != null
            ? `${record.painPre ?? '—'} before → ${record.painPost ?? '—'} after${record.painPostMinutes != null ? ` (${record.painPostMinutes} min)` : ''}`
            : null,
        ),
        ...line(
          'Complications',
          list(
            record.complications.map((entry) =>
              entry.severity
                ? `${words(entry.type)} (${entry.sirGrade ? `SIR ${entry.sirGrade}, ` : ''}${words(entry.severity).toLowerCase()})`
                : words(entry.type),
            ),
          ),
        ),
        ...line('Disposition', words(record.disposition)),
        ...line('Notes', record.notes),
      ],
    },
  ].filter((section) => section.lines.length > 0);
}
