/**
 * A compiled unit machine written out for people and tools: JSON as Stately's tools read it
 * (states, on, guards and actions by name, initial), a Mermaid `stateDiagram-v2`, and Graphviz DOT
 * for a picture without a browser. All three are read off the same configuration the run uses.
 */
import type { GuardRef, StateConfig, TransitionConfig, UnitMachineConfig } from './compile';

/** One transition of the machine, flattened: from a state path to a state path (itself when it stays). */
export interface Edge {
  from: string;
  to: string;
  event: string;
  guard: GuardRef | null;
  action: string | null;
}

const list = (t: TransitionConfig | TransitionConfig[]): TransitionConfig[] => (Array.isArray(t) ? t : [t]);

function resolve(from: string, target: string | undefined): string {
  if (target === undefined) return from;
  if (target.startsWith('.')) return `${from}${target}`;
  return `${from.split('.').slice(0, -1).join('.')}.${target}`.replace(/^\./, '');
}

/** Every transition of a configuration, with full state paths ("comms.calling.last-call"). */
export function edgesOf(config: UnitMachineConfig): Edge[] {
  const out: Edge[] = [];
  const walk = (path: string, node: StateConfig) => {
    for (const [event, ts] of Object.entries(node.on ?? {}))
      for (const t of list(ts)) out.push({ from: path, to: resolve(path, t.target), event, guard: t.guard ?? null, action: t.actions ?? null });
    for (const [name, child] of Object.entries(node.states ?? {})) walk(path ? `${path}.${name}` : name, child);
  };
  walk('', config as unknown as StateConfig);
  return out;
}

/** The configuration as JSON Stately's tools import (guards and actions are named, nothing is code). */
export function machineJson(config: UnitMachineConfig): string {
  return JSON.stringify(config, null, 2) + '\n';
}

function eventWords(e: Edge): string {
  return e.guard?.params.timer ? `${e.event}(${e.guard.params.timer})` : e.event;
}

/** Edge labels grouped by source and target, so a diagram draws one arrow per pair. */
function grouped(config: UnitMachineConfig): { from: string; to: string; labels: string[] }[] {
  const by = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const e of edgesOf(config)) {
    const k = `${e.from}>${e.to}`;
    const g = by.get(k) ?? { from: e.from, to: e.to, labels: [] };
    // The target shows where the step left the unit; a loop lists the events that leave it where it is.
    const label = e.from === e.to ? eventWords(e) : `${eventWords(e)}${e.action ? ` / ${e.action}` : ''}`;
    if (!g.labels.includes(label)) g.labels.push(label);
    by.set(k, g);
  }
  return [...by.values()];
}

const mid = (path: string) => path.replace(/[^A-Za-z0-9]+/g, '_');

const parentOf = (p: string) => p.split('.').slice(0, -1);

/** The state whose block draws an arrow: the deepest one holding both ends. */
function ownerOf(from: string, to: string): string {
  const a = parentOf(from);
  const b = parentOf(to);
  const common: string[] = [];
  for (let i = 0; i < a.length && a[i] === b[i]; i++) common.push(a[i]!);
  return common.join('.');
}

/** A Mermaid stateDiagram-v2: regions side by side, sub-states nested, one arrow per pair of states. */
export function machineMermaid(config: UnitMachineConfig): string {
  const L: string[] = ['stateDiagram-v2', `  %% ${config.description}`];
  const edges = grouped(config);
  const arrows = (path: string, pad: string) => {
    for (const e of edges) if (ownerOf(e.from, e.to) === path) L.push(`${pad}${mid(e.from)} --> ${mid(e.to)} : ${e.labels.join('<br/>')}`);
  };
  const node = (path: string, n: StateConfig, depth: number) => {
    const pad = '  '.repeat(depth);
    const name = path.split('.').pop()!;
    const children = Object.entries(n.states ?? {});
    if (!children.length) {
      L.push(`${pad}state "${name}" as ${mid(path)}`);
      return;
    }
    L.push(`${pad}state "${name}" as ${mid(path)} {`);
    if (n.initial) L.push(`${pad}  [*] --> ${mid(`${path}.${n.initial}`)}`);
    children.forEach(([c, child], i) => {
      if (i && n.type === 'parallel') L.push(`${pad}  --`);
      node(`${path}.${c}`, child, depth + 1);
    });
    arrows(path, `${pad}  `);
    L.push(`${pad}}`);
  };
  L.push(`  state "${config.id}" as ${mid(config.id)} {`);
  Object.entries(config.states).forEach(([region, n], i) => {
    if (i) L.push('    --');
    node(region, n as StateConfig, 2);
  });
  arrows('', '    ');
  L.push('  }');
  return L.join('\n') + '\n';
}

const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

/** Graphviz DOT: a cluster per region and per state with sub-states. */
export function machineDot(config: UnitMachineConfig): string {
  const L: string[] = [
    `digraph ${q(config.id)} {`,
    '  compound=true; rankdir=LR; nodesep=0.6; ranksep=1.4; fontname="Helvetica"; node [shape=box, style=rounded, fontname="Helvetica"]; edge [fontname="Helvetica", fontsize=10];',
    `  label=${q(config.description)}; labelloc=t;`,
  ];
  const anchor = new Map<string, string>();
  const edges = grouped(config);
  // Events that leave a state where it is are written in the state, not drawn as loops.
  const stays = new Map(edges.filter((e) => e.from === e.to).map((e) => [e.from, e.labels]));
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const title = (name: string, path: string) => {
    const ev = stays.get(path);
    if (!ev) return q(name);
    const lines: string[] = [];
    for (let i = 0; i < ev.length; i += 3) lines.push(ev.slice(i, i + 3).join(', '));
    return `<<B>${html(name)}</B><BR/><FONT POINT-SIZE="9">stays on: ${lines.map(html).join('<BR/>')}</FONT>>`;
  };
  const node = (path: string, n: StateConfig, depth: number) => {
    const pad = '  '.repeat(depth);
    const name = path.split('.').pop()!;
    const children = Object.entries(n.states ?? {});
    if (!children.length) {
      L.push(`${pad}${q(path)} [label=${title(name, path)}];`);
      anchor.set(path, path);
      return;
    }
    L.push(`${pad}subgraph ${q(`cluster_${path}`)} {`, `${pad}  label=${title(depth === 1 ? `${name} (region)` : name, path)}; style=rounded;`);
    if (n.initial) {
      L.push(`${pad}  ${q(`${path}.__initial`)} [shape=point, width=0.12, label=""];`);
      L.push(`${pad}  ${q(`${path}.__initial`)} -> ${q(`${path}.${n.initial}`)};`);
      anchor.set(path, `${path}.__initial`);
    }
    for (const [c, child] of children) node(`${path}.${c}`, child, depth + 1);
    L.push(`${pad}}`);
  };
  for (const [region, n] of Object.entries(config.states)) node(region, n as StateConfig, 1);
  for (const e of edges) {
    if (e.from === e.to) continue;
    const from = anchor.get(e.from) ?? e.from;
    const to = anchor.get(e.to) ?? e.to;
    const attrs = [`label=${q(e.labels.join('\n'))}`];
    // An arrow leaves the box of a state with sub-states, unless it goes into that box.
    if (from !== e.from && !e.to.startsWith(`${e.from}.`)) attrs.push(`ltail=${q(`cluster_${e.from}`)}`);
    if (to !== e.to) attrs.push(`lhead=${q(`cluster_${e.to}`)}`);
    L.push(`  ${q(from)} -> ${q(to)} [${attrs.join(', ')}];`);
  }
  L.push('}');
  return L.join('\n') + '\n';
}
