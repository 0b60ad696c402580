import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; secrets never reach it (requests are not logged with their bodies). */
export const createLogger = (level: string, destination?: { write(line: string): void }): Logger =>
  pino({ level, base: undefined, redact: ['password', '*.password', 'secret', '*.secret', 'token', '*.token'] }, destination);
