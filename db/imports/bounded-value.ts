import type { ImportLimits } from '../interchange/limits.js';
import { IMPORT_FILE_MESSAGES as F, type Message, sentence, type Words } from '../model/index.js';

/** One token of stream-json's parser with packed values (see export-file.ts). */
export type Token =
  | { name: 'startObject' | 'endObject' | 'startArray' | 'endArray' }
  | { name: 'keyValue' | 'stringValue' | 'numberValue'; value: string }
  | { name: 'nullValue'; value: null }
  | { name: 'trueValue'; value: true }
  | { name: 'falseValue'; value: false }
  | { name: string; value?: unknown };

type Container = Record<string, unknown> | unknown[];

/**
 * Builds one JSON value from parser tokens, like JSON.parse would (a `__proto__` key is an own
 * property, never the prototype), but stops building at the first limit it meets and then
 * only follows the nesting until the value ends: an oversized value costs no memory.
 */
export class BoundedValue {
  value: unknown;
  complete = false;
  /** Why the value was not kept, once a limit was met: what is too large, after what it is ("holds more than …"). */
  problem: Words | null = null;
  private readonly stack: Container[] = [];
  private readonly keys: (string | undefined)[] = [];
  private key: string | undefined;
  private depth = 0;
  private count = 0;
  /** Characters of text (strings and keys) read so far: bounded before the value is built. */
  characters = 0;

  constructor(
    private readonly limits: Pick<ImportLimits, 'depth' | 'stringLength' | 'recordCharacters'>,
    private readonly maxValues: number,
  ) {}

  private text(text: string, tooLong: Message): void {
    if (text.length > this.limits.stringLength) this.fail(tooLong, this.limits.stringLength);
    this.characters += text.length;
    if (this.characters > this.limits.recordCharacters) this.fail(F.tooManyCharacters, this.limits.recordCharacters);
  }

  consume(token: Token): void {
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        this.depth++;
        if (this.depth > this.limits.depth) this.fail(F.nestedTooDeep, this.limits.depth);
        this.open(token.name === 'startObject' ? {} : []);
        break;
      case 'endObject':
      case 'endArray':
        this.depth--;
        this.close();
        break;
      case 'keyValue':
        this.key = token.value as string;
        this.text(token.value as string, F.keyTooLong);
        break;
      case 'stringValue':
        this.text(token.value as string, F.textTooLong);
        this.add(token.value);
        break;
      case 'numberValue':
        this.add(Number(token.value));
        break;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        this.add(token.value);
        break;
      default:
        // Streamed chunks and whitespace are not used (the parser packs every value).
        break;
    }
  }

  private fail(problem: Message, limit: number): void {
    if (this.problem) return;
    this.problem = sentence(problem, { limit });
    this.stack.length = 0;
    this.keys.length = 0;
    this.value = undefined;
  }

  private counted(): boolean {
    this.count++;
    if (this.count > this.maxValues) this.fail(F.tooManyValues, this.maxValues);
    return !this.problem;
  }

  private open(container: Container): void {
    if (this.counted()) {
      this.stack.push(container);
      this.keys.push(this.key);
    }
    this.key = undefined;
  }

  private close(): void {
    if (this.problem) {
      if (this.depth === 0) this.complete = true;
      return;
    }
    const done = this.stack.pop() as Container;
    this.key = this.keys.pop();
    this.place(done);
  }

  private add(value: unknown): void {
    if (!this.counted()) {
      if (this.depth === 0) this.complete = true;
      return;
    }
    this.place(value);
  }

  private place(value: unknown): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.value = value;
      this.complete = true;
    } else if (Array.isArray(parent)) {
      parent.push(value);
    } else {
      Object.defineProperty(parent, this.key as string, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    this.key = undefined;
  }
}
