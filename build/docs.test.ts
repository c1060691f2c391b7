import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/* The documents a maintainer acts on: their links lead somewhere, and the README's test command is CI's. */
const root = join(import.meta.dirname, '..');
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(root, 'docs'), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name.split('\\').join('/')}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

const anchorsIn = (text: string) =>
  new Set(
    text
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchorOf(line.replace(/^#+ /, ''))),
  );

describe('the documents', () => {
  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const document of documents) {
      const text = readFileSync(join(root, document), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? join(root, document) : join(root, dirname(document), path);
        if (!existsSync(file)) {
          broken.push(`${document} links to ${target}: no such file`);
          continue;
        }
        if (anchor && file.endsWith('.md') && !anchorsIn(readFileSync(file, 'utf8')).has(anchor)) {
          broken.push(`${document} links to ${target}: ${relative(root, file)} has no such heading`);
        }
      }
    }
    expect(documents.length).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });

  it('the README gives the test command CI runs, and the command that starts the app', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const command = ci
      .split('\n')
      .find((line) => line.startsWith('npm '))
      ?.trim();
    expect(command).toBe('npm run setup -- --tests && npm test');
    expect(readme).toContain(`\`\`\`sh\n${command}\n\`\`\``);
    expect(readme).toContain('```sh\nnpm run setup && npm start\n```');
  });
});
