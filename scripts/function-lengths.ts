/**
 * Function lengths: every function, arrow function, method, accessor and constructor in the given
 * .ts files or folders that is longer than a limit, longest first.
 *
 *   npx tsx scripts/function-lengths.ts src/app --max 150
 *
 * Exits 1 when any is over the limit (a long view closure is where unrelated jobs hide), 0 when
 * none is. A function's length is its lines from its first to its last, nested functions included:
 * a 400-line mount closure counts as 400 even when it is made of small arrows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface FunctionLength {
  file: string;
  /** 1-based line where the function starts. */
  line: number;
  /** What the code calls it, with its enclosing functions: "mountEditor > checkNow". */
  name: string;
  lines: number;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = (n: ts.Node | undefined) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : n?.getText(sf));
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node)) && node.name)
    return named(node.name) ?? '<anonymous>';
  // An arrow or unnamed function takes the name it is given: `const x = () => …`, `{ x: () => … }`, `x = …`.
  const p = node.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return named(p.name) ?? '<anonymous>';
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return p.left.getText(sf);
  if (ts.isCallExpression(p)) return `<arrow in ${p.expression.getText(sf).slice(0, 40)}(…)>`;
  return '<anonymous>';
}

const isFunction = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isAccessor(n) ||
  ts.isConstructorDeclaration(n);

/** Every function in one source text, outermost first. */
export function functionLengths(file: string, text: string): FunctionLength[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node, outer: string[]) => {
    let path = outer;
    if (isFunction(node) && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      path = [...outer, nameOf(node, sf)];
      out.push({ file, line: start + 1, name: path.join(' > '), lines: end - start + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, path));
  };
  visit(sf, []);
  return out;
}

/** The .ts files under a folder (or the file itself), in a stable order; declaration files are left out. */
export function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path).sort()) {
    const p = join(path, entry);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The functions longer than `max` lines in the given files and folders, longest first. */
export function overLimit(paths: readonly string[], max: number, root = process.cwd()): FunctionLength[] {
  const all = paths.flatMap(tsFiles).flatMap((p) => functionLengths(relative(root, p) || p, readFileSync(p, 'utf8')));
  return all.filter((f) => f.lines > max).sort((a, b) => b.lines - a.lines || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function main(argv: string[]): number {
  const i = argv.indexOf('--max');
  const max = i >= 0 ? Number(argv[i + 1]) : 150;
  const paths = argv.filter((a, j) => a !== '--max' && (i < 0 || j !== i + 1));
  if (!Number.isInteger(max) || max < 1 || !paths.length) {
    console.error('usage: npx tsx scripts/function-lengths.ts <folder or file>… [--max 150]');
    return 2;
  }
  const over = overLimit(paths, max);
  for (const f of over) console.log(`${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}`);
  console.log(over.length ? `${over.length} function(s) over ${max} lines.` : `No function over ${max} lines.`);
  return over.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
