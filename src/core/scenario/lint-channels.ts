/**
 * The checker's view of channels: the built-in ones, the signals and those the scenario declares
 * (`channels:`), so a reference to any of them resolves and a misspelt one gets a suggestion.
 */
import type { Diagnostic } from '../diagnostics';
import type { SourceDoc } from '../yaml-source';
import { didYouMean, editDistance } from '../yaml-source';
import { explain, type Explanation } from '../explain';
import { findChannel, normaliseChannelId, SIGNAL_CHANNELS, STANDARD_CHANNELS, type RadioChannel } from '../radio/channels';
import { declaredChannels, type DeclaredChannelSpec } from '../radio/declared';
import type { ScenarioFile } from './schema';

/** The scenario's declared channels, from a document that may only be half valid. */
export function declaredOf(s: Pick<ScenarioFile, 'channels'> | { channels?: unknown }): RadioChannel[] {
  const list = Array.isArray(s.channels) ? (s.channels as DeclaredChannelSpec[]) : [];
  return declaredChannels(list.filter((c) => c && typeof c === 'object' && typeof c.id === 'string'));
}

/** "unknown channel …" with the nearest known id, and every id that would do. */
export function unknownChannel(ref: string | number, declared: readonly RadioChannel[], linkIds: Iterable<string> = []): Explanation {
  const ids = [...STANDARD_CHANNELS.map((c) => c.id), ...SIGNAL_CHANNELS.map((c) => c.id), ...declared.map((c) => c.id), ...linkIds];
  const key = normaliseChannelId(ref);
  const byFrequency = declared.find((c) => normaliseChannelId(c.freqMHz) === key);
  let best: string | undefined;
  let bestD = 3;
  for (const id of ids) {
    const d = editDistance(key.toLowerCase(), id.toLowerCase());
    if (d < bestD) [best, bestD] = [id, d];
  }
  const hint = byFrequency ? explain('checker.channel.by-frequency', { frequency: key, channel: byFrequency.id }) : didYouMean(best);
  return explain('checker.channel.unknown', {
    channel: String(ref),
    hint,
    channels: STANDARD_CHANNELS.map((c) => c.id),
    signals: SIGNAL_CHANNELS.map((c) => c.id),
    declared: declared.length ? explain('checker.channel.declared', { channels: declared.map((c) => c.id) }) : explain('checker.channel.declare-others'),
  });
}

/** Problems in the `channels:` list itself: ids used twice or taken, a range that cannot apply. */
export function checkDeclaredChannels(doc: SourceDoc, s: { channels?: unknown; links?: { id: string }[] }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const list = Array.isArray(s.channels) ? (s.channels as Partial<DeclaredChannelSpec>[]) : [];
  const seen = new Set<string>();
  const links = new Set((s.links ?? []).map((l) => l.id));
  list.forEach((c, i) => {
    if (!c || typeof c.id !== 'string') return;
    if (seen.has(c.id)) out.push(doc.diagnostic(['channels', i, 'id'], 'error', explain('checker.channel.duplicate-id', { channel: c.id })));
    else if (findChannel(c.id)) out.push(doc.diagnostic(['channels', i, 'id'], 'error', explain('checker.channel.built-in-id', { channel: c.id })));
    else if (links.has(c.id)) out.push(doc.diagnostic(['channels', i, 'id'], 'error', explain('checker.channel.link-id', { channel: c.id })));
    seen.add(c.id);
    const wave = c.propagation ?? (c.band === 'MF' || c.band === 'HF' ? 'ground-wave' : 'line-of-sight');
    if (c.groundWaveKm !== undefined && wave === 'line-of-sight')
      out.push(doc.diagnostic(['channels', i, 'groundWaveKm'], 'warning', explain('checker.channel.ground-wave-unused', { channel: c.id })));
  });
  return out;
}
