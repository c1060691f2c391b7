export declare const CATALOGUES: string;
export declare const TRANSLATED: readonly string[];
export declare function readPo(text: string): Map<string, string>;
export declare function sourceMessages(): Promise<{ id: string; message: string; comment?: string }[]>;
export declare function writeCatalogues(
  messages: readonly { id: string; message: string; comment?: string }[],
  options?: { sync?: boolean },
): void;
export declare function compileCatalogues(config?: string): { status: number | null; output: string };
export declare function prepareCatalogues(options?: { sync?: boolean }): Promise<void>;
