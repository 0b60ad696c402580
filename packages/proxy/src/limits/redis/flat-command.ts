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
 * script's packed numbers, see codec.ts's plans): the text before and after that argument,
 * encoded once by frameCommand. `argv` (the buffer's place empty) is what a cluster reads the
 * keys from.
 */
export interface CommandFrame {
  name: string;
  argv: Array<string | Buffer>;
  before: Buffer;
  after: Buffer;
}

/** The frame of `name` with the arguments `before`, then a buffer of `length` bytes, then `after`. */
export function frameCommand(name: string, before: readonly string[], length: number, after: readonly string[]): CommandFrame {
  const bulk = (arg: string) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  return {
    name,
    argv: [...before, NOT_YET, ...after],
    before: Buffer.from(`*${before.length + after.length + 2}\r\n${bulk(name)}${before.map(bulk).join('')}$${length}\r\n`),
    after: Buffer.from(`\r\n${after.map(bulk).join('')}`),
  };
}

const NOT_YET = Buffer.alloc(0);

/** A framed command with this call's buffer; its reply's bulk strings stay bytes. */
export class FramedCommand extends Command {
  constructor(
    private readonly frame: CommandFrame,
    private readonly variable: Buffer,
  ) {
    super(frame.name, [], { replyEncoding: null });
    this.args = frame.argv;
  }

  override toWritable(): Buffer {
    const { before, after } = this.frame;
    const bytes = Buffer.allocUnsafe(before.length + this.variable.length + after.length);
    before.copy(bytes, 0);
    this.variable.copy(bytes, before.length);
    after.copy(bytes, before.length + this.variable.length);
    return bytes;
  }
}
