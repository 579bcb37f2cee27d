/**
 * Voice channels known to every scenario. Frequencies and modes from the domain brief, section 4.1
 * [S74][S73][S78][S104]. The modulation on 243.0 MHz is not stated in the sources; military UHF
 * aviation voice is normally AM, so AM is the labelled default here [U].
 */
export type Modulation = 'AM' | 'FM' | 'SSB';
export type Band = 'MF' | 'HF' | 'VHF-aero' | 'VHF-marine' | 'UHF-mil';

export interface RadioChannel {
  /** Frequency in MHz as a string, e.g. "121.5": the form the JSON report uses. */
  id: string;
  name: string;
  freqMHz: number;
  band: Band;
  modulation: Modulation;
  note: string;
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

export function findChannel(id: string, extra: readonly RadioChannel[] = []): RadioChannel | undefined {
  const key = normaliseChannelId(id);
  return STANDARD_CHANNELS.find((c) => c.id === key) ?? extra.find((c) => c.id === key);
}
