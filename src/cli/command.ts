// What every subcommand looks like, and the I/O it is given (replaceable in tests).

export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The whole of stdin (bounded), for commands that read a body from it. */
  readonly readStdin: () => Promise<Uint8Array>;
  readonly stdinIsTerminal: boolean;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Resolves to the exit code; throws UsageError for invocation mistakes. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
