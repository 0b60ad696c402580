import { Command } from 'ioredis';

/**
 * A command whose arguments are handed over flat and written as they are. ioredis's Command
 * flattens its arguments (Array.prototype.flat: for a script's 30-odd, as long as everything else
 * the store does in the process) and, when one is a buffer (a script's packed numbers), writes
 * each of them into the output one by one; this writes the strings around a buffer as one text.
 */
export class FlatCommand extends Command {
  /** `replyEncoding` null: bulk strings in the reply stay bytes. */
  constructor(name: string, argv: Array<string | Buffer>, replyEncoding: BufferEncoding | null = 'utf8') {
    super(name, [], { replyEncoding });
    this.args = argv; // its keys (for a cluster's slot) are read from here
  }

  override toWritable(): string | Buffer {
    return encodeCommand(this.name, this.args as Array<string | Buffer>);
  }
}

/** A command in RESP: a string when every argument is one, else the bytes of the texts between the buffers and the buffers. */
export function encodeCommand(name: string, argv: ReadonlyArray<string | Buffer>): string | Buffer {
  let text = `*${argv.length + 1}\r\n$${Buffer.byteLength(name)}\r\n${name}\r\n`;
  let pieces: Array<string | Buffer> | null = null;
  for (const arg of argv) {
    if (typeof arg === 'string') text += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
    else {
      (pieces ??= []).push(`${text}$${arg.length}\r\n`, arg);
      text = '\r\n';
    }
  }
  if (!pieces) return text;
  pieces.push(text);
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += typeof piece === 'string' ? bytes.write(piece, at) : piece.copy(bytes, at);
  return bytes;
}

/**
 * A command whose bytes are the same for every call but one buffer argument of a fixed length (a
 * script's packed numbers, see codec.ts's plans) and, if `trailing`, a last string argument (a
 * usage entry): the text before and after that buffer, encoded once by frameCommand. `argv` (the
 * call's own arguments empty) is what a cluster reads the keys from.
 */
export interface CommandFrame {
  name: string;
  argv: Array<string | Buffer>;
  /** The place of the call's buffer in argv. */
  variableAt: number;
  before: Buffer;
  after: Buffer;
  trailing: boolean;
}

/** The frame of `name` with the arguments `before`, then a buffer of `length` bytes, then `after`, then, if `trailing`, the call's last string. */
export function frameCommand(name: string, before: readonly string[], length: number, after: readonly string[], trailing = false): CommandFrame {
  const bulk = (arg: string) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  const count = before.length + after.length + (trailing ? 3 : 2);
  return {
    name,
    argv: [...before, NOT_YET, ...after, ...(trailing ? [''] : [])],
    variableAt: before.length,
    before: Buffer.from(`*${count}\r\n${bulk(name)}${before.map(bulk).join('')}$${length}\r\n`),
    after: Buffer.from(`\r\n${after.map(bulk).join('')}`),
    trailing,
  };
}

const NOT_YET = Buffer.alloc(0);

/** The frame's arguments with a call's buffer (and last string) in their places. */
export function frameArgs(frame: CommandFrame, variable: Buffer, last = ''): Array<string | Buffer> {
  const argv = frame.argv.slice();
  argv[frame.variableAt] = variable;
  if (frame.trailing) argv[argv.length - 1] = last;
  return argv;
}

/** A framed command with this call's buffer (and last string); its reply's bulk strings stay bytes. */
export class FramedCommand extends Command {
  constructor(
    private readonly frame: CommandFrame,
    private readonly variable: Buffer,
    private readonly last = '',
  ) {
    super(frame.name, [], { replyEncoding: null });
    this.args = frame.argv;
  }

  override toWritable(): Buffer {
    const { before, after, trailing } = this.frame;
    const lastLength = trailing ? Buffer.byteLength(this.last) : 0;
    const lastHeader = trailing ? `$${lastLength}\r\n` : '';
    const bytes = Buffer.allocUnsafe(before.length + this.variable.length + after.length + (trailing ? lastHeader.length + lastLength + 2 : 0));
    let at = before.copy(bytes, 0);
    at += this.variable.copy(bytes, at);
    at += after.copy(bytes, at);
    if (trailing) {
      at += bytes.write(lastHeader, at, 'latin1');
      at += bytes.write(this.last, at);
      bytes.write('\r\n', at, 'latin1');
    }
    return bytes;
  }
}
