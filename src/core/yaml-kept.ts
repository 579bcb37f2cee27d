/**
 * A parse as plain data: the value, where each node starts, and where each line starts. The
 * command line keeps the shipped scenarios' parses so (src/cli/parsed-scenarios.ts), and the
 * quick parse (yaml-quick.ts) gives its result so; yaml-source.ts locates paths in either.
 */

/**
 * A parse kept from an earlier process, of a text that parsed with no problem: its value, where
 * each node starts, and where each line starts. The command line keeps the shipped scenarios so
 * (src/cli/parsed-scenarios.ts): in a fresh process the parse runs cold in V8's interpreter and
 * was most of loading December 2018 (issue 19).
 */
export interface ParsedBefore {
  value: unknown;
  nodes: NodeStarts | null;
  lineStarts: number[];
}

/**
 * A node's start offset (none for a pair inside a list, whose start locate never uses), and for a
 * mapping each pair's key as locate compares it (null for a key that is not a scalar), the key's
 * start and the value; for a list, its items.
 */
export interface NodeStarts {
  at?: number;
  pairs?: NodePair[];
  items?: (NodeStarts | null)[];
}

export type NodePair = [key: string | null, keyAt: number | undefined, value: NodeStarts | null];
