// Instructions, not seconds: what one command's load + run + analyse of the generated exercise costs
// (bench-phases --cold-round: a fresh process generates the exercise, then loads, runs and analyses
// it once), counted by valgrind's callgrind and split into V8's parts by their function names.
//
// CPU time on this machine moves with its host: the same cold 1,000-unit process took 5.1 s at
// 14:50 and 6.0-7.6 s at 15:52 on 2026-12-05, its user time up by a fifth while the small probe
// (machine-probe.ts) moved a tenth. An instruction count need not, if V8 is made to do the same
// work each time: on one thread (--single-threaded: compiling and collecting on the main thread),
// with its collections scheduled by allocation rather than by the clock (--predictable), and with
// fixed seeds for the hashes of strings and objects (--hash-seed, --random-seed), which are random
// per process otherwise and change how every Map and Set lays out. So run, one build gave
// 10.843 G alone and 10.849 G twice beside another run (300 units, 0.06 %). With --predictable
// alone, identical runs at 1,000 units ranged over 25.24-25.78 G (2 %) as the machine's load
// changed, more than most changes save; compare two checkouts run side by side all the same.
// The flags are for the measurement only; the simulator ships and is timed without them.
//
// Needs valgrind (Debian: apt-get install valgrind); about 3 minutes at 300 units and 8 at 1,000.
//
//   npm run bench:instructions -- [--units 300] [--keep <callgrind.out>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCore } from './bundle-core.mjs';
import { arg } from './cli-arg.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * V8's parts by the names in its symbols, tried in order; what none names is V8's runtime (property
 * look-ups, object and string operations called from code). Code V8 made at run time has no symbol:
 * callgrind names it by address.
 */
const PARTS = [
  [
    'TurboFan, compiling',
    /v8::internal::compiler::|v8::internal::Zone|turboshaft|OptimizedCompilationJob|PipelineImpl|InstructionSelector|RegisterAllocator|MoveOptimizer|JumpThreading|CodeGenerator|Assembler::/,
  ],
  [
    'garbage collection',
    /Scaveng|MarkCompact|Marking|Heap::|Sweeper|Evacuat|MemoryAllocator|RememberedSet|SlotSet|MemoryChunk|PagedSpace|NewSpace|SemiSpace|LargeObjectSpace|FreeList|YoungGeneration|IncrementalMarking|MinorMC|PointersUpdating|RecordMigratedSlot|cppgc::/,
  ],
  [
    'parsing to bytecode',
    /v8::internal::Parser|Scanner|PreParser|BytecodeGenerator|interpreter::Bytecode|BytecodeArrayBuilder|ParserBase|AstValueFactory|v8::internal::Ast|Utf8Decoder|baseline::|BaselineCompiler|BytecodeAnalysis/,
  ],
  ['builtins (inline caches, interpreter)', /Builtins_/],
  ['optimised code', /^\?\?\?:0x/],
  ['Math (sin, cos, asin ...)', /ieee754/],
  ['libc', /libc\.so|libstdc\+\+/],
];

/** callgrind_annotate's self cost per function, split into PARTS. */
function split(annotated) {
  const parts = new Map([...PARTS.map(([name]) => [name, 0]), ['V8 runtime and the rest', 0]]);
  let total = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*)$/.exec(line);
    if (!m || m[2].includes('PROGRAM TOTALS') || !m[2].includes(':')) continue;
    const n = Number(m[1].replaceAll(',', ''));
    total += n;
    const part = PARTS.find(([, re]) => re.test(m[2]))?.[0] ?? 'V8 runtime and the rest';
    parts.set(part, parts.get(part) + n);
  }
  return { parts, total };
}

async function main() {
  const units = Number(arg('units', '300'));
  const keep = arg('keep', '');
  const out = join(ROOT, 'build/bench/bench-phases.mjs');
  await bundleCore(ROOT, 'import "./scripts/bench-phases.ts";', out);
  const dir = mkdtempSync(join(tmpdir(), 'instructions-'));
  const file = keep ? resolve(keep) : join(dir, 'callgrind.out');
  try {
    const round = execFileSync(
      'valgrind',
      [
        '--tool=callgrind',
        `--callgrind-out-file=${file}`,
        process.execPath,
        '--single-threaded',
        '--predictable',
        '--hash-seed=1',
        '--random-seed=1',
        out,
        '--cold-round',
        '--units',
        String(units),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const annotated = execFileSync('callgrind_annotate', ['--threshold=100', '--inclusive=no', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const { parts, total } = split(annotated);
    const g = (n) => (n / 1e9).toFixed(3).padStart(8);
    console.log(`${units} units × 1 h, one fresh process (generate, then load + run + analyse once; ${JSON.parse(round).cpuMs} ms CPU under valgrind):`);
    for (const [name, n] of parts) console.log(`  ${g(n)} G  ${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`);
    console.log(`  ${g(total)} G  total instructions`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
