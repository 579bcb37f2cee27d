/**
 * The command line's contact with the disk and the terminal, where hostile input is met: a
 * read never grows past the size limit whatever `stat` says (a device, a pipe), a directory or a
 * symlink loop is a message rather than a stack trace, `--out` never replaces an input and is
 * written whole or not at all, and nothing a file says can drive the terminal.
 */
import { closeSync, openSync, readSync, renameSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileText } from '../core/procedure/load';
import { MAX_FILE_BYTES } from '../core/yaml-source';
import { t, type Lang } from '../i18n';

/** Why a path cannot be read, in the words of a checker message (after `path:1:1: error: `). */
export type Unreadable = { problem: string };

/** `what` is a `cli.io.*` code: what could not be done ("read it"). */
function ioProblem(e: unknown, what: string, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
  switch (code) {
    case 'ENOENT':
      return t(lang, 'cli.io.no-such-file');
    case 'ELOOP':
      return t(lang, 'cli.io.link-loop');
    case 'EACCES':
    case 'EPERM':
      return t(lang, 'cli.io.permission', { what: t(lang, what) });
    case 'EISDIR':
      return t(lang, 'cli.io.folder');
    case 'ENOTDIR':
      return t(lang, 'cli.io.not-folder');
    default:
      return t(lang, 'cli.io.other', { what: t(lang, what), code });
  }
}

/** Reads at most `limit + 1` bytes: enough to know a file is over the limit without reading it all. */
function readCapped(abs: string, limit: number): { bytes: Buffer; over: boolean } {
  const fd = openSync(abs, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(64 * 1024, limit + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    return { bytes: Buffer.concat(chunks, total), over: total > limit };
  } finally {
    closeSync(fd);
  }
}

/**
 * A scenario or procedure file's text, read with a byte cap. Over the limit, the text is empty
 * and `bytes` says how big it is (or that it is bigger than the cap, for a device or a pipe), so
 * the loader refuses it at file:1:1.
 */
export function readInput(path: string, display: string, lang: Lang = 'en'): FileText | Unreadable {
  const abs = resolve(path);
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return { problem: t(lang, 'cli.io.folder') };
    size = st.isFile() ? st.size : 0;
  } catch (e) {
    return { problem: ioProblem(e, 'cli.io.read-it', lang) };
  }
  if (size > MAX_FILE_BYTES) return { file: display, text: '', bytes: size };
  try {
    const { bytes, over } = readCapped(abs, MAX_FILE_BYTES);
    if (over) return { file: display, text: '', bytes: Math.max(size, bytes.length), bytesAtLeast: size <= MAX_FILE_BYTES };
    return { file: display, text: bytes.toString('utf8') };
  } catch (e) {
    return { problem: ioProblem(e, 'cli.io.read-it', lang) };
  }
}

export function isUnreadable(x: FileText | Unreadable): x is Unreadable {
  return 'problem' in x;
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes a command's output to `--out`: refused when it names an input (the report would replace
 * the scenario), and written to a temporary file in the same folder then renamed, so a reader
 * never sees half a report and an old file survives a failed write. Returns the message on failure.
 */
export function writeOutput(out: string, text: string, inputs: readonly string[], lang: Lang = 'en'): string | undefined {
  const abs = resolve(out);
  const dir = dirname(abs);
  for (const input of inputs) {
    if (resolve(input) === abs || sameFile(input, abs)) return t(lang, 'cli.out.is-input', { out, input });
  }
  try {
    if (!statSync(dir).isDirectory()) return t(lang, 'cli.out.parent-is-file', { out, dir: dirname(out) });
  } catch (e) {
    const folder = { out, dir: dirname(out) || '.' };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return t(lang, 'cli.out.no-folder', folder);
    return t(lang, 'cli.out.folder-problem', { ...folder, problem: ioProblem(e, 'cli.io.be-read', lang) });
  }
  try {
    if (statSync(abs).isDirectory()) return t(lang, 'cli.out.is-folder', { out });
  } catch {
    // Not there yet: it will be created.
  }
  let target = abs;
  try {
    target = realpathSync(abs);
  } catch {
    // A new file: write at the path as given.
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
    return t(lang, 'cli.out.failed', { out, problem: ioProblem(e, 'cli.io.write-it', lang) });
  }
}

/** Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides that reorder text on screen. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text a file supplied, made safe to print on a terminal: an escape sequence in a unit's name
 * would otherwise retitle the window, clear the screen or set the clipboard (OSC 52). Each such
 * character is shown as its escape, e.g. `\x1B` or `\u202E`, so the reader sees it was there.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * JSON with the same characters escaped as \uXXXX: the same values for a program that parses it,
 * and inert on a terminal (JSON.stringify escapes C0 itself, but not DEL, C1 or the overrides).
 */
export function inertJson(json: string): string {
  return json.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes to stderr once stdout has handed on all that was written to it before. A full pipe makes
 * stdout queue the rest, and a line written to stderr at once overtakes it where both go to one
 * pipe (`2>&1 | less`, a CI log): check's summary landed in the middle of its warnings.
 */
export function toStderrAfterStdout(text: string): Promise<void> {
  return new Promise((resolve) =>
    process.stdout.write('', () => {
      process.stderr.write(text);
      resolve();
    }),
  );
}
