/**
 * Voice channels known to every scenario. Frequencies and modes from the domain brief, section 4.1
 * [S74][S73][S78][S104]. The modulation on 243.0 MHz is not stated in the sources; military UHF
 * aviation voice is normally AM, so AM is the labelled default here [U].
 */
export type Modulation = 'AM' | 'FM' | 'SSB';
export type Band = 'MF' | 'HF' | 'VHF-aero' | 'VHF-marine' | 'UHF-mil' | 'VHF' | 'UHF' | 'signal';
/** How a channel's waves travel: to the horizon (VHF, UHF) or along the sea surface beyond it (MF, HF ground wave). */
export type Propagation = 'line-of-sight' | 'ground-wave';
/** Flag hoists, flashing light and sound signals: channels that need no radio set (radio/signals.ts). */
export type SignalKind = 'flags' | 'light' | 'sound';

export interface RadioChannel {
  /** Frequency in MHz as a string, e.g. "121.5": the form the JSON report uses. */
  id: string;
  name: string;
  freqMHz: number;
  band: Band;
  modulation: Modulation;
  note: string;
  /** A scenario's declared channel says how it travels; the built-in ones follow their band. */
  propagation?: Propagation;
  /** A declared ground-wave channel's working range, km; without it the model's MF/HF value. */
  groundWaveKm?: number;
  /** Set on the built-in signal channels: the ladder's signal stages decide them, not the link budget. */
  signal?: SignalKind;
  /** Declared in the scenario, not built in. */
  declared?: boolean;
}

export const STANDARD_CHANNELS: readonly RadioChannel[] = [
  { id: '156.8', name: 'Marine VHF Ch 16', freqMHz: 156.8, band: 'VHF-marine', modulation: 'FM', note: 'International distress, safety and calling [S74]' },
  { id: '121.5', name: 'VHF Guard', freqMHz: 121.5, band: 'VHF-aero', modulation: 'AM', note: 'International aeronautical emergency [S74][S73]' },
  { id: '243.0', name: 'UHF Guard', freqMHz: 243.0, band: 'UHF-mil', modulation: 'AM', note: 'Military aeronautical emergency; AM assumed [U]' },
  { id: '156.65', name: 'Marine VHF Ch 13', freqMHz: 156.65, band: 'VHF-marine', modulation: 'FM', note: 'Bridge-to-bridge navigation safety [S104]' },
  { id: '156.3', name: 'Marine VHF Ch 06', freqMHz: 156.3, band: 'VHF-marine', modulation: 'FM', note: 'Ship-aircraft on-scene SAR [S104]' },
  { id: '123.1', name: 'SAR on-scene (aero)', freqMHz: 123.1, band: 'VHF-aero', modulation: 'AM', note: 'SAR on-scene [S74]' },
  {
    id: '2.182',
    name: 'MF distress 2182 kHz',
    freqMHz: 2.182,
    band: 'MF',
    modulation: 'SSB',
    note: 'Voice distress, single sideband (USB) by ITU practice [U]; ground wave, not line of sight [S74][S103]',
  },
];

/** "243" and 243 and "243.0" all name UHF Guard. */
export function normaliseChannelId(raw: string | number): string {
  const s = String(raw).trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return s;
  const n = Number(s);
  const known = STANDARD_CHANNELS.find((c) => c.freqMHz === n);
  if (known) return known.id;
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/**
 * Visual and sound signals, known to every scenario (domain brief 1.2, 3.2): a unit sends them with
 * its own equipment (`signals:`), not a radio set; radio/signals.ts decides their range.
 */
export const SIGNAL_CHANNELS: readonly RadioChannel[] = [
  {
    id: 'flags',
    name: 'Flag hoist',
    freqMHz: 0,
    band: 'signal',
    modulation: 'AM',
    note: 'International Code of Signals flag hoist, read by day',
    signal: 'flags',
  },
  {
    id: 'light',
    name: 'Flashing light',
    freqMHz: 0,
    band: 'signal',
    modulation: 'AM',
    note: 'Morse by signal lamp, International Code of Signals',
    signal: 'light',
  },
  { id: 'sound', name: 'Sound signal', freqMHz: 0, band: 'signal', modulation: 'AM', note: "Ship's whistle, COLREGS sound signals", signal: 'sound' },
];

/**
 * A channel by id (a built-in one also by frequency): the built-in ones, the signals, then `declared`, the channels the
 * scenario of this run declares (passed in, never kept here, so runs stay independent).
 */
export function findChannel(id: string, declared: readonly RadioChannel[] = []): RadioChannel | undefined {
  const key = normaliseChannelId(id);
  return STANDARD_CHANNELS.find((c) => c.id === key) ?? SIGNAL_CHANNELS.find((c) => c.id === key) ?? declared.find((c) => c.id === key);
}

/** One of the built-in signal channels (flags, light, sound), or undefined for a radio channel or link. */
export function signalChannel(id: string): SignalKind | undefined {
  // A counted loop: it is asked of every call, and an arrow over `id` would make a context for it each time.
  for (let i = 0; i < SIGNAL_CHANNELS.length; i++) if (SIGNAL_CHANNELS[i]!.id === id) return SIGNAL_CHANNELS[i]!.signal;
  return undefined;
}
