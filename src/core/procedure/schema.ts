/**
 * The procedure file format: data that the unit machines interpret. A procedure says which
 * channels to guard and in which order to call, how a call is worded, how often it is repeated,
 * how to reply, when to report to headquarters, and which actions to avoid. Every rule has an id
 * so the analysis can name the rule a breakdown broke.
 */
import { z } from 'zod';
import { schemaRule } from '../yaml-source';
import { dateSchema, phraseSchema, sourceIds } from '../scenario/schema';
import { AVOIDABLE_ACTIONS } from '../conduct';
import { CONTENT_ELEMENTS, CONTENT_MESSAGES } from '../content/elements';
import { CALL_CLASSES } from '../log';
import { conditionSchema } from './conditions';

/** The most times a call or a ladder step is repeated: enough for the ~20 warnings of 2019 [S44] many times over, few enough to keep a run cheap. */
export const MAX_REPEATS = 500;

const parameterName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, schemaRule('checker.format.parameter-name-interval'))
  .meta({
    id: 'ParameterName',
    patternErrorMessage: schemaRule('checker.format.parameter-name-interval'),
    description: "The name of one of the procedure's parameters that gives the number",
    examples: ['warningIntervalS'],
  });

const ruleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, schemaRule('checker.format.rule-id'))
  .meta({
    id: 'RuleId',
    patternErrorMessage: schemaRule('checker.format.rule-id'),
    description: 'A rule id: lower-case letters, digits and hyphens; the analysis names the rule a breakdown broke by it',
    examples: ['hail-on-fire-control'],
  });

const marker = z.enum(['QUESTION', 'WARNING', 'INFORMATION', 'REQUEST', 'INSTRUCTION', 'INTENTION', 'ADVICE']).meta({
  id: 'Marker',
  description: 'The message marker said before the body (SMCP): QUESTION, WARNING, INFORMATION, REQUEST, INSTRUCTION, INTENTION, ADVICE',
});

const channelList = z.union([z.literal('priority'), z.array(z.union([z.string(), z.number()]))]).meta({
  id: 'ChannelList',
  description: "priority (the procedure's channel order) or a list of channels (frequencies in MHz or channel ids)",
  examples: ['priority', ['156.8', '121.5']],
});

/** A value whose provenance matters: `known: false` marks a labelled default, not a sourced fact. */
export const parameterSchema = z
  .object({
    value: z.unknown().describe('The value: a number, a word, a list or a mapping, as the rules that use it need'),
    label: z.string().describe('Where the value comes from, or why it is a default'),
    known: z.boolean().default(true).describe('false: the sources do not give this value; it is an assumption'),
    sources: sourceIds.optional(),
  })
  .strict()
  .meta({ id: 'Parameter', description: 'A labelled value the rules use; a scenario may override it under parameters:' });

/**
 * One entry of the `safeDistanceNorms` parameter: whose norm it is, from when, and its numbers
 * (none: a stated position that gives no verdict, only a line for discussion).
 */
export const safeDistanceNormSchema = z
  .object({
    id: ruleId,
    nation: z.string().min(1).describe('Whose norm it is'),
    from: dateSchema.describe('Date from which the side held this norm'),
    until: dateSchema.optional().describe('Date from which it no longer held'),
    minGroundM: z.number().positive().optional(),
    minAltitudeM: z.number().positive().optional(),
    breachWhen: z
      .enum(['both', 'either'])
      .default('both')
      .describe('both: a pass breaches the norm when closer AND lower than its numbers (the default); either: when closer OR lower'),
    label: z.string().min(1),
    sources: sourceIds.optional(),
    services: z.array(z.string()).min(1).optional().describe('Services whose units it speaks of; default any'),
  })
  .strict();

/**
 * A pass of an aircraft by a surface unit is inside a norm when it is closer than minGroundM and
 * lower than minAltitudeM (each only when given); a norm without numbers gives no verdict.
 */
export type SafeDistanceNorm = z.infer<typeof safeDistanceNormSchema>;

export const triggerEvents = [
  'fire-control-detected',
  'unsafe-approach',
  'aircraft-approach',
  'call-unanswered',
  'report-received',
  'relay-received',
  'area-entered',
] as const;
export type TriggerEvent = (typeof triggerEvents)[number];

/** Content a rule's message carries, filled from the sending unit's data when the message is sent. */
const states = z
  .array(z.enum(CONTENT_ELEMENTS))
  .min(1)
  .meta({
    id: 'States',
    description:
      "Content elements the message carries, from the unit's data: identity (its call sign), position and courseSpeed (from its track), intention (its activity), area and time (the area it declared that is in force)",
  })
  .optional();

const when = z
  .array(z.enum(triggerEvents))
  .min(1)
  .meta({ id: 'When', description: `Events that set the rule off: ${triggerEvents.join(', ')}`, examples: [['fire-control-detected']] });

const onOccurrence = z.number().int().min(1).default(1).describe('Act on the n-th time the trigger happens for the same unit (1: the first)');

const ruleBase = {
  id: ruleId,
  title: z.string().describe('A short title the debrief shows, e.g. "Call on fire-control radar"'),
  text: z.string().describe('What the rule asks, in words a trainer can read aloud'),
  item: z.string().optional().describe('Where it comes from, e.g. "CUES 2.8(a)" or "2024 item 4"'),
  sources: sourceIds.default([]),
  appliesTo: z
    .array(z.enum(['ship', 'aircraft', 'headquarters']))
    .default(['ship', 'aircraft', 'headquarters'])
    .describe('Kinds of unit the rule binds: ship (also a vessel), aircraft, headquarters; default all three'),
  services: z
    .array(z.string())
    .min(1)
    .optional()
    .describe("Services the rule binds, and towards whose units it speaks (navy, coast-guard, air-force, civil …); default: the procedure's scope"),
  from: dateSchema.optional().describe("Date from which the rule applies; default: the procedure's inForceFrom"),
};

export const ruleSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        ...ruleBase,
        type: z.literal('guard'),
        channels: channelList.describe('Channels to guard'),
      })
      .strict()
      .meta({ id: 'GuardRule', description: 'Keep a set on, tuned and monitored on these channels' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('hail'),
        when,
        onOccurrence,
        safety: z.boolean().default(true).describe('A safety call (default true): reply rules with calls: safety answer only such calls'),
        marker: marker.default('QUESTION'),
        message: z.string().describe('Message body; {reason} is replaced by what triggered it'),
        needsAnswer: z.boolean().default(true).describe('The call asks a question that a reply must answer'),
        states,
      })
      .strict()
      .meta({ id: 'HailRule', description: 'Call the other unit when one of these happens' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('reply'),
        calls: z.enum(['any', 'safety']).default('any').describe('Which calls it answers: any (default) or only safety calls'),
        classes: z
          .array(z.enum(CALL_CLASSES))
          .min(1)
          .optional()
          .describe(
            'Classes of call this rule answers (routine, safety, warning, threat); a rule naming the class of a call words the reply before one that names none. Default: every class',
          ),
        to: z
          .enum(['caller', 'all'])
          .optional()
          .describe(
            'Whom the reply goes to: the caller (the default), or all stations (an unidentified caller can only be answered so: "UNKNOWN STATION, THIS IS …")',
          ),
        answer: z.boolean().default(true).describe('The reply answers the question, not only "received"'),
        message: z.string().default('RECEIVED, UNDERSTOOD. {answer}').describe('{answer} is the unit\'s activity and "no hostile intent"'),
        withinS: z.number().positive().default(60).describe('Seconds within which the reply is due (default 60)'),
        states,
      })
      .strict()
      .meta({ id: 'ReplyRule', description: 'Reply to a call addressed to this unit' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('say-again'),
        message: z.string().default('SAY AGAIN').describe('What the listener says (default "SAY AGAIN")'),
      })
      .strict()
      .meta({ id: 'SayAgainRule', description: 'Ask for a repeat when a call for this unit was not understood' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('clarify'),
        message: z
          .string()
          .default('WHAT DO YOU MEAN BY {phrase}?')
          .describe('What the listener asks; {phrase} is the phrase it did not know. The sender then says it again in words both know'),
      })
      .strict()
      .meta({ id: 'ClarifyRule', description: 'Ask what was meant when a call for this unit used a phrase its crew does not know' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('announce'),
        when,
        message: z.string().describe('What is said; {reason} is replaced by what triggered it'),
        states,
      })
      .strict()
      .meta({ id: 'AnnounceRule', description: 'State your activity or intentions to the other unit (no reply needed)' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('report'),
        when,
        onOccurrence,
        message: z.string().describe('What the unit reports; {reason} is replaced by what triggered it'),
      })
      .strict()
      .meta({ id: 'ReportRule', description: 'Report to own headquarters' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('hq-contact'),
        when,
        message: z.string().describe("What headquarters say to the other side's headquarters"),
      })
      .strict()
      .meta({ id: 'HqContactRule', description: "Headquarters contact the other side's headquarters" }),
    z
      .object({
        ...ruleBase,
        type: z.literal('relay'),
        message: z.string().describe('What headquarters pass on; {reason} is what the other side said, {other} the unit concerned'),
      })
      .strict()
      .meta({ id: 'RelayRule', description: "Headquarters pass what the other side's headquarters said to their unit on scene" }),
    z
      .object({
        ...ruleBase,
        type: z.literal('avoid'),
        action: z.enum(AVOIDABLE_ACTIONS).describe('The action to avoid'),
      })
      .strict()
      .meta({ id: 'AvoidRule', description: 'An action the prudent commander avoids' }),
    z
      .object({
        ...ruleBase,
        type: z.literal('content'),
        messages: z
          .enum(CONTENT_MESSAGES)
          .describe('Which messages it speaks of: a notice of an activity, a warning, a request, a query, or a safety-reply (a reply to a safety call)'),
        must: z.array(z.enum(CONTENT_ELEMENTS)).min(1).describe('Content elements such a message must carry (area, time, intention …)'),
      })
      .strict()
      .meta({
        id: 'ContentRule',
        description: 'What a message of a kind must contain: one that falls short fails at acted-on, and the sender is held to this rule',
      }),
    z
      .object({
        ...ruleBase,
        type: z.literal('step'),
        ladder: ruleId.describe('The ladder this step belongs to; its steps are taken in the order the file lists them'),
        trigger: conditionSchema.describe('When the step is taken: a condition on distances and altitudes (any = or, all = and)'),
        repeat: z
          .union([z.number().int().min(1).max(MAX_REPEATS), parameterName])
          .default(1)
          .describe(`Times the step's action is taken (at most ${MAX_REPEATS}), or the name of a parameter that gives it`),
        intervalS: z
          .union([z.number().positive().max(3600), parameterName])
          .default(60)
          .describe('Seconds between repeats, or the name of a parameter that gives them'),
        action: z
          .discriminatedUnion('do', [
            z
              .object({
                do: z.literal('hail'),
                message: z.string().describe('What the call says; {reason} is replaced by the condition that held'),
                marker: marker.default('WARNING'),
                needsAnswer: z.boolean().default(true).describe('The call asks a question that a reply must answer'),
              })
              .strict()
              .meta({ id: 'StepHail', description: 'Call the other unit on the first channel of the calling order' }),
            z
              .object({
                do: z.literal('emit'),
                emitter: z.enum(['search-radar', 'fire-control-radar', 'eo-camera']).describe("Which of the unit's emitters (the first of this type)"),
                mode: z
                  .enum(['off', 'search', 'track', 'slewed'])
                  .describe('track: transmitting at the other unit (a tracker illuminating it); slewed: pointed, silent'),
                forS: z
                  .union([z.number().positive().max(86_400), parameterName])
                  .optional()
                  .describe('Seconds before it goes back to its usual mode, or the name of a parameter that gives them'),
              })
              .strict()
              .meta({ id: 'StepEmit', description: "Switch a radar's mode or point a tracker at the other unit" }),
            z
              .object({ do: z.literal('manoeuvre'), manoeuvre: z.enum(['turn-away', 'close', 'shadow']).describe('What the unit does with its course') })
              .strict()
              .meta({ id: 'StepManoeuvre', description: "Manoeuvre (recorded in the log; the track stays the scenario's)" }),
            z
              .object({ do: z.literal('report'), message: z.string().describe('What the unit tells its headquarters; {reason} as for hail') })
              .strict()
              .meta({ id: 'StepReport', description: 'Report to own headquarters over a link' }),
          ])
          .meta({ id: 'StepAction', description: 'What the step does: do: hail, emit, manoeuvre or report' }),
        stopWhenAnswered: z.boolean().default(false).describe('A reply from the other unit ends the repeats of this step'),
      })
      .strict()
      .meta({
        id: 'StepRule',
        description: 'One step of an escalation ladder: when its condition holds (and the previous step is done), take its action, repeat times',
      }),
  ])
  .meta({ id: 'Rule', description: 'One rule of the procedure; `type:` says what kind, `id:` names it in the analysis' });

export const procedureSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file (editors read it)'),
    id: ruleId.describe('The procedure id scenarios name under procedure:, e.g. "cues-2014"'),
    title: z.string().describe('The title the app and the debrief show'),
    description: z.string().optional().describe('What the procedure is and where it comes from'),
    extends: z.string().optional().describe('Inherit rules, parameters and call format from this procedure'),
    sources: sourceIds.default([]),
    language: z.string().default('en').describe('Language of the calls (default en)'),
    inForceFrom: dateSchema.optional().describe('Date from which the procedure applies; a run of an earlier scenario under it is a what-if, and says so'),
    scope: z
      .object({ services: z.array(z.string()).min(1).describe('Services whose ships, aircraft and headquarters the rules bind (CUES: navy)') })
      .strict()
      .optional()
      .describe('Whose units the rules bind, by service; default every service'),
    coverage: z
      .array(
        z
          .object({
            item: z.string().describe('An item of the source document, e.g. "CUES 2.8 (c)" or "2024 item 6"'),
            title: z.string().describe('What the item says, in short'),
            rules: z.array(ruleId).optional().describe('Rules of this procedure that model it'),
            outOfScope: z.string().optional().describe('Why it is not modelled'),
            sources: sourceIds.optional(),
          })
          .strict(),
      )
      .default([])
      .describe('Every item of the source document, and the rules that model it or why none does'),
    parameters: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, schemaRule('checker.format.parameter-name')), parameterSchema)
      .default({})
      .describe('Labelled values the rules use, by name; a scenario may override them'),
    callFormat: z
      .object({
        addressee: z
          .array(z.enum(['nationality', 'name', 'hull', 'callSign', 'type']))
          .min(1)
          .describe('Elements of the addressee, in the order spoken'),
        nationalityWords: z.record(z.string(), z.string()).default({}).describe('How each nation is named in a call, e.g. KR: "KOREA SOUTH"'),
        typeWords: z.record(z.string(), z.string()).default({}).describe('How each kind of unit is named in a call, e.g. ship: "NAVAL SHIP"'),
        originatorPrefix: z.string().default('THIS IS').describe('Words before the caller names itself (default "THIS IS")'),
        ending: z.string().default('OVER').describe('How a call that asks for an answer ends, and a reply that asks something (say again)'),
        closing: z.string().default('OUT').describe('How a message that invites nothing more ends: a reply that answers, a report, a relay (IMO [S75]: OUT)'),
        repeatAddressee: z.number().int().min(1).max(3).default(1).describe('Times the whole addressee is said'),
        repeatEach: z
          .number()
          .int()
          .min(1)
          .max(3)
          .default(1)
          .describe('Times each element of the addressee is said in turn: 2 gives "KOREAN NAVAL SHIP, KOREAN NAVAL SHIP, HULL NUMBER 971, HULL NUMBER 971"'),
        repeatOriginator: z.number().int().min(1).max(3).default(1).describe('Times "THIS IS …" is said'),
      })
      .strict()
      .optional()
      .describe('How a call is worded: the addressee, the originator and the ending'),
    hailing: z
      .object({
        channels: channelList.default('priority').describe('Channels to call on, in order (default priority)'),
        callsPerChannel: z.number().int().min(1).max(10).default(1).describe('Calls on each channel before the next (default 1)'),
        attempts: z.number().int().min(1).max(MAX_REPEATS).default(3).describe(`Calls made before giving up (at most ${MAX_REPEATS})`),
        intervalS: z.number().positive().default(120).describe('Seconds between calls (default 120)'),
        laterIntervalS: z.number().positive().default(180).describe('Seconds between calls after laterAfter calls (default 180)'),
        laterAfter: z.number().int().min(1).default(3).describe('Calls after which laterIntervalS applies (default 3)'),
        replyTimeoutS: z.number().positive().default(90).describe('Seconds without a reply before a call counts as unanswered (default 90)'),
        firstCallAfterS: z
          .number()
          .min(0)
          .max(3600)
          .default(0)
          .describe('Seconds between deciding to call and the first call (the crew reports or manoeuvres first); 0: at once'),
      })
      .strict()
      .optional()
      .describe('How calls are made: channels, how often, how long to wait for a reply'),
    vocabularies: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Phrase vocabularies the procedure agrees (CUES: cues, smcp); a phrase outside them is the sender's choice, a listener not knowing one inside them is the listener's gap. Default: the procedure it extends",
      ),
    phrases: z
      .array(phraseSchema)
      .default([])
      .describe("The phrasebook: phrases of each vocabulary, added to those of the procedure it extends (a scenario's `phrases:` adds more)"),
    rules: z.array(ruleSchema).default([]).describe('The rules: what units guard, call, answer, report and avoid'),
    /** What the units actually did, where it differs from the rules (practice-2018). */
    practice: z
      .array(
        z
          .object({
            rule: ruleId.describe('The rule not followed'),
            notObservedBy: z.array(z.string()).min(1).describe('Nations (JP, KR) or unit ids that did not follow the rule'),
            note: z.string().optional().describe('What they did instead'),
            sources: sourceIds.optional(),
          })
          .strict(),
      )
      .default([])
      .describe('What the units actually did where it differs from the rules'),
    remove: z.array(ruleId).default([]).describe('Inherited rules that do not apply here'),
  })
  .strict();

export type ProcedureFile = z.infer<typeof procedureSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];
export type Parameter = z.infer<typeof parameterSchema>;
