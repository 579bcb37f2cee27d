/**
 * The scenario file format. One zod schema is the single source of truth: it validates files,
 * gives the core its types, and generates schemas/scenario.schema.json for editors.
 * Values anywhere may be a disputed-fact reference (`$fact-id`); those are substituted per
 * account before this schema sees the document (see accounts.ts), so paths stay the same.
 */
import { z } from 'zod';
import { schemaRule } from '../yaml-source';
import { UNIT_KIND_IDS } from '../kinds';
import { CONDUCT_ACTS } from '../conduct';
import { MAX_SEED } from '../rng';
import { MESSAGE_PURPOSES } from '../content/elements';
import { AREA_KINDS } from '../areas/geometry';
import { CALL_CLASSES } from '../log';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, schemaRule('checker.format.id'));

/** Seconds from scenario start: a number, or "m:ss" / "h:mm:ss". */
export const timeSchema = z
  .union([
    z.number().min(0, 'times are seconds from the scenario start and cannot be negative'),
    z.string().regex(/^\d+:[0-5]\d(:[0-5]\d)?(\.\d+)?$/, schemaRule('checker.format.time')),
  ])
  .describe('Seconds from the scenario start (364) or "m:ss" ("6:04")');

export const sourceIds = z
  .array(z.string().regex(/^S\d+$/, schemaRule('checker.format.source-id')))
  .describe('Source ids, e.g. [S12, S15]; each is listed with its publisher, date, title and address in docs/sources.md');

const channelRef = z
  .union([z.string(), z.number()])
  .describe('A channel: frequency in MHz ("121.5", 243), the id of a declared channel or of a link, or a signal (flags, light, sound)');

export const nation = z.enum(['JP', 'KR', 'KP', 'US', 'CN', 'OTHER']);
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaRule('checker.format.date'));
const unitKind = z.enum(UNIT_KIND_IDS);

const radioSet = z
  .object({
    id,
    name: z.string().optional(),
    modulation: z
      .enum(['AM', 'FM', 'SSB'])
      .describe('What the set demodulates: a marine bridge set is FM and cannot copy 121.5 AM; MF voice (2182 kHz) is single sideband'),
    channels: z.array(channelRef).min(1).describe('Channels the set can be tuned to'),
    tuned: z
      .union([channelRef, z.array(channelRef)])
      .nullable()
      .describe('Channel(s) it is set to now (a list means dual watch); null if none'),
    powered: z.boolean().default(true),
    monitored: z.boolean().default(true).describe('Someone is listening to this set (speaker on, operator assigned)'),
    powerW: z.number().positive().max(10_000).default(25).describe('Transmitter power, watts'),
    noiseDb: z
      .number()
      .min(-200)
      .max(0)
      .optional()
      .describe('Local noise at this receiver, dBm (interference, poor antenna); default: the environment noise floor'),
  })
  .strict();

const emitter = z
  .object({
    id,
    name: z.string().optional(),
    type: z.enum(['search-radar', 'fire-control-radar', 'eo-camera', 'esm']),
    slavedTo: id.optional().describe('For an EO camera: the tracker it moves with'),
    rotationS: z.number().positive().optional().describe('Search radar: antenna rotation period'),
  })
  .strict();

/** A phrase of a vocabulary: data an author adds to a procedure's or a scenario's `phrases:`. */
export const phraseSchema = z
  .object({
    phrase: z.string().min(1).describe('The words as said on the air, e.g. "PRECAUTIONARY LANDING"; a call uses it when its body has these words'),
    vocabulary: z
      .string()
      .min(1)
      .describe("The vocabulary it belongs to: cues, smcp (IMO SMCP), icao (ICAO air phraseology), a service's own, or a language code"),
    meaning: z.string().min(1).describe('What it means, in words a trainer can read aloud'),
    rephrase: z
      .record(z.string(), z.string().min(1))
      .default({})
      .describe('The same meaning in other vocabularies or languages (vocabulary id → words): what a sender says when asked what it meant'),
    sources: sourceIds.optional(),
  })
  .strict();

const crew = z
  .object({
    languages: z.record(z.string(), z.number().min(0).max(1)).default({ en: 0.8 }).describe('Proficiency 0..1 per language code'),
    workload: z.number().min(0).max(1).default(0.3).describe('0 idle .. 1 saturated; above 0.5 calls may be missed'),
    hearsAs: z
      .array(z.object({ said: z.string(), heard: z.string() }).strict())
      .default([])
      .describe('Listening expectations: words this crew tends to hear as others when the copy is poor'),
    knownCallSigns: z
      .array(z.object({ callSign: z.string(), meaning: z.string() }).strict())
      .default([])
      .describe('Call signs the crew knows belong to stations outside the scenario, e.g. KOREA COAST'),
    judgesThreatening: z
      .union([
        z.boolean(),
        z
          .object({
            withinM: z.number().positive().describe('A pass closer than this (ground distance, metres) …'),
            belowM: z.number().positive().describe('… and lower than this (altitude, metres) is threatening'),
          })
          .strict()
          .describe("The crew's own thresholds, where its side had no numeric norm: label them in the scenario's assumptions"),
      ])
      .default(false)
      .describe("Whether this crew reads the other side's flight as threatening: true judges by its side's safe-distance norm in force on the date"),
    knowsOf: z.array(z.string()).default([]).describe('Facts this crew knows, e.g. "rescue-under-way"'),
    signalCodes: z
      .array(z.enum(['ICS', 'COLREGS']))
      .optional()
      .describe(
        'Signal codes this crew reads: ICS (flag hoists, flashing light) and COLREGS (sound signals). Default: both for a ship or vessel, none for an aircraft or headquarters',
      ),
    vocabularies: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Phrase vocabularies the crew knows (cues, smcp, icao, a service's own), besides its languages; not given: it knows every phrase of the phrasebook (a model assumption)",
      ),
  })
  .strict();

const absolutePoint = z
  .object({
    t: timeSchema,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    altM: z.number().min(0).max(20_000).optional(),
  })
  .strict();

const relativePoint = z
  .object({
    t: timeSchema,
    from: id.describe('Unit whose position at time t this point is relative to'),
    bearingDeg: z.number().min(0).max(360),
    rangeM: z.number().min(0).max(1_000_000),
    altM: z.number().min(0).max(20_000).optional(),
  })
  .strict();

const legs = z
  .object({
    start: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), altM: z.number().min(0).max(20_000).optional() }).strict(),
    legs: z
      .array(
        z
          .object({
            courseDeg: z.number().min(0).max(360),
            speedKt: z.number().min(0).max(1000),
            durationS: z.number().positive(),
            altM: z.number().min(0).max(20_000).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const track = z
  .union([z.array(z.union([absolutePoint, relativePoint])).min(1), legs])
  .describe('Waypoints (absolute, or relative to another unit) or legs of course and speed');

const placeRef = z
  .union([id, z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict()])
  .describe('A unit id (a ship whose deck it is) or a position (an airfield)');

const takeOff = z
  .object({ t: timeSchema, from: placeRef })
  .strict()
  .describe('Aircraft: when and where it takes off; before it, it is not on the plot, does not sense, cannot be sensed and its radios are off');

const landing = z
  .object({ t: timeSchema, at: placeRef })
  .strict()
  .describe('Aircraft: when and where it lands; from then on it is not on the plot, does not sense, cannot be sensed and its radios are off');

/** A name in the readers' other languages; English readers see `name`. */
const namesInLanguages = z
  .object({
    ja: z.string().min(1).optional().describe('In Japanese, e.g. "P-1 哨戒機"'),
    ko: z.string().min(1).optional().describe('In Korean, e.g. "광개토대왕"'),
  })
  .strict();

const unit = z
  .object({
    id,
    name: z.string().min(1),
    names: namesInLanguages
      .optional()
      .describe('The display name for Japanese and Korean readers (ja, ko); default `name`. Like `name`, never said on the air'),
    nation,
    kind: unitKind,
    service: z.string().optional().describe('navy, coast-guard, air-force, fishing …'),
    hull: z.string().optional(),
    callSigns: z
      .array(z.string().min(1))
      .default([])
      .describe('What is said on the air: how others address this unit; the first one is how it names itself. The display name is never said'),
    radioName: z
      .string()
      .min(1)
      .optional()
      .describe("The name said on the air for the call format's name element (CUES: a ship's name); default the first call sign"),
    platform: z
      .object({
        antennaHeightM: z.number().min(0).max(1000).optional().describe('Ships: mast antenna height. Aircraft use their altitude'),
        speedKt: z.number().min(0).max(1000).optional(),
      })
      .strict()
      .default({}),
    radios: z.array(radioSet).default([]),
    links: z.array(id).default([]).describe('Non-radio links this unit is on (satellite, fleet net, hotline)'),
    emitters: z.array(emitter).default([]),
    crew: crew.default({ languages: { en: 0.8 }, workload: 0.3, hearsAs: [], knownCallSigns: [], judgesThreatening: false, knowsOf: [] }),
    activity: z.string().optional().describe('What the unit is doing, in the words it would use on the radio, e.g. "CONDUCTING SEARCH AND RESCUE"'),
    headquarters: id.optional().describe('The unit this one reports to'),
    counterpart: id.optional().describe("Headquarters only: the other side's headquarters"),
    track: track.optional(),
    position: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict()
      .optional()
      .describe('Headquarters or a fixed unit'),
    signals: z
      .array(z.enum(['flags', 'light', 'sound']))
      .optional()
      .describe(
        'Visual and sound signalling gear: flag hoists, a signal lamp, a whistle. Default: all three for a ship or vessel, none for an aircraft or headquarters',
      ),
    takeOff: takeOff.optional(),
    landing: landing.optional(),
    answers: z
      .boolean()
      .default(true)
      .describe('false: the unit does not answer calls it understood, whatever its procedure asks (an account\'s fact, e.g. "$aircraft-answered")'),
    overhears: z
      .boolean()
      .default(false)
      .describe(
        'Record what this unit made of calls for others (an independent receiver, such as the trainer that heard the 2018 calls); it changes nothing in the exchange',
      ),
  })
  .strict();

const link = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(['satellite', 'fleet-net', 'hotline', 'landline']),
    members: z.array(id).min(2),
    latencyS: z.number().min(0).max(86_400).default(2),
    available: z.boolean().default(true),
    language: z.string().default('en'),
  })
  .strict();

const declaredChannel = z
  .object({
    id: id.describe('How radio sets and calls name this channel, e.g. "tokyo-control" or "mf-2182"'),
    name: z.string().min(1).describe('What the channel is called in causes and debriefs, e.g. "Tokyo Control 118.1"'),
    freqMHz: z.number().positive().max(100_000).optional().describe('Frequency in MHz (give this or freqKHz)'),
    freqKHz: z.number().positive().max(100_000_000).optional().describe('Frequency in kHz, as MF and HF are usually given (give this or freqMHz)'),
    band: z.enum(['MF', 'HF', 'VHF', 'UHF']),
    modulation: z.enum(['AM', 'FM', 'SSB']).describe('Air-traffic VHF is AM; marine VHF is FM; MF and HF voice is single sideband'),
    propagation: z
      .enum(['line-of-sight', 'ground-wave'])
      .optional()
      .describe('How it travels: to the radio horizon, or along the sea beyond it. Default: ground-wave for MF and HF, line-of-sight for VHF and UHF'),
    groundWaveKm: z
      .number()
      .positive()
      .max(5000)
      .optional()
      .describe("A ground-wave channel's working range, km; default the model's value (150 nm). Label it in assumptions:"),
    note: z.string().optional(),
    sources: sourceIds.optional(),
  })
  .strict()
  .refine((c) => (c.freqMHz === undefined) !== (c.freqKHz === undefined), { message: schemaRule('checker.format.frequency-once'), path: ['freqMHz'] })
  .describe('A channel the scenario uses beyond the built-in ones (an air-traffic frequency, an HF or MF working channel)');

const trigger = z
  .object({
    event: z.enum(['fire-control-detected', 'radar-detected', 'call-received', 'range-below', 'report-received', 'enters-area', 'leaves-area']),
    unit: id.optional().describe('The unit the event happens to'),
    other: id.optional().describe('For range-below: the other unit'),
    rangeM: z.number().positive().optional(),
    area: id.optional().describe("For enters-area and leaves-area: the id of one of the scenario's areas"),
    afterS: z.number().min(0).default(0),
  })
  .strict();

const latLon = { lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) };

/** What a call says besides its words: a procedure's content rules ask for some of these. */
const messageContent = z
  .object({
    purpose: z
      .enum(MESSAGE_PURPOSES)
      .optional()
      .describe('What the message is for: notice (of an activity; asks only for an acknowledgement), warning, request, query, answer'),
    identity: z.string().min(1).optional().describe('Who the sender says it is, e.g. "JAPANESE WARSHIP 101"'),
    position: z.object(latLon).strict().optional().describe('A position the message gives'),
    courseSpeed: z
      .object({ courseDeg: z.number().min(0).max(360), speedKt: z.number().min(0).max(1000) })
      .strict()
      .optional()
      .describe('Course and speed the message gives'),
    intention: z.string().min(1).optional().describe('What the sender is doing or will do, e.g. "CONDUCTING PLANNED FLIGHT TRAINING"'),
    request: z.string().min(1).optional().describe('What the sender asks the recipient to do, e.g. "KEEP CLEAR"'),
    area: id.optional().describe("The id of one of the scenario's areas the message names"),
    time: z
      .object({ from: timeSchema.optional(), until: timeSchema.optional() })
      .strict()
      .optional()
      .describe('The time window the message gives, in scenario time'),
    warning: z.string().min(1).optional().describe('A warning the message gives'),
  })
  .strict()
  .describe("What the message says, element by element, besides its spoken text: a procedure's content rules judge it");

/** A circle or polygon, with an optional time window: an exercise area, an ADIZ, a notified danger area. */
const area = z
  .object({
    id,
    name: z.string().min(1).describe('How the plot and the debrief name it'),
    kind: z.enum(AREA_KINDS).describe('exercise, training, air-defence-identification-zone, danger or other'),
    whose: nation.optional().describe('Whose area it is (the nation that declared it)'),
    declaredBy: id.optional().describe("The unit that declared it: an area-entered trigger of its procedure's rules fires when another unit enters"),
    circle: z
      .object({ ...latLon, radiusM: z.number().positive().max(5_000_000) })
      .strict()
      .optional()
      .describe('A circle: centre and radius in metres'),
    polygon: z
      .array(z.object(latLon).strict())
      .min(3, 'a polygon needs at least 3 points')
      .optional()
      .describe('A polygon: its corners in order (lat/lon), at least 3'),
    from: timeSchema.optional().describe('When the area comes into force (default: the start)'),
    until: timeSchema.optional().describe('When it ends (default: the end of the scenario)'),
    note: z.string().optional(),
    sources: sourceIds.optional(),
  })
  .strict();
const callClass = z
  .enum(CALL_CLASSES)
  .describe(
    'What the call is, for the procedure deciding how to answer it; default from the words (a WARNING marker: warning; a safety call: safety; else routine)',
  );

const identify = z
  .boolean()
  .optional()
  .describe('false: the station does not identify itself (no "THIS IS …"); listeners then attribute the call by what they can see. Default true');

const description = z
  .object({
    kind: unitKind.optional().describe('What kind of station is meant ("ship" also fits a vessel)'),
    service: z.string().optional().describe('Its service, when the caller can tell (navy, coast-guard …); default: any'),
    near: z
      .object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        withinM: z.number().positive().max(500_000).describe('How far from this point a listener may be and still fit, metres'),
      })
      .strict()
      .optional()
      .describe('The position said ("IN POSITION …")'),
    courseDeg: z.number().min(0).max(360).optional().describe('The course said ("COURSE 090")'),
    courseWithinDeg: z
      .number()
      .min(0)
      .max(180)
      .optional()
      .describe("How far off the said course a listener's own course may be and still fit; default 30 (a model assumption)"),
    words: z
      .string()
      .optional()
      .describe('The words said for the addressee; default made from the description ("UNIDENTIFIED WARSHIP IN POSITION …, COURSE 090")'),
  })
  .strict()
  .describe('Address the station by what it looks like when its name is unknown: each listener decides whether it fits; `to` names the unit the caller meant');

const actionBase = {
  id: id.optional(),
  unit: id,
  at: timeSchema.optional(),
  on: trigger.optional(),
  note: z.string().optional(),
  sources: sourceIds.optional(),
};

const action = z.discriminatedUnion('do', [
  z
    .object({
      ...actionBase,
      do: z.literal('emit'),
      emitter: id,
      mode: z.enum(['off', 'search', 'track', 'slewed']).describe('track = transmitting at a target; slewed = pointed without transmitting'),
      target: id.optional(),
      forS: z.number().positive().optional(),
    })
    .strict(),
  z
    .object({
      ...actionBase,
      do: z.literal('hail'),
      to: z.union([id, z.literal('all')]),
      channel: channelRef.optional().describe("Default: the procedure's channel order"),
      text: z.string().optional(),
      addressee: z.string().optional().describe("Words used to address the unit; default from the procedure's call format"),
      safety: z.boolean().default(true),
      content: messageContent.optional(),
      identify,
      class: callClass.optional(),
      describe: description.optional(),
    })
    .strict(),
  z
    .object({
      ...actionBase,
      do: z.literal('reply'),
      to: id,
      text: z.string(),
      channel: channelRef.optional(),
      content: messageContent.optional(),
      identify,
      class: callClass.optional(),
    })
    .strict(),
  z.object({ ...actionBase, do: z.literal('report'), text: z.string(), content: messageContent.optional() }).strict(),
  z
    .object({
      ...actionBase,
      do: z.literal('set-radio'),
      radio: id,
      powered: z.boolean().optional(),
      tuned: z
        .union([channelRef, z.array(channelRef)])
        .nullable()
        .optional(),
      monitored: z.boolean().optional(),
    })
    .strict(),
  z.object({ ...actionBase, do: z.literal('judge'), threatening: z.boolean() }).strict(),
  z
    .object({
      ...actionBase,
      do: z.literal('set-noise'),
      radio: id,
      noiseDb: z.number().min(-200).max(0).nullable().describe('Local noise at the set, dBm; null: back to the environment floor'),
    })
    .strict(),
  z
    .object({
      ...actionBase,
      do: z.literal('set-crew'),
      workload: z.number().min(0).max(1).optional(),
      languages: z.record(z.string(), z.number().min(0).max(1)).optional(),
    })
    .strict(),
  z
    .object({ ...actionBase, do: z.literal('set-link'), link: id, available: z.boolean().optional(), latencyS: z.number().min(0).max(86_400).optional() })
    .strict()
    .describe('Take a link down or bring it back, or change its delay; unit: any member'),
  z
    .object({ ...actionBase, do: z.literal('silence'), silent: z.boolean().default(true) })
    .strict()
    .describe('The unit makes no transmission from now on (or again, with silent: false)'),
  z.object({ ...actionBase, do: z.literal('move'), track }).strict(),
  z
    .object({ ...actionBase, do: z.literal('conduct'), act: z.enum(CONDUCT_ACTS), target: id, forS: z.number().positive().max(86_400).optional() })
    .strict()
    .describe('A manoeuvre or act towards another unit (the assurance measures of CUES 2.8 judge it): simulated-attack, aerobatics, weapon-aimed, …'),
]);

const fact = z
  .object({
    question: z.string(),
    row: z.string().optional().describe("Row of the brief's table 2.7 this fact toggles"),
    values: z.record(z.string(), z.unknown()).describe('One value per account id; "default" for a run with no account'),
    sources: z.record(z.string(), sourceIds).optional(),
    note: z.string().optional(),
    assumed: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        "Values an account does not state, which the scenario had to supply to run it: account id → why. Shown as an assumption, never as the account's word",
      ),
  })
  .strict();

/**
 * A procedure a scenario or an account binds to some units beside the procedure in force: a navy's
 * own warning ladder, a coast guard's or a civil station's simple rules. A unit follows the rules of
 * the procedure in force and of every procedure bound to it.
 */
export const bindingSchema = z
  .object({
    procedure: z.string().describe('A shipped id (rok-2019-guideline, coast-guard-basic, civil-vhf) or a path'),
    nations: z.array(nation).min(1).optional().describe('Units of these nations follow it; default any nation'),
    services: z.array(z.string()).min(1).optional().describe('Units of these services follow it; default any service'),
    units: z.array(id).min(1).optional().describe('Only these units follow it'),
    note: z.string().optional(),
    sources: sourceIds.optional(),
  })
  .strict();

const account = z
  .object({
    title: z.string(),
    side: nation.optional().describe("Whose account it is: the side's norms in force on the scenario's date judge the run"),
    norms: z.array(z.string()).optional().describe("Norm ids this account judges by, instead of its side's norms in force on the date"),
    sources: sourceIds.optional(),
    procedures: z.array(bindingSchema).optional().describe("Procedures bound to units under this account only, besides the scenario's `procedures`"),
  })
  .strict();

const assumption = z
  .object({
    id,
    value: z.unknown().describe('The value the scenario uses'),
    unit: z.string().optional().describe('Unit of the value: "m", "s", "dBm", …'),
    label: z.string().describe('What the value is, in words a trainer can read aloud'),
    why: z.string().describe('Why it was needed: what the sources do not say'),
    sources: sourceIds.optional(),
  })
  .strict();

const agreedFact = z
  .object({
    id,
    statement: z.string().describe('What every account says, in words a trainer can read aloud'),
    sources: sourceIds,
    note: z.string().optional(),
  })
  .strict();

const notModelled = z
  .object({
    row: z.string().describe("Row of the dispute (e.g. the brief's table 2.7) that the scenario does not model"),
    reason: z.string(),
    sources: sourceIds.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    title: z.string().min(1),
    date: dateSchema,
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/, schemaRule('checker.format.start')),
    durationS: z
      .number()
      .positive()
      .max(7 * 86_400),
    location: z.object({ name: z.string(), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), note: z.string().optional() }).strict(),
    locationNames: z
      .record(id, namesInLanguages)
      .optional()
      .describe(
        "The location's name for Japanese and Korean readers, per account id (`default`: with no account); write a disputed place as {sea} or {islets} and it is named as that account's side names it, or by both names with no account",
      ),
    description: z.string().optional(),
    sources: sourceIds.default([]),
    procedure: z.string().describe('Procedure in force: a shipped id (practice-2018, cues-2014, jp-rok-2024) or a path'),
    procedures: z.array(bindingSchema).default([]).describe('Procedures bound to some units (by nation, service or unit) beside the procedure in force'),
    seed: z.number().int().min(0).max(MAX_SEED, `the seed is a whole number from 0 to ${MAX_SEED} (larger ones would repeat smaller ones)`).default(1),
    environment: z
      .object({
        noiseFloorDbm: z.number().min(-200).max(0).default(-120).describe('Receiver noise floor, dBm'),
        seaState: z.number().int().min(0).max(9).default(2),
        visibilityKm: z.number().min(0).max(100).default(20),
        stepS: z.number().positive().max(600).default(5).describe('How often sensors and ranges are sampled'),
        requiredSnrDb: z.number().min(0).max(60).default(10).describe('Signal over noise needed to copy voice at all [U]'),
        clearSnrDb: z.number().min(0).max(80).default(25).describe('Signal over noise for a clear, word-perfect copy [U]'),
        understandAt: z.number().min(0).max(1).default(0.5).describe('Copy quality (0..1) below which the message is not made out'),
      })
      .strict()
      .default({ noiseFloorDbm: -120, seaState: 2, visibilityKm: 20, stepS: 5, requiredSnrDb: 10, clearSnrDb: 25, understandAt: 0.5 }),
    parameters: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, schemaRule('checker.format.parameter-name')), z.unknown())
      .default({})
      .describe("Overrides of the procedure's labelled parameters"),
    accounts: z.record(id, account).default({}),
    defaultAccount: id.optional(),
    facts: z.record(id, fact).default({}),
    agreed: z.array(agreedFact).default([]).describe('The shared ground: facts every account states alike, with the sources of each'),
    assumptions: z.array(assumption).default([]).describe('Values no source gives that the scenario had to set, each with a label and the reason'),
    notModelled: z.array(notModelled).default([]).describe('Rows of the dispute the scenario does not model, and why'),
    links: z.array(link).default([]),
    areas: z
      .array(area)
      .default([])
      .describe('Exercise, training and danger areas, identification zones: drawn on the plot, usable in triggers and message content'),
    channels: z
      .array(declaredChannel)
      .default([])
      .describe('Channels beyond the built-in ones (121.5, 243.0, 156.8, 156.65, 156.3, 123.1, 2.182, and the signals flags, light, sound)'),
    phrases: z
      .array(phraseSchema)
      .default([])
      .describe("Phrases this scenario adds to the procedure's phrasebook: a call using one its listener's vocabularies lack is not understood"),
    units: z.array(unit).min(1),
    script: z.array(action).default([]),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type UnitSpec = z.infer<typeof unit>;
export type RadioSetSpec = z.infer<typeof radioSet>;
export type EmitterSpec = z.infer<typeof emitter>;
export type LinkSpec = z.infer<typeof link>;
export type AreaSpec = z.infer<typeof area>;
export type MessageContentSpec = z.infer<typeof messageContent>;
export type DeclaredChannelFile = z.infer<typeof declaredChannel>;
export type ScriptAction = z.infer<typeof action>;
export type TriggerSpec = z.infer<typeof trigger>;
export type TrackSpec = z.infer<typeof track>;
export type FactSpec = z.infer<typeof fact>;
export type AccountSpec = z.infer<typeof account>;
export type AssumptionSpec = z.infer<typeof assumption>;
export type AgreedFactSpec = z.infer<typeof agreedFact>;
export type NotModelledSpec = z.infer<typeof notModelled>;
export type Nation = z.infer<typeof nation>;
export type PhraseSpec = z.infer<typeof phraseSchema>;
export type PlaceRef = z.infer<typeof placeRef>;
export type BindingSpec = z.infer<typeof bindingSchema>;
export type { UnitKind } from '../kinds';

export function parseTime(t: number | string): number {
  if (typeof t === 'number') return t;
  const parts = t.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}
