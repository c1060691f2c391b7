/*
 * csv-stringify's browser build, as the dashboard uses it (numbers-csv.ts), declared for the
 * window's type check (tsconfig.web.json maps the import here). The package's own declaration
 * of this entry imports its Node stream API and, with it, all of Node's types, which would let
 * a Node module type-check in the renderer; the synchronous function needs none of them.
 */
export type Input = unknown[];

export interface Options {
  bom?: boolean;
  delimiter?: string;
  eof?: boolean;
  header?: boolean;
  quoted?: boolean;
  record_delimiter?: string;
}

export function stringify(input: Input, options?: Options): string;
