// The guide's complete files, by name, so a test can run exactly what docs/authoring.md shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';

const GUIDE = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');

/** The text of the guide's block that starts `# file: <name>`, without that marker line, as the reader saves it. */
export function guideFile(name: string): string {
  const lines = GUIDE.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```/.test(lines[i]!) || lines[i + 1]?.trim() !== `# file: ${name}`) continue;
    const body: string[] = [];
    for (let j = i + 2; j < lines.length && !/^```\s*$/.test(lines[j]!); j++) body.push(lines[j]!);
    return body.join('\n') + '\n';
  }
  throw new Error(`docs/authoring.md has no complete file "# file: ${name}"`);
}
