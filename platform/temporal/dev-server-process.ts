/** One run of the dev server's OS process. */
export interface DevServerProcess {
  pid: number;
  /** Resolves when the process has exited, however that happened. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  stderr(): string;
  /** SIGTERM, SIGKILL after 15 s; resolves once it is gone. */
  stop(): Promise<void>;
}
