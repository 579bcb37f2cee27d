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

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, schemaRule('checker.format.id'))
  .meta({
    id: 'Id',
    patternErrorMessage: schemaRule('checker.format.id'),
    description: 'An id: lower-case letters, digits and hyphens, starting with a letter or digit',
    examples: ['jp-p1', 'rok-gwanggaeto'],
  });

/** Seconds from scenario start: a number, or "m:ss" / "h:mm:ss". */
export const timeSchema = z
  .union([
    z.number().min(0, 'times are seconds from the scenario start and cannot be negative'),
    z.string().regex(/^\d+:[0-5]\d(:[0-5]\d)?(\.\d+)?$/, schemaRule('checker.format.time')),
  ])
  .meta({
    id: 'Time',
    patternErrorMessage: schemaRule('checker.format.time'),
    description: 'Seconds from the scenario start (364) or "m:ss" / "h:mm:ss" ("6:04")',
    examples: [364, '6:04', '1:02:30'],
  });

/** One source id; the fact table's `sources:` use it bare (a fact's own sources are never disputed). */
export const sourceId = z
  .string()
  .regex(/^S\d+$/, schemaRule('checker.format.source-id'))
  .meta({
    id: 'SourceId',
    patternErrorMessage: schemaRule('checker.format.source-id'),
    description: 'A source id: S and a number, listed in docs/sources.md',
    examples: ['S12'],
  });

export const sourceIds = z.array(sourceId).meta({
  id: 'SourceIds',
  description: 'Source ids, e.g. [S12, S15]; each is listed with its publisher, date, title and address in docs/sources.md',
  examples: [['S12', 'S15']],
});

const channelRef = z.union([z.string(), z.number()]).meta({
  id: 'Channel',
  description: 'A channel: frequency in MHz ("121.5", 243), the id of a declared channel or of a link, or a signal (flags, light, sound)',
  examples: ['121.5', '156.8', 'tokyo-control', 'flags'],
});

export const nation = z.enum(['JP', 'KR', 'KP', 'US', 'CN', 'OTHER']).meta({ id: 'Nation', description: 'A nation: JP, KR, KP, US, CN or OTHER' });
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, schemaRule('checker.format.date'))
  .meta({ id: 'Date', patternErrorMessage: schemaRule('checker.format.date'), description: 'A date, YYYY-MM-DD', examples: ['2018-12-20'] });
const unitKind = z.enum(UNIT_KIND_IDS).meta({ id: 'UnitKind', description: `What the unit is: ${UNIT_KIND_IDS.join(', ')}` });

const lat = z
  .number()
  .min(-90)
  .max(90)
  .meta({ id: 'Latitude', description: 'Latitude in decimal degrees, north positive', examples: [37.72] });
const lon = z
  .number()
  .min(-180)
  .max(180)
  .meta({ id: 'Longitude', description: 'Longitude in decimal degrees, east positive', examples: [131.87] });
const altM = z
  .number()
  .min(0)
  .max(20_000)
  .meta({ id: 'AltitudeM', description: 'Altitude above the sea, metres (0 to 20,000)', examples: [150] });
const latLon = { lat, lon };
const position = z
  .object(latLon)
  .strict()
  .meta({ id: 'Position', description: 'A position: lat and lon in decimal degrees', examples: [{ lat: 37.72, lon: 131.87 }] });
const name = z.string().meta({ id: 'Name', description: 'What the plot, the log and the debrief call it; never said on the air' });
const note = z.string().meta({ id: 'Note', description: 'A remark for the reader of the file or the debrief; changes nothing in the run' });
const modulation = z
  .enum(['AM', 'FM', 'SSB'])
  .meta({ id: 'Modulation', description: 'AM (air-traffic VHF, 121.5, 243), FM (marine VHF) or SSB (MF and HF voice)' });
const emitterMode = z.enum(['off', 'search', 'track', 'slewed']).meta({
  id: 'EmitterMode',
  description: 'off; search (sweeping); track (transmitting at a target, a tracker illuminating it); slewed (pointed at it without transmitting)',
});
const languages = z
  .record(z.string(), z.number().min(0).max(1))
  .meta({ id: 'Languages', description: 'Proficiency from 0 (none) to 1 (native) per language code', examples: [{ en: 0.8, ko: 1 }] });

const radioSet = z
  .object({
    id: id.describe('How the script and the log name this set, e.g. "bridge-vhf"'),
    name: name.optional(),
    modulation: modulation.describe('What the set demodulates: a marine bridge set is FM and cannot copy 121.5 AM; MF voice (2182 kHz) is single sideband'),
    channels: z.array(channelRef).min(1).describe('Channels the set can be tuned to'),
    tuned: z
      .union([channelRef, z.array(channelRef)])
      .nullable()
      .describe('Channel(s) it is set to now (a list means dual watch); null if none'),
    powered: z.boolean().default(true).describe('The set is switched on (default true)'),
    monitored: z.boolean().default(true).describe('Someone is listening to this set (speaker on, operator assigned)'),
    powerW: z.number().positive().max(10_000).default(25).describe('Transmitter power, watts'),
    noiseDb: z
      .number()
      .min(-200)
      .max(0)
      .optional()
      .describe('Local noise at this receiver, dBm (interference, poor antenna); default: the environment noise floor'),
  })
  .strict()
  .meta({ id: 'RadioSet', description: 'A radio set on the unit: what it can be tuned to, what it is tuned to, whether anyone listens' });

const emitter = z
  .object({
    id: id.describe('How the script names this emitter, e.g. "stir"'),
    name: name.optional(),
    type: z
      .enum(['search-radar', 'fire-control-radar', 'eo-camera', 'esm'])
      .describe("search-radar, fire-control-radar (a tracker), eo-camera (electro-optical) or esm (a receiver of others' radar)"),
    slavedTo: id.optional().describe('For an EO camera: the tracker it moves with'),
    rotationS: z.number().positive().optional().describe('Search radar: antenna rotation period, seconds'),
  })
  .strict()
  .meta({ id: 'Emitter', description: 'A radar, tracker, camera or ESM receiver the unit carries' });

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
  .strict()
  .meta({ id: 'Phrase', description: 'A phrase of a vocabulary: its words, what it means and how else to say it' });

const crew = z
  .object({
    languages: languages.default({ en: 0.8 }).describe('Proficiency 0..1 per language code (default en: 0.8)'),
    workload: z.number().min(0).max(1).default(0.3).describe('0 idle .. 1 saturated; above 0.5 calls may be missed'),
    hearsAs: z
      .array(
        z
          .object({
            said: z.string().describe('The words said on the air, e.g. "JAPAN NAVY"'),
            heard: z.string().describe('What this crew hears instead when the copy is poor'),
          })
          .strict(),
      )
      .default([])
      .describe('Listening expectations: words this crew tends to hear as others when the copy is poor'),
    knownCallSigns: z
      .array(
        z
          .object({
            callSign: z.string().describe('The call sign as said, e.g. "KOREA COAST"'),
            meaning: z.string().describe('Whose it is, in words a trainer can read aloud'),
          })
          .strict(),
      )
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
    knowsOf: z
      .array(z.string())
      .default([])
      .meta({ description: 'Facts this crew knows, e.g. "rescue-under-way"; often a disputed fact ("$crew-knew")', examples: [['rescue-under-way']] }),
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
  .strict()
  .meta({ id: 'Crew', description: 'Who is on the radio: languages, workload, what they expect to hear and what they know' });

const absolutePoint = z
  .object({
    t: timeSchema.describe('When the unit is here'),
    lat,
    lon,
    altM: altM.optional(),
  })
  .strict()
  .meta({ id: 'Waypoint', description: 'Where the unit is at time t', examples: [{ t: '0:00', lat: 37.72, lon: 131.87 }] });

const relativePoint = z
  .object({
    t: timeSchema.describe('When the unit is here'),
    from: id.describe('Unit whose position at time t this point is relative to'),
    bearingDeg: z.number().min(0).max(360).describe('True bearing from that unit, degrees'),
    rangeM: z.number().min(0).max(1_000_000).describe('Distance from that unit, metres'),
    altM: altM.optional(),
  })
  .strict()
  .meta({
    id: 'RelativeWaypoint',
    description: 'Where the unit is at time t, as bearing and range from another unit',
    examples: [{ t: 600, from: 'jp-p1', bearingDeg: 90, rangeM: 5000 }],
  });

const legs = z
  .object({
    start: z.object({ lat, lon, altM: altM.optional() }).strict().describe('Where the first leg begins, at the scenario start'),
    legs: z
      .array(
        z
          .object({
            courseDeg: z.number().min(0).max(360).describe('True course, degrees'),
            speedKt: z.number().min(0).max(1000).describe('Speed, knots'),
            durationS: z.number().positive().describe('How long the leg lasts, seconds'),
            altM: altM.optional(),
          })
          .strict(),
      )
      .min(1)
      .describe('Legs of course and speed, one after the other'),
  })
  .strict()
  .meta({ id: 'Legs', description: 'A start position and legs of course, speed and duration' });

const track = z
  .union([z.array(z.union([absolutePoint, relativePoint])).min(1), legs])
  .meta({ id: 'Track', description: 'Waypoints (absolute, or relative to another unit) or legs of course and speed' });

const placeRef = z
  .union([id, position])
  .meta({ id: 'Place', description: 'A unit id (a ship whose deck it is) or a position (an airfield)', examples: ['jp-dd', { lat: 35.55, lon: 139.78 }] });

const takeOff = z
  .object({ t: timeSchema.describe('When it takes off'), from: placeRef.describe('Where it takes off from: a ship id or a position') })
  .strict()
  .describe('Aircraft: when and where it takes off; before it, it is not on the plot, does not sense, cannot be sensed and its radios are off');

const landing = z
  .object({ t: timeSchema.describe('When it lands'), at: placeRef.describe('Where it lands: a ship id or a position') })
  .strict()
  .describe('Aircraft: when and where it lands; from then on it is not on the plot, does not sense, cannot be sensed and its radios are off');

/** A name in the readers' other languages; English readers see `name`. */
const namesInLanguages = z
  .object({
    ja: z.string().min(1).optional().describe('In Japanese, e.g. "P-1 哨戒機"'),
    ko: z.string().min(1).optional().describe('In Korean, e.g. "광개토대왕"'),
  })
  .strict()
  .meta({ id: 'Names', description: 'A name for Japanese (ja) and Korean (ko) readers' });

const unit = z
  .object({
    id: id.describe('How the script, tracks and the log name this unit, e.g. "jp-p1"'),
    name: z.string().min(1).describe('The display name on the plot and in the debrief, e.g. "JMSDF P-1"; never said on the air'),
    names: namesInLanguages
      .optional()
      .describe('The display name for Japanese and Korean readers (ja, ko); default `name`. Like `name`, never said on the air'),
    nation: nation.describe("The unit's flag: JP, KR, KP, US, CN or OTHER"),
    kind: unitKind,
    service: z.string().optional().describe('navy, coast-guard, air-force, fishing …'),
    hull: z.string().optional().describe('Hull or tail number, e.g. "971"; the call format may say it'),
    callSigns: z
      .array(z.string().min(1))
      .default([])
      .meta({
        description: 'What is said on the air: how others address this unit; the first one is how it names itself. The display name is never said',
        examples: [['JAPAN NAVY AIRCRAFT 1']],
      }),
    radioName: z
      .string()
      .min(1)
      .optional()
      .describe("The name said on the air for the call format's name element (CUES: a ship's name); default the first call sign"),
    platform: z
      .object({
        antennaHeightM: z.number().min(0).max(1000).optional().describe('Ships: mast antenna height. Aircraft use their altitude'),
        speedKt: z.number().min(0).max(1000).optional().describe('Usual speed, knots'),
      })
      .strict()
      .default({})
      .describe('The platform: antenna height and speed'),
    radios: z.array(radioSet).default([]).describe('Radio sets on board'),
    links: z.array(id).default([]).describe('Non-radio links this unit is on (satellite, fleet net, hotline)'),
    emitters: z.array(emitter).default([]).describe('Radars, trackers, cameras and ESM on board'),
    crew: crew
      .default({ languages: { en: 0.8 }, workload: 0.3, hearsAs: [], knownCallSigns: [], judgesThreatening: false, knowsOf: [] })
      .describe('Who is on the radio: languages, workload, expectations'),
    activity: z.string().optional().describe('What the unit is doing, in the words it would use on the radio, e.g. "CONDUCTING SEARCH AND RESCUE"'),
    headquarters: id.optional().describe('The unit this one reports to'),
    counterpart: id.optional().describe("Headquarters only: the other side's headquarters"),
    track: track.optional(),
    position: position.optional().describe('Headquarters or a fixed unit'),
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
  .strict()
  .meta({ id: 'Unit', description: 'A ship, aircraft, vessel or headquarters: what it is, how it is called, its radios, crew and track' });

const link = z
  .object({
    id: id.describe('How units and the script name this link, e.g. "jp-satcom"'),
    name: z.string().describe('What the debrief calls it'),
    kind: z.enum(['satellite', 'fleet-net', 'hotline', 'landline']).describe('satellite, fleet-net, hotline or landline'),
    members: z.array(id).min(2).describe('Units on the link (at least two)'),
    latencyS: z.number().min(0).max(86_400).default(2).describe('Seconds a message takes over it (default 2)'),
    available: z.boolean().default(true).describe('false: the link is down at the start'),
    language: z.string().default('en').describe('Language spoken on it (default en)'),
  })
  .strict()
  .meta({ id: 'Link', description: 'A non-radio link between units: satellite, fleet net, hotline, landline' });

const declaredChannel = z
  .object({
    id: id.describe('How radio sets and calls name this channel, e.g. "tokyo-control" or "mf-2182"'),
    name: z.string().min(1).describe('What the channel is called in causes and debriefs, e.g. "Tokyo Control 118.1"'),
    freqMHz: z.number().positive().max(100_000).optional().describe('Frequency in MHz (give this or freqKHz)'),
    freqKHz: z.number().positive().max(100_000_000).optional().describe('Frequency in kHz, as MF and HF are usually given (give this or freqMHz)'),
    band: z.enum(['MF', 'HF', 'VHF', 'UHF']).describe('MF, HF, VHF or UHF'),
    modulation: modulation.describe('Air-traffic VHF is AM; marine VHF is FM; MF and HF voice is single sideband'),
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
    note: note.optional(),
    sources: sourceIds.optional(),
  })
  .strict()
  .refine((c) => (c.freqMHz === undefined) !== (c.freqKHz === undefined), { message: schemaRule('checker.format.frequency-once'), path: ['freqMHz'] })
  .meta({ id: 'DeclaredChannel', description: 'A channel the scenario uses beyond the built-in ones (an air-traffic frequency, an HF or MF working channel)' });

const trigger = z
  .object({
    event: z
      .enum(['fire-control-detected', 'radar-detected', 'call-received', 'range-below', 'report-received', 'enters-area', 'leaves-area'])
      .describe('What sets the action off'),
    unit: id.optional().describe('The unit the event happens to'),
    other: id.optional().describe('For range-below: the other unit'),
    rangeM: z.number().positive().optional().describe('For range-below: the distance, metres'),
    area: id.optional().describe("For enters-area and leaves-area: the id of one of the scenario's areas"),
    afterS: z.number().min(0).default(0).describe('Seconds after the event the action is taken (default 0)'),
  })
  .strict()
  .meta({ id: 'Trigger', description: 'Take the action when an event happens, instead of at a time' });

/** What a call says besides its words: a procedure's content rules ask for some of these. */
const messageContent = z
  .object({
    purpose: z
      .enum(MESSAGE_PURPOSES)
      .optional()
      .describe('What the message is for: notice (of an activity; asks only for an acknowledgement), warning, request, query, answer'),
    identity: z.string().min(1).optional().describe('Who the sender says it is, e.g. "JAPANESE WARSHIP 101"'),
    position: position.optional().describe('A position the message gives'),
    courseSpeed: z
      .object({
        courseDeg: z.number().min(0).max(360).describe('Course said, degrees true'),
        speedKt: z.number().min(0).max(1000).describe('Speed said, knots'),
      })
      .strict()
      .optional()
      .describe('Course and speed the message gives'),
    intention: z.string().min(1).optional().describe('What the sender is doing or will do, e.g. "CONDUCTING PLANNED FLIGHT TRAINING"'),
    request: z.string().min(1).optional().describe('What the sender asks the recipient to do, e.g. "KEEP CLEAR"'),
    area: id.optional().describe("The id of one of the scenario's areas the message names"),
    time: z
      .object({ from: timeSchema.optional().describe('From when'), until: timeSchema.optional().describe('Until when') })
      .strict()
      .optional()
      .describe('The time window the message gives, in scenario time'),
    warning: z.string().min(1).optional().describe('A warning the message gives'),
  })
  .strict()
  .meta({ id: 'MessageContent', description: "What the message says, element by element, besides its spoken text: a procedure's content rules judge it" });

/** A circle or polygon, with an optional time window: an exercise area, an ADIZ, a notified danger area. */
const area = z
  .object({
    id: id.describe('How triggers and message content name it'),
    name: z.string().min(1).describe('How the plot and the debrief name it'),
    kind: z.enum(AREA_KINDS).describe('exercise, training, air-defence-identification-zone, danger or other'),
    whose: nation.optional().describe('Whose area it is (the nation that declared it)'),
    declaredBy: id.optional().describe("The unit that declared it: an area-entered trigger of its procedure's rules fires when another unit enters"),
    circle: z
      .object({ ...latLon, radiusM: z.number().positive().max(5_000_000).describe('Radius, metres') })
      .strict()
      .optional()
      .describe('A circle: centre and radius in metres'),
    polygon: z.array(position).min(3, 'a polygon needs at least 3 points').optional().describe('A polygon: its corners in order (lat/lon), at least 3'),
    from: timeSchema.optional().describe('When the area comes into force (default: the start)'),
    until: timeSchema.optional().describe('When it ends (default: the end of the scenario)'),
    note: note.optional(),
    sources: sourceIds.optional(),
  })
  .strict()
  .meta({ id: 'Area', description: 'An exercise, training or danger area or an identification zone: a circle or a polygon, with an optional time window' });
const callClass = z.enum(CALL_CLASSES).meta({
  id: 'CallClass',
  description:
    'What the call is, for the procedure deciding how to answer it; default from the words (a WARNING marker: warning; a safety call: safety; else routine)',
});

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
        lat,
        lon,
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
  .meta({
    id: 'StationDescription',
    description:
      'Address the station by what it looks like when its name is unknown: each listener decides whether it fits; `to` names the unit the caller meant',
  });

const actionBase = {
  id: id.optional().describe('Names the action in the log and in causes; default a1, a2 … by its place in the script'),
  unit: id.describe('The unit that acts'),
  at: timeSchema.optional().describe('When (give this or on:)'),
  on: trigger.optional(),
  note: note.optional(),
  sources: sourceIds.optional(),
};

const tuning = z.union([channelRef, z.array(channelRef)]);

const action = z
  .discriminatedUnion('do', [
    z
      .object({
        ...actionBase,
        do: z.literal('emit'),
        emitter: id.describe("The id of one of the unit's emitters"),
        mode: emitterMode,
        target: id.optional().describe('The unit it is pointed at (track, slewed)'),
        forS: z.number().positive().optional().describe('Seconds before it goes back to its usual mode'),
      })
      .strict()
      .meta({ id: 'EmitAction', description: "Switch an emitter's mode: turn a radar on or off, track or point at a unit" }),
    z
      .object({
        ...actionBase,
        do: z.literal('hail'),
        to: z.union([id, z.literal('all')]).describe('The unit called, or all (all stations)'),
        channel: channelRef.optional().describe("Default: the procedure's channel order"),
        text: z.string().optional().describe("What is said after the call's address; default from the procedure"),
        addressee: z.string().optional().describe("Words used to address the unit; default from the procedure's call format"),
        safety: z.boolean().default(true).describe('A safety call (default true): reply rules with calls: safety answer only such calls'),
        content: messageContent.optional(),
        identify,
        class: callClass.optional(),
        describe: description.optional(),
      })
      .strict()
      .meta({ id: 'HailAction', description: 'Call another unit (or all stations) on the radio' }),
    z
      .object({
        ...actionBase,
        do: z.literal('reply'),
        to: id.describe('The unit answered'),
        text: z.string().describe('What is said'),
        channel: channelRef.optional().describe('Default: the channel of the call answered'),
        content: messageContent.optional(),
        identify,
        class: callClass.optional(),
      })
      .strict()
      .meta({ id: 'ReplyAction', description: 'Answer another unit on the radio with these words' }),
    z
      .object({ ...actionBase, do: z.literal('report'), text: z.string().describe('What is reported'), content: messageContent.optional() })
      .strict()
      .meta({ id: 'ReportAction', description: 'Report to own headquarters over a link' }),
    z
      .object({
        ...actionBase,
        do: z.literal('set-radio'),
        radio: id.describe("The id of one of the unit's radio sets"),
        powered: z.boolean().optional().describe('Switch the set on (true) or off (false)'),
        tuned: tuning.nullable().optional().describe('Channel(s) to tune it to (a list: dual watch); null: none'),
        monitored: z.boolean().optional().describe('Someone listens to it (true) or no one does (false)'),
      })
      .strict()
      .meta({ id: 'SetRadioAction', description: 'Switch a radio set on or off, retune it, or change whether anyone listens' }),
    z
      .object({ ...actionBase, do: z.literal('judge'), threatening: z.boolean().describe('Whether the crew now judges the other side threatening') })
      .strict()
      .meta({ id: 'JudgeAction', description: "The crew's judgement of the other side, as an account states it" }),
    z
      .object({
        ...actionBase,
        do: z.literal('set-noise'),
        radio: id.describe("The id of one of the unit's radio sets"),
        noiseDb: z.number().min(-200).max(0).nullable().describe('Local noise at the set, dBm; null: back to the environment floor'),
      })
      .strict()
      .meta({ id: 'SetNoiseAction', description: 'Change the local noise at a radio set (interference comes or goes)' }),
    z
      .object({
        ...actionBase,
        do: z.literal('set-crew'),
        workload: z.number().min(0).max(1).optional().describe('New workload, 0 idle .. 1 saturated'),
        languages: languages.optional().describe('New proficiency per language code (e.g. a linguist comes to the radio)'),
      })
      .strict()
      .meta({ id: 'SetCrewAction', description: "Change the crew's workload or languages" }),
    z
      .object({
        ...actionBase,
        do: z.literal('set-link'),
        link: id.describe("The id of one of the scenario's links"),
        available: z.boolean().optional().describe('false: the link goes down; true: it comes back'),
        latencyS: z.number().min(0).max(86_400).optional().describe('New delay over the link, seconds'),
      })
      .strict()
      .meta({ id: 'SetLinkAction', description: 'Take a link down or bring it back, or change its delay; unit: any member' }),
    z
      .object({ ...actionBase, do: z.literal('silence'), silent: z.boolean().default(true).describe('false: the unit may transmit again') })
      .strict()
      .meta({ id: 'SilenceAction', description: 'The unit makes no transmission from now on (or again, with silent: false)' }),
    z
      .object({ ...actionBase, do: z.literal('move'), track: track.describe('The new track from now on') })
      .strict()
      .meta({ id: 'MoveAction', description: 'The unit changes course: a new track from this time' }),
    z
      .object({
        ...actionBase,
        do: z.literal('conduct'),
        act: z.enum(CONDUCT_ACTS).describe('What the unit does towards the other'),
        target: id.describe('The unit it is done towards'),
        forS: z.number().positive().max(86_400).optional().describe('How long it lasts, seconds'),
      })
      .strict()
      .meta({
        id: 'ConductAction',
        description: 'A manoeuvre or act towards another unit (the assurance measures of CUES 2.8 judge it): simulated-attack, aerobatics, weapon-aimed, …',
      }),
  ])
  .meta({ id: 'Action', description: 'One thing a unit does in the script, at a time or on an event; `do:` says what' });

/** What a script action can do, in the order the schema lists them; the engine handles each (units/comms.ts). */
export const SCRIPT_ACTIONS = action.options.map((o) => o.shape.do.value);

const fact = z
  .object({
    question: z.string().describe('What the accounts disagree on, as a question, e.g. "Did the destroyer illuminate the aircraft?"'),
    row: z.string().optional().describe("Row of the brief's table 2.7 this fact toggles"),
    values: z.record(z.string(), z.unknown()).meta({
      description:
        'One value per account id; "default" for a run with no account. A value may be anything the field it stands for takes: a word, a number, a list, a mapping',
      examples: [{ jp: 'track', rok: 'off', default: 'off' }],
    }),
    sources: z.record(z.string(), z.array(sourceId)).optional().describe("Sources of each account's value: account id → source ids"),
    note: note.optional(),
    assumed: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        "Values an account does not state, which the scenario had to supply to run it: account id → why. Shown as an assumption, never as the account's word",
      ),
  })
  .strict()
  .meta({ id: 'Fact', description: 'A disputed fact: one value per account; the rest of the file refers to it as "$id"' });

/**
 * A procedure a scenario or an account binds to some units beside the procedure in force: a navy's
 * own warning ladder, a coast guard's or a civil station's simple rules. A unit follows the rules of
 * the procedure in force and of every procedure bound to it.
 */
export const bindingSchema = z
  .object({
    procedure: z.string().describe('A shipped id (rok-2019-guideline, coast-guard-basic) or a path'),
    nations: z.array(nation).min(1).optional().describe('Units of these nations follow it; default any nation'),
    services: z.array(z.string()).min(1).optional().describe('Units of these services follow it; default any service'),
    units: z.array(id).min(1).optional().describe('Only these units follow it'),
    note: note.optional(),
    sources: sourceIds.optional(),
  })
  .strict()
  .meta({ id: 'Binding', description: 'A procedure some units follow beside the procedure in force, chosen by nation, service or unit' });

const account = z
  .object({
    title: z.string().describe('Whose account, e.g. "Japan Ministry of Defense"'),
    side: nation.optional().describe("Whose account it is: the side's norms in force on the scenario's date judge the run"),
    norms: z.array(z.string()).optional().describe("Norm ids this account judges by, instead of its side's norms in force on the date"),
    sources: sourceIds.optional(),
    procedures: z.array(bindingSchema).optional().describe("Procedures bound to units under this account only, besides the scenario's `procedures`"),
  })
  .strict()
  .meta({ id: 'Account', description: "One side's version of events: its title, side and sources" });

const assumption = z
  .object({
    id: id.describe('Names the assumption'),
    value: z.unknown().describe('The value the scenario uses'),
    unit: z.string().optional().describe('Unit of the value: "m", "s", "dBm", …'),
    label: z.string().describe('What the value is, in words a trainer can read aloud'),
    why: z.string().describe('Why it was needed: what the sources do not say'),
    sources: sourceIds.optional(),
  })
  .strict()
  .meta({ id: 'Assumption', description: 'A value no source gives that the scenario had to set, with a label and the reason' });

const agreedFact = z
  .object({
    id: id.describe('Names the fact'),
    statement: z.string().describe('What every account says, in words a trainer can read aloud'),
    sources: sourceIds,
    note: note.optional(),
  })
  .strict()
  .meta({ id: 'AgreedFact', description: 'A fact every account states alike, with its sources' });

const notModelled = z
  .object({
    row: z.string().describe("Row of the dispute (e.g. the brief's table 2.7) that the scenario does not model"),
    reason: z.string().describe('Why it is not modelled'),
    sources: sourceIds.optional(),
  })
  .strict()
  .meta({ id: 'NotModelled', description: 'A row of the dispute the scenario does not model, and why' });

export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file (editors read it)'),
    id: id.describe('The scenario id, e.g. "dec-2018-noto"'),
    title: z.string().min(1).describe('The title the app and the debrief show'),
    date: dateSchema.describe('The date of the encounter; it decides which procedures and norms are in force'),
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/, schemaRule('checker.format.start'))
      .meta({
        patternErrorMessage: schemaRule('checker.format.start'),
        description: 'Date and time of the scenario start, with its offset',
        examples: ['2018-12-20T15:00+09:00'],
      }),
    durationS: z
      .number()
      .positive()
      .max(7 * 86_400)
      .meta({ description: 'How long the run lasts, seconds (at most a week)', examples: [1800] }),
    location: z
      .object({
        name: z.string().describe('The place, e.g. "East Sea / Sea of Japan, off the Noto Peninsula"'),
        lat,
        lon,
        note: note.optional(),
      })
      .strict()
      .describe('Where the encounter takes place: the plot centres on it'),
    locationNames: z
      .record(id, namesInLanguages)
      .optional()
      .describe(
        "The location's name for Japanese and Korean readers, per account id (`default`: with no account); write a disputed place as {sea} or {islets} and it is named as that account's side names it, or by both names with no account",
      ),
    description: z.string().optional().describe('What happened, in a few sentences for the trainer'),
    sources: sourceIds.default([]),
    procedure: z
      .string()
      .meta({ description: 'Procedure in force: a shipped id (practice-2018, cues-2014, jp-rok-2024) or a path', examples: ['cues-2014', 'practice-2018'] }),
    procedures: z.array(bindingSchema).default([]).describe('Procedures bound to some units (by nation, service or unit) beside the procedure in force'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(MAX_SEED, `the seed is a whole number from 0 to ${MAX_SEED} (larger ones would repeat smaller ones)`)
      .default(1)
      .describe('Seed of the random draws (fading, missed calls): the same seed gives the same run'),
    environment: z
      .object({
        noiseFloorDbm: z.number().min(-200).max(0).default(-120).describe('Receiver noise floor, dBm'),
        seaState: z.number().int().min(0).max(9).default(2).describe('Sea state, 0 (calm) to 9'),
        visibilityKm: z.number().min(0).max(100).default(20).describe('Visibility, km: flags and lights are seen only within it'),
        stepS: z.number().positive().max(600).default(5).describe('How often sensors and ranges are sampled'),
        requiredSnrDb: z.number().min(0).max(60).default(10).describe('Signal over noise needed to copy voice at all [U]'),
        clearSnrDb: z.number().min(0).max(80).default(25).describe('Signal over noise for a clear, word-perfect copy [U]'),
        understandAt: z.number().min(0).max(1).default(0.5).describe('Copy quality (0..1) below which the message is not made out'),
      })
      .strict()
      .default({ noiseFloorDbm: -120, seaState: 2, visibilityKm: 20, stepS: 5, requiredSnrDb: 10, clearSnrDb: 25, understandAt: 0.5 })
      .describe('Noise, sea and visibility, and how finely the run is sampled'),
    parameters: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, schemaRule('checker.format.parameter-name')), z.unknown())
      .default({})
      .describe("Overrides of the procedure's labelled parameters"),
    accounts: z.record(id, account).default({}).describe("Each side's version of events, by account id (e.g. jp, rok)"),
    defaultAccount: id.optional().describe('The account a run uses when none is chosen'),
    facts: z.record(id, fact).default({}).describe('Disputed facts, by id: one value per account; write "$id" where the value is used'),
    agreed: z.array(agreedFact).default([]).describe('The shared ground: facts every account states alike, with the sources of each'),
    assumptions: z.array(assumption).default([]).describe('Values no source gives that the scenario had to set, each with a label and the reason'),
    notModelled: z.array(notModelled).default([]).describe('Rows of the dispute the scenario does not model, and why'),
    links: z.array(link).default([]).describe('Satellite, fleet-net, hotline and landline links between units'),
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
    units: z.array(unit).min(1).describe('The ships, aircraft, vessels and headquarters (at least one)'),
    script: z.array(action).default([]).describe('What the units do beyond what their procedure makes them do, in time order or on events'),
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
