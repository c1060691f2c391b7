/** A command line that does not parse: runCli prints the message and the usage, and exits 2. */
export class UsageError extends Error {}
