export declare const MIGRATIONS_FOLDER: string;
export declare const MIGRATION_FILE: RegExp;
export declare function migrationFiles(
  files: readonly string[],
  read: (name: string) => string,
): { file: string; version: number; name: string }[];
export declare function migrationListSource(migrations: readonly { file: string; name: string }[]): string;
export declare function writeMigrationList(folder?: string): void;
