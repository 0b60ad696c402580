import { Command } from 'ioredis';

/**
 * A command whose arguments are handed over flat and written as they are. ioredis's Command
 * flattens its arguments (Array.prototype.flat: for a script's 30-odd, as long as everything else
 * the store does in the process) and, when one is a buffer (a script's packed numbers), writes
 * each of them into the output one by one; this writes the strings around a buffer as one text.
 */
export class FlatCommand extends Command {
  constructor(name: string, argv: Array<string | Buffer>) {
    super(name, [], { replyEncoding: 'utf8' });
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
