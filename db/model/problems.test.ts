import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asItIs, fieldProblemOf } from './errors.js';
import { type FieldProblem, problemsFromZod } from './problems.js';

/* Every field problem reaches a person with its words: none is English only. */

describe('a field problem', () => {
  it('cannot be made without its words (the type refuses it)', () => {
    // @ts-expect-error a problem with its English only: the window could not say it in German
    const bare: FieldProblem = { field: 'notes', message: 'Notes are too long' };
    expect(bare.words).toBeUndefined();
  });

  it('from zod always has words, a custom issue without them included', () => {
    const schema = z.object({
      notes: z.string().max(3),
      weightKg: z.number().superRefine((_value, ctx) => {
        ctx.addIssue({ code: 'custom', message: 'a schema’s own English', params: { labelled: true } });
      }),
    });
    const result = schema.safeParse({ notes: 'abcd', weightKg: 70 });
    expect(result.success).toBe(false);
    const problems = problemsFromZod((result as { error: z.ZodError }).error);
    expect(problems.map((p) => p.field)).toEqual(['notes', 'weightKg']);
    for (const p of problems) expect(p.words.message.id).toMatch(/^problem\./);
  });

  it('from a refusal said in English only is said as it is', () => {
    expect(fieldProblemOf('notes', { message: 'too long' })).toEqual({
      field: 'notes',
      message: 'too long',
      words: asItIs('too long'),
    });
  });
});
