import type { Drug } from './catalogue.js';
import type { DrugAdministration, ProcedureDraft, SignedDrugFacts } from './procedure.js';

/*
 * A signed record keeps what the catalogue said of its drugs when it was signed (item 6 of
 * "what the clinician enters is what is stored"): the rules, the exports and the dashboard
 * read those facts for signed records, and today's catalogue only for drafts.
 */

export const signedFactsOf = (drug: Drug): SignedDrugFacts => ({
  name: drug.name,
  drugClass: drug.drugClass,
  particulate: drug.particulate,
  maxDoseMg: drug.maxDoseMg ?? null,
});

/** A draft's drugs without catalogue facts: a draft always follows the catalogue as it is. */
export function withoutSignedFacts(draft: ProcedureDraft): ProcedureDraft {
  if (!draft.drugs.some((drug) => drug.asSigned)) return draft;
  return { ...draft, drugs: draft.drugs.map(({ asSigned: _facts, ...drug }) => drug) };
}

/**
 * The record as it is signed: each drug with the catalogue's facts. An amendment keeps the
 * facts its drugs were signed with (`previous`), so only a drug new to the record takes
 * today's catalogue.
 */
export function withSignedFacts(
  draft: ProcedureDraft,
  catalogue: readonly Drug[],
  previous?: ProcedureDraft,
): ProcedureDraft {
  const today = new Map(catalogue.map((drug) => [drug.code, drug]));
  const before = new Map(
    (previous?.drugs ?? [])
      .filter((drug) => drug.asSigned)
      .map((drug) => [drug.drug, drug.asSigned as SignedDrugFacts]),
  );
  return {
    ...draft,
    drugs: draft.drugs.map(({ asSigned: _given, ...administration }): DrugAdministration => {
      const facts = before.get(administration.drug) ?? today.get(administration.drug);
      if (!facts) return administration;
      return { ...administration, asSigned: 'code' in facts ? signedFactsOf(facts) : facts };
    }),
  };
}

/**
 * The catalogue a record's rules read: its drugs' signed facts over `catalogue` (for a
 * signed record, the catalogue as it stood; for a draft, today's).
 */
export function catalogueForRecord(record: ProcedureDraft, catalogue: readonly Drug[]): Drug[] {
  const signed = new Map<string, SignedDrugFacts>();
  for (const drug of record.drugs) if (drug.asSigned && !signed.has(drug.drug)) signed.set(drug.drug, drug.asSigned);
  if (signed.size === 0) return [...catalogue];
  const merged = catalogue.map((drug) => {
    const facts = signed.get(drug.code);
    return facts ? { ...drug, ...facts, maxDoseMg: facts.maxDoseMg ?? undefined } : drug;
  });
  for (const [code, facts] of signed) {
    if (!catalogue.some((drug) => drug.code === code))
      merged.push({
        code,
        ...facts,
        maxDoseMg: facts.maxDoseMg ?? undefined,
        dosing: 'mg',
        active: false,
      });
  }
  return merged;
}
