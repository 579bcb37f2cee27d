/**
 * Messages of the `checker.` area, in English, Japanese and Korean: every diagnostic of `npm run check`,
 * the loaders and the editor's problems list. The codes are stable (docs/errors.md will document them);
 * the English reproduces the checker's words exactly, so its output and goldens do not change.
 * Names, ids, keys and values from the files themselves stay as written.
 *
 * Most codes are a diagnostic's own (Diagnostic.code). Some are only parts nested in another's
 * parameters: checker.empty, checker.none, checker.quoted, checker.paren-quoted, checker.the-file,
 * checker.did-you-mean, checker.in-account, checker.as-written, checker.join.*, checker.value.*,
 * checker.schema.got, checker.why.* (reasons of checker.never-fires), checker.never-fires.remedy-*,
 * checker.range.why-* and miss-*, checker.call.radio-set, both-have, no-radios, none-can-receive-all,
 * wrong-modulation-set, no-set-for, fix-* (parts of checker.call.no-receiver), checker.channel.by-frequency,
 * declared and declare-others, checker.area.none-declared, checker.trigger.any-foreign-ship and
 * aircraft-named, checker.crew.norm-from and later-norms, checker.account.it-states,
 * checker.call-range.nearest, checker.description.for-unit, checker.flight-call.before-takeoff and
 * after-landing, checker.source.did-you-mean.
 */
import type { AreaMessages } from '../types';

export const checker: AreaMessages = {
  en: {
    'checker.empty': '',
    'checker.as-written': '{text}',
    'checker.did-you-mean': ' (did you mean "{name}"?)',
    'checker.the-file': 'the file',
    'checker.in-account': '{problem} (account {account})',
    'checker.file.too-large':
      'file is {atLeast, select, true {more than } other {}}{bytes, number} bytes; the limit is {limit, number} bytes. Split the scenario into smaller ones (fewer units or a shorter span each), or remove long notes and unused material.',
    'checker.file.not-utf8':
      'the file is not UTF-8 text (it looks like UTF-16, as some Windows editors save it): save it again as UTF-8 (in VS Code: "Save with Encoding", UTF-8)',
    'checker.file.too-deep':
      'nested more than {limit} levels deep here; scenario and procedure files need only a few levels. Check for brackets that do not close or indentation that runs away.',
    'checker.yaml.unreadable': 'could not read YAML: {detail}',
    'checker.yaml.syntax': 'YAML: {detail}',
    'checker.yaml.duplicate-key': 'YAML: {detail} (remove one of the two keys)',
    'checker.yaml.bad-indent': 'YAML: {detail} (check the indentation: children are indented two spaces more than their parent)',
    'checker.yaml.missing-char': 'YAML: {detail} (check the indentation: children are indented two spaces more than their parent)',
    'checker.yaml.tab-indent': 'YAML: {detail} (use spaces, not tabs, to indent)',
    'checker.yaml.block-as-key': 'YAML: {detail}',
    'checker.yaml.multiline-key': 'YAML: {detail}',
    'checker.yaml.unexpected-token': 'YAML: {detail}',
    'checker.yaml.bad-scalar-start': 'YAML: {detail}',
    'checker.yaml.bad-alias': 'YAML: {detail}',
    'checker.yaml.tab': 'this line is indented with a tab; YAML indents with spaces only: use spaces instead of the tab',
    'checker.yaml.indent':
      'this line is indented {found, plural, one {# space} other {# spaces}}, which lines up with nothing above it: indent it {expected, plural, one {# space} other {# spaces}}, like line {line} (the items of one list or mapping start at the same column)',
    'checker.yaml.unquoted-bracket':
      'the value of {key} has a bracket in it, and inside a mapping written on one line brackets start and end a list: quote it: {fix}',
    'checker.schema.unknown-action': 'unknown action "{action}"{hint}; actions: {actions}',
    'checker.yaml.unclosed':
      'this "{bracket}" is never closed: add "{close}" where the list or mapping ends, or quote the value if the bracket is part of its text',
    'checker.yaml.multiple-docs':
      'a second YAML document starts here (a line "---"): a scenario or a procedure is one document. Remove the "---" and what follows it, or put it in a file of its own',
    'checker.schema.unknown-field': 'unknown field "{field}"{hint}; remove it or check its spelling',
    'checker.schema.required': '{path} is required (expected {expected})',
    'checker.schema.wrong-type': '{path}: expected {expected}, got {received}',
    'checker.schema.one-of': '{path}: must be one of {options}{hint}',
    'checker.schema.too-few-items': '{path} needs at least {minimum} item(s)',
    'checker.schema.empty-text': '{path} cannot be empty',
    'checker.schema.too-small': '{path} must be {inclusive, select, true {at least} other {more than}} {minimum}{got}',
    'checker.schema.too-big': '{path} must be {inclusive, select, true {at most} other {less than}} {maximum}{got}',
    'checker.schema.got': ' (got {value})',
    'checker.schema.no-matching-discriminator': '{path}: No matching discriminator',
    'checker.schema.invalid': '{path}: Invalid input',
    'checker.schema.invalid-key': '{path}: Invalid key in {origin}',
    'checker.schema.invalid-element': '{path}: Invalid value in {origin}',
    'checker.schema.pattern': '{path}: Invalid string: must match pattern {pattern}',
    'checker.schema.other': '{path}: {detail}',
    'checker.value.null': 'null',
    'checker.value.list': 'a list',
    'checker.value.mapping': 'a mapping',
    'checker.value.text': 'text "{text}"',
    'checker.value.number': '{value}',
    'checker.value.other': '{type} {value}',
    'checker.limit.units':
      'the scenario has {units, number} units; the limit is {limit, number}. Split it into several scenarios (by area or by phase), or leave out units that take no part in the exchanges.',
    'checker.limit.name-length': 'this name is {chars, number} characters long; the limit is {limit, number}. Give a short name and put the rest in a note',
    'checker.limit.text-length':
      'this text is {chars, number} characters long; the limit is {limit, number}. Shorten it, or cite the source that holds the full text',
    'checker.limit.samples':
      'a step of {stepS} s over {durationS} s for {units, number} unit(s) asks for {huge, select, true {over 10¹⁵} other {{samples, number}}} sensor samples; the limit is {limit, number}. Set environment.stepS to {minStep} s or more, or shorten durationS',
    'checker.none': 'none',
    'checker.scenario.not-a-mapping': 'a scenario file is a mapping with id, title, units, … (see docs/authoring.md)',
    'checker.procedure.not-loaded': 'procedure "{procedure}" could not be loaded',
    'checker.account.unknown': 'no account "{account}" in this scenario; its accounts are {accounts}',
    'checker.account.none': 'account "{account}" requested, but this scenario has no accounts',
    'checker.account.unknown-default': 'no account "{account}"{hint}; accounts are {accounts}',
    'checker.fact.no-value': 'fact "{fact}" has no value for account "{account}"; add "{account}: …" under values',
    'checker.fact.unknown': '"${fact}" names no fact; facts are {facts}',
    'checker.fact.unknown-none': '"${fact}" names no fact; declare it under facts:',
    'checker.fact.unknown-account': 'fact "{fact}" has a value for "{account}", which is not an account{hint}; accounts are {accounts}',
    'checker.track.circular': 'track of "{unit}" is relative to a unit whose track is relative to "{unit}"; give one of them absolute positions',
    'checker.unit.duplicate-id': 'unit id "{unit}" is used twice (also units[{index}]); ids must be unique',
    'checker.link.unknown-member': 'link "{link}" names unit "{unit}", which does not exist{hint}; units are {units}',
    'checker.unit.no-track': '{kind} "{unit}" has no track; give it waypoints{aircraft, select, true { with altM} other {}}',
    'checker.unit.no-place': '{kind} "{unit}" has neither a track nor a position',
    'checker.hq.unknown': 'headquarters "{hq}" does not exist{hint}; units are {units}',
    'checker.hq.not-hq': '"{hq}" is a {kind}, not a headquarters',
    'checker.hq.unreachable': '"{unit}" has no link or radio channel shared with its headquarters "{hq}", so its reports cannot get through',
    'checker.counterpart.not-hq-self': 'only headquarters have a counterpart',
    'checker.counterpart.unknown': 'counterpart "{counterpart}" does not exist{hint}',
    'checker.counterpart.not-hq': 'counterpart "{counterpart}" is a {kind}, not a headquarters',
    'checker.link.undeclared': 'link "{link}" is not declared under links:{hint}; declared links are {links}',
    'checker.link.not-member': '"{unit}" lists link "{link}" but is not among its members',
    'checker.radio.duplicate-id': 'radio id "{radio}" is used twice on "{unit}"',
    'checker.radio.signal-as-channel': '"{channel}" is a signal, not a radio channel: list it under the unit\'s signals:',
    'checker.radio.tuned-off-list': 'radio "{radio}" is tuned to {channel}, which is not among its channels ({channels})',
    'checker.radio.wrong-modulation': 'radio "{radio}" demodulates {modulation} but {channel} MHz is {channelModulation}: it will not copy calls there',
    'checker.emitter.unknown-master': '"{emitter}" is not an emitter of "{unit}"{hint}',
    'checker.track.unknown-from': 'waypoint is relative to "{unit}", which does not exist{hint}',
    'checker.track.self-from': 'a waypoint cannot be relative to its own unit',
    'checker.track.after-end': 'waypoint at {t} s is after the end ({durationS} s)',
    'checker.track.too-low': 'aircraft at {altM} m: below 30 m is not a patrol altitude; check the unit',
    'checker.script.unknown-unit': 'unit "{unit}" does not exist{hint}; units are {units}',
    'checker.script.no-when': 'give the action a time (at:) or a trigger (on:)',
    'checker.script.both-when': 'give either at: or on:, not both',
    'checker.script.after-end': 'action at {t} s is after the end of the scenario ({durationS} s); it will never run',
    'checker.trigger.unknown-unit': 'trigger names unit "{unit}", which does not exist{hint}',
    'checker.trigger.range-below-needs': 'a range-below trigger needs other: and rangeM:',
    'checker.script.unknown-emitter': '"{unit}" has no emitter "{emitter}"{hint}; its emitters are {emitters}',
    'checker.script.unknown-target': 'target "{target}" does not exist{hint}',
    'checker.script.unknown-target-of': 'target "{target}" does not exist{hint}; units are {units}',
    'checker.script.mode-needs-target': 'mode "{mode}" needs a target:',
    'checker.script.unknown-addressee': 'addressee "{addressee}" does not exist{hint}; units are {units}',
    'checker.script.no-signal-gear': '"{unit}" has no {signal} (its signals: {signals}); the signal will not be made',
    'checker.script.no-radio-for-channel': '"{unit}" has no radio that can use {channel} MHz; the call will not be transmitted',
    'checker.script.move-needs-time': 'a move needs a time (at:): tracks are joined when the scenario is loaded',
    'checker.script.unknown-radio': '"{unit}" has no radio "{radio}"{hint}; its radios are {radios}',
    'checker.script.act-at-self': 'an act cannot be aimed at its own unit; name the unit "{act}" is aimed at',
    'checker.script.report-no-hq': '"{unit}" has no headquarters: to report, set headquarters: on the unit',
    'checker.channel.unknown': 'unknown channel "{channel}"{hint}; known channels are {channels}, the signals {signals}{declared}',
    'checker.channel.by-frequency': ' ({frequency} MHz is the declared channel "{channel}": name it by its id)',
    'checker.channel.declared': '; declared under channels: {channels}',
    'checker.channel.declare-others': '; declare others under channels:',
    'checker.channel.duplicate-id': 'channel id "{channel}" is declared twice',
    'checker.channel.built-in-id': '"{channel}" is a built-in channel; give the declared one another id',
    'checker.channel.link-id': '"{channel}" is also the id of a link; give the channel another id',
    'checker.channel.ground-wave-unused':
      'channel "{channel}" travels by line of sight, so groundWaveKm does nothing; set propagation: ground-wave or remove it',
    'checker.area.duplicate-id': 'area id "{area}" is used twice; ids must be unique',
    'checker.area.one-shape': "area \"{area}\" needs exactly one shape: circle: '{ lat, lon, radiusM }' or polygon: ['{ lat, lon }', …]",
    'checker.area.unknown-declarer': 'area "{area}" is declared by "{unit}", which is not a unit{hint}',
    'checker.area.ends-before-start': 'area "{area}" ends ({until} s) before it begins ({from} s)',
    'checker.area.after-end': 'area "{area}" comes into force at {from} s, after the end of the scenario ({durationS} s)',
    'checker.area.none-declared': 'none (declare them under areas:)',
    'checker.area.unknown': 'no area "{area}"{hint}; areas are {areas}',
    'checker.area.trigger-needs-area': 'an {event} trigger needs area: (one of {areas})',
    'checker.area.ignored': 'area: is read only by enters-area and leaves-area triggers, not by {event}',
    'checker.flight.self-place': "an aircraft cannot {what, select, takeoff {take off from} other {land on}} itself; name the ship or give '{ lat, lon }'",
    'checker.flight.unknown-place':
      '{what, select, takeoff {take off from} other {land on}} names unit "{unit}", which does not exist{hint}; units are {units}',
    'checker.flight.not-aircraft': 'only an aircraft takes off and lands; "{unit}" is a {kind}',
    'checker.flight.takeoff-after-end': 'take-off at {t} s is after the end ({durationS} s): "{unit}" never appears',
    'checker.flight.lands-before-takeoff': 'landing at {landing} s is not after take-off at {takeoff} s; an aircraft lands after it takes off',
    'checker.binding.unknown-unit': 'no unit "{unit}" in this scenario',
    'checker.binding.already-in-force': '"{procedure}" is already the procedure in force (or one it extends): it binds every unit already',
    'checker.procedure.not-found': 'procedure "{procedure}" not found{hint}; shipped procedures are {shipped}, or give a path to a .yaml file',
    'checker.procedure.extends-own-id':
      'this procedure\'s id "{procedure}" is the id of the procedure it extends; give it an id of its own, e.g. "{procedure}-local"',
    'checker.procedure.extends-cycle': 'procedure "{procedure}" extends itself through {chain}',
    'checker.procedure.bad-base': 'cannot use "{base}" as the base of "{procedure}"',
    'checker.procedure.remove-unknown': 'remove: no inherited rule "{rule}"',
    'checker.procedure.practice-unknown-rule': 'practice names rule "{rule}", which this procedure does not have; rules are {rules}',
    'checker.procedure.step-unknown-parameter': 'step "{rule}" names parameter "{parameter}", which is not declared under parameters:',
    'checker.procedure.step-key-unknown-parameter': 'step "{rule}": {key} names parameter "{parameter}", which is not declared under parameters:',
    'checker.procedure.step-repeat-not-count': 'step "{rule}": repeat names parameter "{parameter}", which is not a whole number from 1 to {max}',
    'checker.procedure.step-interval-not-positive': 'step "{rule}": intervalS names parameter "{parameter}", which is not a positive number',
    'checker.procedure.channel-priority-not-list': 'channelPriority.value must be a list of channels, e.g. ["121.5", "156.8", "243.0"]',
    'checker.coverage.duplicate': 'coverage item "{item}" is listed twice (also coverage[{index}])',
    'checker.coverage.empty': 'coverage item "{item}" names no rules and no outOfScope: say which rules model it, or why none does',
    'checker.coverage.unknown-rule': 'coverage item "{item}" names rule "{rule}", which this procedure does not have; rules are {rules}',
    'checker.quoted': '"{id}"',
    'checker.call-range.nearest': 'no station is within radio range of "{unit}"; the nearest, "{nearest}",',
    'checker.call-range.beyond-horizon':
      "at t = {t} s, when this {action} is made, {whom} is {distanceKm} km away, beyond the radio horizon of {horizonKm} km, so nobody can receive this call: it will fail at in-range. Make the call later (at:), move the units closer, raise the antennas (platform.antennaHeightM; an aircraft's altM), or put both on a link",
    'checker.callsigns.missing':
      '{unit} has no callSigns: on the air it will be called and name itself "{said}", never "{name}"; add callSigns: [...] to say how it is called',
    'checker.conduct.not-forbidden': 'no rule of {procedure} forbids "{act}": the timeline records the act, but nothing judges it',
    'checker.conduct.same-nation':
      '"{target}" is of the same nation as "{unit}": the rules judge acts towards units encountered of another nation, so this one is not judged',
    'checker.description.for-unit': '; for "{unit}", {why}',
    'checker.description.fits-no-one':
      'at t = {t} s, when this call is made, its description fits no station{why}: nobody will take the call for itself. Check near, courseDeg and kind against the tracks',
    'checker.flight-call.caller-absent': '{when}: its radios are off, so this call will not go out',
    'checker.flight-call.addressee-absent': '{when}: its radios are off, so this call will stop at receivable',
    'checker.flight-call.before-takeoff': 'at t = {t} s "{unit}" has not taken off yet (take-off at {takeoff} s)',
    'checker.flight-call.after-landing': 'at t = {t} s "{unit}" has landed (at {landing} s)',
    'checker.phrases.unknown-vocabulary':
      'vocabulary "{vocabulary}" has no phrase in the phrasebook and is not a well-known one ({known}){hint}; the crew will miss every phrase of the vocabulary it meant',
    'checker.relay.no-link':
      '"{hq}" has no link to "{unit}": when "{counterpart}" passes on a report about it from {reporters} ({contact}), "{hq}" cannot relay it ({relay}), and the run records that it could not. Put both on a link (links: with members [{hq}, {unit}]){setHq, select, true {, and set headquarters: {hq} on "{unit}"} other {}}',
    'checker.area.unit-never-enters':
      '"{unit}" never enters area "{area}" while it is in force during the run, so this action will never run. Check the tracks and the area\'s window',
    'checker.area.unit-never-leaves':
      '"{unit}" never leaves area "{area}" while it is in force during the run, so this action will never run. Check the tracks and the area\'s window',
    'checker.area.none-enters':
      'no unit ever enters area "{area}" while it is in force during the run, so this action will never run. Check the tracks and the area\'s window',
    'checker.area.none-leaves':
      'no unit ever leaves area "{area}" while it is in force during the run, so this action will never run. Check the tracks and the area\'s window',
    'checker.join.semicolon': '{first}; {rest}',
    'checker.join.or': '{first} or {rest}',
    'checker.paren-quoted': ' ("{id}")',
    'checker.lint.crashed': 'the extra checks of this scenario stopped early ({detail}); the run is not affected. Please report this',
    'checker.hq.radio-only':
      '"{unit}" shares radio channel {channels} with its headquarters "{hq}" but no link; reports to headquarters and relays from it go only over a link, so none will get through. Add a link under links: with members [{unit}, {hq}] (kind satellite, fleet-net, hotline or landline) and list it under the unit\'s links:',
    'checker.call.caller-not-in-link':
      '"{unit}" is not a member of link "{link}", so this call will not be sent. Add "{unit}" to the link\'s members, or call on a channel it has',
    'checker.call.addressee-not-in-link':
      '{all, select, true {no other unit is} other {"{addressee}" is not}} a member of link "{link}", so nobody can receive this call. Add the addressee to the link\'s members, or call on a channel it has',
    'checker.call.no-receiver': '{problem}. {fix}',
    'checker.call.none-can-receive-all': 'no other unit has a {modulation} set for {channel} MHz, so nobody can receive this call to all',
    'checker.call.wrong-modulation-set':
      '"{unit}" can tune its set "{radio}" to {channel} MHz, but that set is {modulation} and {channel} MHz is {channelModulation}: it cannot copy this call',
    'checker.call.radio-set': '{radio}: {channels}',
    'checker.call.no-radios': 'it has no radios',
    'checker.call.no-set-for': '"{unit}" has no set for {channel} MHz ({sets}), so it cannot receive this call',
    'checker.call.fix-all': 'Call on a channel the others have, or give them a {modulation} set for {channel}',
    'checker.call.both-have': ' (both have {channels})',
    'checker.call.fix-one': 'Call on a channel "{unit}" can copy{alt}, or give "{unit}" a {modulation} set with {channel} among its channels',
    'checker.call.no-set-on-plan':
      '"{unit}" has no set on any of the channels procedure {procedure} calls on ({order}), so this {action} will not be made. Give the action a channel: that "{unit}" has, or give "{unit}" a set on one of those channels',
    'checker.call.plan-unreceivable':
      'this {action} gives no channel:, so "{unit}" {action, select, hail {calls} other {replies}} on {plan} (the calling order of procedure {procedure}), and {all, select, true {no other unit can} other {"{addressee}" cannot}} receive {count, plural, one {it} other {any of them}} (no set with that channel and modulation). Add channel: with a channel {all, select, true {the others have} other {"{addressee}" has}}, or give {all, select, true {them} other {"{addressee}"}} a set for {first}',
    'checker.parameter.unknown':
      '"{name}" is not a parameter of procedure {procedure} (its parameters are {known}), so this value has no effect. Check the spelling',
    'checker.parameter.bad-norm':
      "this norm is not one the analysis can use ({detail}): a norm is '{ id, nation, from: YYYY-MM-DD, until?, minGroundM?, minAltitudeM?, breachWhen?: both | either, label, sources?, services? }'",
    'checker.trigger.range-below-not-aircraft':
      'range-below is measured from an aircraft to a ship or vessel of another nation, so it never happens to "{unit}", a {kind}. Put the aircraft under unit: and the ship under other:',
    'checker.trigger.range-below-not-ship':
      'range-below is measured from an aircraft to a ship or vessel of another nation, and "{unit}" is a {kind}. Put the ship or vessel under other:',
    'checker.trigger.range-below-same-nation':
      'range-below is only measured between units of different nations, and "{unit}" and "{other}" are both {nation}; this action will never run',
    'checker.trigger.any-foreign-ship': 'a ship or vessel of another nation',
    'checker.trigger.aircraft-named': ' (aircraft "{unit}")',
    'checker.trigger.range-never-closes':
      'no aircraft comes within {rangeM} m of {other}{aircraft} during the run, so this action will never run. Check the tracks, or raise rangeM',
    'checker.trigger.fcd-no-esm':
      'fire-control-detected happens to a unit with an ESM, and {named, select, true {"{unit}" has none} other {no unit has one}}, so this action will never run. Add emitters: [\'{ id: esm, type: esm }\'] to {named, select, true {"{unit}"} other {the unit that should detect it}}',
    'checker.trigger.fcd-no-radar':
      'fire-control-detected needs a unit of another nation{other} to hold a radar on {targets} (do: emit, mode: track, target: …), and no script action does, so this action will never run',
    'checker.trigger.radar-no-esm':
      'radar-detected happens to a unit with an ESM, and {named, select, true {unit "{unit}" has none} other {no unit has one}}, so this action will never run. Add emitters: [\'{ id: esm, type: esm }\']',
    'checker.trigger.radar-none-in-horizon':
      'radar-detected needs a searching radar of another nation{other} within the radar horizon of {targets}, and there is none during the run, so this action will never run',
    'checker.never-fires': 'rule {rule} ({type}) can never fire in this scenario: {reasons}. {remedy}',
    'checker.never-fires.remedy-own': 'Add what it needs, or remove the rule from {file} if this scenario does not need it',
    'checker.never-fires.remedy-inherited':
      'Add what it needs if the scenario should exercise it; if not, the warning can be ignored, or use a procedure that extends {origin} with remove: [{rule}]',
    'checker.guard.watch-off':
      '{rule} asks {unit} to keep a watch on {channel}, but the scenario has {powered, select, true {nobody listening to set "{radio}" (monitored: false)} other {set "{radio}" off (powered: false)}}{others, select, true { and its other sets for {channel} off or unheard} other {}}: the run keeps the set as the scenario has it and records that {unit} did not keep the watch (the scorecard says {rule} was violated). If the set was on and listened to, say so ({powered, select, true {monitored: true} other {powered: true}})',
    'checker.crew.norm-from': '{norm} from {from}',
    'checker.crew.later-norms': ' ({norms} came later)',
    'checker.crew.no-norm':
      "{unit}'s crew judges a pass by {nation}'s safe-distance norm in force on {date}, and {nation} had none with numbers then{later}: no unsafe-approach will fire for it. Give the crew its own thresholds (judgesThreatening: '{ withinM: …, belowM: … }') and label them under assumptions:, or set it to false",
    'checker.scope.outside-every-rule':
      '{unit} ({service}) is outside every rule of {procedure} (scope: {scope}): no verdict is given on its conduct or on conduct towards it',
    'checker.account.it-states': ' (it states {norms})',
    'checker.account.unknown-norm': 'account {account} names norm "{norm}", which {procedure}\'s safeDistanceNorms does not state{states}: it judges nothing',
    'checker.why.any-service': 'any service',
    'checker.why.no-applicable':
      'it applies only to {kinds} (appliesTo) of {services}, and this scenario has no such unit that it binds (no procedure binds a vessel that is not a warship)',
    'checker.why.guard-none': 'no unit it applies to',
    'checker.why.never-called':
      'no {safety, select, true {safety call} other {call}} is ever made to a unit it applies to ({units}): script a do: hail to one of them{safety, select, true { (safety: true)} other {}}, or give the other side a hail rule that can fire',
    'checker.why.relay-no-hq': 'only a headquarters relays, and it applies to none here',
    'checker.why.relay-no-counterpart':
      "no headquarters names {hqs} as its counterpart: (set counterpart: on the other side's headquarters, with a link between the two)",
    'checker.why.relay-never-contacted': '{askers} never contacts {hqs}: it needs an hq-contact rule that can fire and a link to its counterpart',
    'checker.why.report-no-hq': "no unit it applies to names a headquarters (the unit's headquarters field), and reports go to headquarters",
    'checker.why.report-no-link':
      '{units} {count, plural, one {has} other {have}} no link to {count, plural, one {its} other {their}} headquarters, and reports go only over links',
    'checker.why.contact-no-hq': "only a headquarters contacts the other side's headquarters, and it applies to none here",
    'checker.why.contact-no-counterpart':
      "{hqs} {count, plural, one {has} other {have}} no counterpart: linked to {count, plural, one {it} other {them}} (set counterpart: to the other side's headquarters and add a link with both as members)",
    'checker.why.fcd-no-esm':
      "fire-control-detected needs an ESM on the unit that detects it, and none of {units} has one (add emitters: ['{ id: esm, type: esm }'])",
    'checker.why.fcd-no-radar':
      'fire-control-detected needs a unit of another nation to hold a radar on {units}, and no script action does (do: emit, emitter: <a radar>, mode: track, target: {first})',
    'checker.why.unsafe-no-ship': 'unsafe-approach happens only to ships, and none of {units} is one',
    'checker.why.unsafe-no-judge':
      "unsafe-approach needs a ship that judges the flight threatening, and none of {units} does (crew: '{ judgesThreatening: true }' or a do: judge action)",
    'checker.why.unsafe-no-norm':
      "unsafe-approach needs a safe-distance norm with numbers of {nations} in force on {date} (the procedure's safeDistanceNorms parameter), or the crew's own thresholds (crew: '{ judgesThreatening: { withinM, belowM } }'), and there is none",
    'checker.why.nation-norm': '{nation} norm',
    'checker.why.crew-threshold': "the crew's own threshold",
    'checker.why.limit': '{unit} ({whose}: closer than {ground} m and lower than {altitude} m)',
    'checker.why.unsafe-never-inside':
      "unsafe-approach needs an aircraft of another nation to pass inside the safe-distance norm of {limits}, and none does (check the aircraft's track and altM)",
    'checker.why.approach-no-ship': 'aircraft-approach happens only to ships, and none of {units} is one',
    'checker.why.approach-no-aircraft': 'aircraft-approach needs an aircraft of another nation than {units}, and there is none',
    'checker.why.approach-never-close':
      "aircraft-approach needs an aircraft of another nation to come within approachRangeM ({rangeM} m) of {units}, and none does (check the tracks, or set parameters: '{ approachRangeM: … }')",
    'checker.why.call-unanswered': 'call-unanswered needs {units} to make a call (a scripted do: hail, or a hail rule that can fire), and none does',
    'checker.why.report-received-no-sub':
      'report-received needs a unit that reports to {units}, and no unit names {count, plural, one {it} other {any of them}} as its headquarters (set headquarters: {first} on the unit, and put both on a link)',
    'checker.why.report-received-no-link':
      'report-received needs a report over a link, and {units} {count, plural, one {has} other {have}} no link to {count, plural, one {its} other {their}} headquarters',
    'checker.why.report-received-never':
      'report-received needs a report, and {units} never {count, plural, one {reports} other {report}} (no report rule can fire for {count, plural, one {it} other {them}} and there is no scripted do: report)',
    'checker.why.relay-received-no-hq': "relay-received needs a headquarters to relay to {units}, and none of them names one (the unit's headquarters field)",
    'checker.why.relay-received-never':
      "relay-received needs the headquarters of {units} to be contacted by the other side's headquarters (counterpart:, a link between them, an hq-contact rule that can fire) and to relay over a link",
    'checker.why.area-no-declarer': 'area-entered happens only to the unit that declared an area (declaredBy: under areas:), and none of {units} did',
    'checker.why.area-never-entered': 'area-entered needs another unit to enter the area {units} declared while it is in force',
    'checker.range.why-script': 'the script has it call them',
    'checker.range.why-rule': '{rule} may have it call units of another nation',
    'checker.range.miss-weak':
      '{unit} ({why}; closest {distanceKm} km apart at t = {t} s, inside the radio horizon but only {dbm} dBm arrives, below the {sensitivity} dBm a receiver needs: check powerW)',
    'checker.range.miss-far': '{unit} ({why}; closest {distanceKm} km apart at t = {t} s, radio horizon {horizonKm} km)',
    'checker.range.never':
      '"{unit}" is never within radio range of anyone it must talk to: {misses}. Every call between them will fail at in-range. Check the positions (lat/lon) and the track, or raise the antennas (platform.antennaHeightM; an aircraft\'s altM); if they should talk over a satellite or network, put both on a link',
    'checker.format.id': '{path}: ids are lower-case letters, digits and hyphens, e.g. "ddg971"',
    'checker.format.time': '{path}: write a time as seconds (364) or as "6:04" (minutes and seconds under 60)',
    'checker.format.source-id': '{path}: source ids look like "S15" (see docs/sources.md)',
    'checker.format.date': '{path}: date is YYYY-MM-DD',
    'checker.format.frequency-once': '{path}: give the frequency once: freqMHz or freqKHz',
    'checker.format.start': '{path}: start is an ISO time with its zone, e.g. 2018-12-20T14:54:00+09:00',
    'checker.format.parameter-name': '{path}: parameter names are letters and digits, e.g. approachRangeM',
    'checker.format.parameter-name-interval': '{path}: a parameter name, e.g. warnIntervalS',
    'checker.format.parameter-name-range': '{path}: a parameter name, e.g. warnRangeM',
    'checker.format.rule-id': '{path}: rule ids are lower-case words joined by hyphens',
    'checker.source.did-you-mean': 'did you mean {ids}? ',
    'checker.source.unknown':
      'unknown source id "{id}"; {guess}{suggested, select, true {The} other {the}} ids are listed in {doc}. To cite a new source, add it to {file} and run npm run sources',
  },
  ja: {
    'checker.empty': '',
    'checker.as-written': '{text}',
    'checker.did-you-mean': '（「{name}」の誤りではありませんか？）',
    'checker.the-file': 'ファイル',
    'checker.in-account': '{problem}（主張 {account} の場合）',
    'checker.file.too-large':
      'ファイルの大きさが {bytes, number} バイト{atLeast, select, true {を超えています} other {あります}}。上限は {limit, number} バイトです。シナリオを小さく分割する（ユニットを減らす、または時間幅を短くする）か、長い注記や使わない記述を削除してください。',
    'checker.file.not-utf8':
      'ファイルが UTF-8 のテキストではありません（一部の Windows のエディタが保存する UTF-16 のようです）。UTF-8 で保存し直してください（VS Code では「エンコード付きで保存」→ UTF-8）',
    'checker.file.too-deep':
      'ここで入れ子が {limit} 段を超えています。シナリオや手順のファイルに必要な入れ子は数段だけです。閉じていない括弧や、どんどん深くなるインデントがないか確認してください。',
    'checker.yaml.unreadable': 'YAML として読み取れませんでした（構文解析器の報告: 「{detail}」）',
    'checker.yaml.syntax': 'YAML の書き方に誤りがあります（構文解析器の報告: 「{detail}」）',
    'checker.yaml.duplicate-key': '同じキーが二度書かれています（構文解析器の報告: 「{detail}」）。どちらか一方を削除してください',
    'checker.yaml.bad-indent': 'インデントが合っていません（構文解析器の報告: 「{detail}」）。子の項目は親より空白 2 つ分深くインデントします',
    'checker.yaml.missing-char':
      '必要な記号が欠けています（構文解析器の報告: 「{detail}」）。インデントを確認してください。子の項目は親より空白 2 つ分深くインデントします',
    'checker.yaml.tab-indent': 'インデントにタブが使われています（構文解析器の報告: 「{detail}」）。インデントにはタブではなく空白を使ってください',
    'checker.yaml.block-as-key': 'ブロックがキーの位置に置かれています（構文解析器の報告: 「{detail}」）。コロンの後の値とインデントを確認してください',
    'checker.yaml.multiline-key': 'キーが複数行にまたがっています（構文解析器の報告: 「{detail}」）。キーは 1 行に書き、コロンとインデントを確認してください',
    'checker.yaml.unexpected-token': 'ここに予期しない記号があります（構文解析器の報告: 「{detail}」）。角括弧や波括弧を含む値は引用符で囲んでください',
    'checker.yaml.bad-scalar-start': '値をこの文字で始めることはできません（構文解析器の報告: 「{detail}」）。値を引用符で囲んでください',
    'checker.yaml.bad-alias': '別名（エイリアス）の参照先がありません（構文解析器の報告: 「{detail}」）',
    'checker.yaml.tab': 'この行はタブで字下げされています。YAML の字下げは空白だけです: タブの代わりに空白を使ってください',
    'checker.yaml.indent':
      'この行の字下げは空白 {found} 個で、上のどの行とも揃っていません: {line} 行目と同じく空白 {expected} 個で字下げしてください（一つのリストやマッピングの項目は同じ桁から始まります）',
    'checker.yaml.unquoted-bracket':
      '{key} の値に角括弧があり、一行で書いたマッピングの中では角括弧はリストの始まりと終わりになります: 引用符で囲んでください: {fix}',
    'checker.schema.unknown-action': '不明な動作「{action}」です{hint}。動作は {actions} です',
    'checker.yaml.unclosed':
      'この「{bracket}」は閉じられていません: リストやマッピングの終わりに「{close}」を加えるか、括弧が文の一部なら値を引用符で囲んでください',
    'checker.yaml.multiple-docs':
      'ここで 2 つ目の YAML 文書が始まっています（「---」の行）。シナリオや手順は 1 つの文書です。「---」とそれ以降を削除するか、別のファイルに移してください',
    'checker.schema.unknown-field': '不明な項目「{field}」です{hint}。削除するか、綴りを確認してください',
    'checker.schema.required': '{path} は必須です（{expected} が必要です）',
    'checker.schema.wrong-type': '{path}: {expected} が必要ですが、{received}が書かれています',
    'checker.schema.one-of': '{path}: 次のいずれかでなければなりません: {options}{hint}',
    'checker.schema.too-few-items': '{path} には少なくとも {minimum} 個の項目が必要です',
    'checker.schema.empty-text': '{path} を空にすることはできません',
    'checker.schema.too-small': '{path} は {minimum} {inclusive, select, true {以上} other {より大きい値}}でなければなりません{got}',
    'checker.schema.too-big': '{path} は {maximum} {inclusive, select, true {以下} other {未満}}でなければなりません{got}',
    'checker.schema.got': '（書かれている値: {value}）',
    'checker.schema.no-matching-discriminator': '{path}: 種類を決める項目（do: など）の値がどの種類にも当てはまりません',
    'checker.schema.invalid': '{path}: 値が正しくありません',
    'checker.schema.invalid-key': '{path}: {origin} のキーが正しくありません',
    'checker.schema.invalid-element': '{path}: {origin} の値が正しくありません',
    'checker.schema.pattern': '{path}: 文字列の形式が正しくありません（パターン {pattern} に合う必要があります）',
    'checker.schema.other': '{path}: 値が正しくありません（検証器の報告: 「{detail}」）',
    'checker.value.null': 'null',
    'checker.value.list': 'リスト',
    'checker.value.mapping': 'マッピング',
    'checker.value.text': '文字列「{text}」',
    'checker.value.number': '{value}',
    'checker.value.other': '{type} {value}',
    'checker.limit.units':
      'シナリオのユニットが {units, number} 個あります。上限は {limit, number} 個です。シナリオを（海域ごと、または段階ごとに）分割するか、やり取りに加わらないユニットを省いてください。',
    'checker.limit.name-length': 'この名前は {chars, number} 文字あります。上限は {limit, number} 文字です。短い名前にして、残りは注記（note）に書いてください',
    'checker.limit.text-length': 'この文は {chars, number} 文字あります。上限は {limit, number} 文字です。短くするか、全文を載せた出典を引用してください',
    'checker.limit.samples':
      '{durationS} 秒にわたり {units, number} 個のユニットを {stepS} 秒刻みで計算すると、センサーの標本が {huge, select, true {10¹⁵ 超} other {{samples, number}}} 個必要になります。上限は {limit, number} 個です。environment.stepS を {minStep} 秒以上にするか、durationS を短くしてください',
    'checker.none': 'なし',
    'checker.scenario.not-a-mapping': 'シナリオのファイルは id、title、units などを持つマッピングです（docs/authoring.md を参照）',
    'checker.procedure.not-loaded': '手順「{procedure}」を読み込めませんでした',
    'checker.account.unknown': 'このシナリオに主張「{account}」はありません。主張は {accounts} です',
    'checker.account.none': '主張「{account}」が指定されましたが、このシナリオには主張がありません',
    'checker.account.unknown-default': '主張「{account}」はありません{hint}。主張は {accounts} です',
    'checker.fact.no-value': '争点「{fact}」に主張「{account}」の値がありません。values の下に「{account}: …」を追加してください',
    'checker.fact.unknown': '「${fact}」という争点はありません。争点は {facts} です',
    'checker.fact.unknown-none': '「${fact}」という争点はありません。facts: の下で宣言してください',
    'checker.fact.unknown-account': '争点「{fact}」に「{account}」の値がありますが、それは主張ではありません{hint}。主張は {accounts} です',
    'checker.track.circular': '「{unit}」の航跡は、航跡が「{unit}」を基準とするユニットを基準にしています。どちらか一方に絶対位置を与えてください',
    'checker.unit.duplicate-id': 'ユニット id「{unit}」が二度使われています（units[{index}] にもあります）。id は一意でなければなりません',
    'checker.link.unknown-member': 'リンク「{link}」が挙げるユニット「{unit}」は存在しません{hint}。ユニットは {units} です',
    'checker.unit.no-track': '{kind}「{unit}」に航跡がありません。{aircraft, select, true {altM 付きの} other {}}経由点を与えてください',
    'checker.unit.no-place': '{kind}「{unit}」には航跡も位置もありません',
    'checker.hq.unknown': '司令部「{hq}」は存在しません{hint}。ユニットは {units} です',
    'checker.hq.not-hq': '「{hq}」は {kind} であり、司令部ではありません',
    'checker.hq.unreachable': '「{unit}」は司令部「{hq}」と共有するリンクも無線チャンネルも持たないため、報告が届きません',
    'checker.counterpart.not-hq-self': 'counterpart（相手方）を持てるのは司令部だけです',
    'checker.counterpart.unknown': '相手方「{counterpart}」は存在しません{hint}',
    'checker.counterpart.not-hq': '相手方「{counterpart}」は {kind} であり、司令部ではありません',
    'checker.link.undeclared': 'リンク「{link}」は links: の下で宣言されていません{hint}。宣言済みのリンクは {links} です',
    'checker.link.not-member': '「{unit}」はリンク「{link}」を挙げていますが、そのメンバーではありません',
    'checker.radio.duplicate-id': '無線機 id「{radio}」が「{unit}」で二度使われています',
    'checker.radio.signal-as-channel': '「{channel}」は信号であり、無線チャンネルではありません。ユニットの signals: の下に挙げてください',
    'checker.radio.tuned-off-list': '無線機「{radio}」は {channel} に同調していますが、それは自分のチャンネル（{channels}）にありません',
    'checker.radio.wrong-modulation':
      '無線機「{radio}」は {modulation} を復調しますが、{channel} MHz は {channelModulation} です。そこでの通信は受信できません',
    'checker.emitter.unknown-master': '「{emitter}」は「{unit}」の電波発射源ではありません{hint}',
    'checker.track.unknown-from': '経由点の基準「{unit}」は存在しません{hint}',
    'checker.track.self-from': '経由点の基準を自分自身のユニットにすることはできません',
    'checker.track.after-end': '{t} 秒の経由点は終了（{durationS} 秒）より後です',
    'checker.track.too-low': '航空機の高度が {altM} m です。30 m 未満は哨戒高度ではありません。ユニットを確認してください',
    'checker.script.unknown-unit': 'ユニット「{unit}」は存在しません{hint}。ユニットは {units} です',
    'checker.script.no-when': '行動に時刻（at:）かきっかけ（on:）を与えてください',
    'checker.script.both-when': 'at: と on: はどちらか一方だけを書いてください',
    'checker.script.after-end': '{t} 秒の行動はシナリオの終了（{durationS} 秒）より後なので、実行されません',
    'checker.trigger.unknown-unit': 'きっかけが挙げるユニット「{unit}」は存在しません{hint}',
    'checker.trigger.range-below-needs': 'range-below のきっかけには other: と rangeM: が必要です',
    'checker.script.unknown-emitter': '「{unit}」に電波発射源「{emitter}」はありません{hint}。発射源は {emitters} です',
    'checker.script.unknown-target': '目標「{target}」は存在しません{hint}',
    'checker.script.unknown-target-of': '目標「{target}」は存在しません{hint}。ユニットは {units} です',
    'checker.script.mode-needs-target': 'モード「{mode}」には target: が必要です',
    'checker.script.unknown-addressee': '宛先「{addressee}」は存在しません{hint}。ユニットは {units} です',
    'checker.script.no-signal-gear': '「{unit}」には {signal} がありません（信号手段: {signals}）。信号は出されません',
    'checker.script.no-radio-for-channel': '「{unit}」には {channel} MHz を使える無線機がないため、通信は送信されません',
    'checker.script.move-needs-time': '移動には時刻（at:）が必要です。航跡はシナリオの読み込み時につなげられます',
    'checker.script.unknown-radio': '「{unit}」に無線機「{radio}」はありません{hint}。無線機は {radios} です',
    'checker.script.act-at-self': '行為を自分自身のユニットに向けることはできません。「{act}」が向けられるユニットを指定してください',
    'checker.script.report-no-hq': '「{unit}」には司令部がありません。報告するには、ユニットに headquarters: を設定してください',
    'checker.channel.unknown': '不明なチャンネル「{channel}」です{hint}。既知のチャンネルは {channels}、信号は {signals} です{declared}',
    'checker.channel.by-frequency': '（{frequency} MHz は宣言済みのチャンネル「{channel}」です。id で指定してください）',
    'checker.channel.declared': '。channels: で宣言済み: {channels}',
    'checker.channel.declare-others': '。ほかのチャンネルは channels: の下で宣言してください',
    'checker.channel.duplicate-id': 'チャンネル id「{channel}」が二度宣言されています',
    'checker.channel.built-in-id': '「{channel}」は組み込みのチャンネルです。宣言するチャンネルには別の id を付けてください',
    'checker.channel.link-id': '「{channel}」はリンクの id でもあります。チャンネルに別の id を付けてください',
    'checker.channel.ground-wave-unused':
      'チャンネル「{channel}」は見通し内で伝搬するため、groundWaveKm は効果がありません。propagation: ground-wave を設定するか、削除してください',
    'checker.area.duplicate-id': '区域 id「{area}」が二度使われています。id は一意でなければなりません',
    'checker.area.one-shape': "区域「{area}」には形をちょうど 1 つ与えてください: circle: '{ lat, lon, radiusM }' または polygon: ['{ lat, lon }', …]",
    'checker.area.unknown-declarer': '区域「{area}」を宣言した「{unit}」はユニットではありません{hint}',
    'checker.area.ends-before-start': '区域「{area}」は始まる（{from} 秒）前に終わっています（{until} 秒）',
    'checker.area.after-end': '区域「{area}」が有効になるのは {from} 秒で、シナリオの終了（{durationS} 秒）より後です',
    'checker.area.none-declared': 'なし（areas: の下で宣言してください）',
    'checker.area.unknown': '区域「{area}」はありません{hint}。区域は {areas} です',
    'checker.area.trigger-needs-area': '{event} のきっかけには area: が必要です（{areas} のいずれか）',
    'checker.area.ignored': 'area: を読むのは enters-area と leaves-area のきっかけだけで、{event} は読みません',
    'checker.flight.self-place':
      "航空機は自分自身{what, select, takeoff {から離陸} other {に着陸}}できません。艦艇名を指定するか、'{ lat, lon }' を与えてください",
    'checker.flight.unknown-place': '{what, select, takeoff {離陸地点} other {着陸地点}}のユニット「{unit}」は存在しません{hint}。ユニットは {units} です',
    'checker.flight.not-aircraft': '離着陸するのは航空機だけです。「{unit}」は {kind} です',
    'checker.flight.takeoff-after-end': '{t} 秒の離陸は終了（{durationS} 秒）より後です。「{unit}」は一度も現れません',
    'checker.flight.lands-before-takeoff': '{landing} 秒の着陸が {takeoff} 秒の離陸より後になっていません。航空機は離陸の後に着陸します',
    'checker.binding.unknown-unit': 'このシナリオにユニット「{unit}」はありません',
    'checker.binding.already-in-force': '「{procedure}」はすでに適用中の手順（またはその基となる手順）です。すでにすべてのユニットを拘束しています',
    'checker.procedure.not-found': '手順「{procedure}」が見つかりません{hint}。同梱の手順は {shipped} です。または .yaml ファイルへのパスを指定してください',
    'checker.procedure.extends-own-id':
      'この手順の id「{procedure}」は、基とする手順（extends）の id と同じです。独自の id を付けてください（例:「{procedure}-local」）',
    'checker.procedure.extends-cycle': '手順「{procedure}」が {chain} を経て自分自身を基にしています',
    'checker.procedure.bad-base': '「{base}」を「{procedure}」の基として使えません',
    'checker.procedure.remove-unknown': 'remove: 引き継いだ規則に「{rule}」はありません',
    'checker.procedure.practice-unknown-rule': 'practice が挙げる規則「{rule}」はこの手順にありません。規則は {rules} です',
    'checker.procedure.step-unknown-parameter': '段階「{rule}」が挙げるパラメータ「{parameter}」は parameters: の下で宣言されていません',
    'checker.procedure.step-key-unknown-parameter': '段階「{rule}」: {key} が挙げるパラメータ「{parameter}」は parameters: の下で宣言されていません',
    'checker.procedure.step-repeat-not-count': '段階「{rule}」: repeat が挙げるパラメータ「{parameter}」は 1 から {max} までの整数ではありません',
    'checker.procedure.step-interval-not-positive': '段階「{rule}」: intervalS が挙げるパラメータ「{parameter}」は正の数ではありません',
    'checker.procedure.channel-priority-not-list': 'channelPriority.value はチャンネルのリストでなければなりません（例: ["121.5", "156.8", "243.0"]）',
    'checker.coverage.duplicate': '対応項目「{item}」が二度挙げられています（coverage[{index}] にもあります）',
    'checker.coverage.empty': '対応項目「{item}」には規則も outOfScope もありません。どの規則がこれを表すか、またはなぜどの規則も表さないかを書いてください',
    'checker.coverage.unknown-rule': '対応項目「{item}」が挙げる規則「{rule}」はこの手順にありません。規則は {rules} です',
    'checker.quoted': '「{id}」',
    'checker.call-range.nearest': '「{unit}」の無線到達範囲内に局がありません。最も近い「{nearest}」',
    'checker.call-range.beyond-horizon':
      't = {t} 秒にこの {action} を行うとき、{whom}は {distanceKm} km 離れており、電波水平線 {horizonKm} km の外にいるため、誰もこの通信を受信できません（到達圏内の段階で失敗します）。通信を遅らせる（at:）、ユニットを近づける、アンテナを高くする（platform.antennaHeightM、航空機は altM）、または両者をリンクに載せてください',
    'checker.callsigns.missing':
      '{unit} には callSigns がありません。無線では「{said}」と呼ばれ、自らもそう名乗り、「{name}」とは決して呼ばれません。呼び方を示すには callSigns: [...] を追加してください',
    'checker.conduct.not-forbidden': '{procedure} のどの規則も「{act}」を禁じていません。経過記録には行為が残りますが、何も評価しません',
    'checker.conduct.same-nation':
      '「{target}」は「{unit}」と同じ国のユニットです。規則が評価するのは遭遇した他国のユニットに向けた行為なので、この行為は評価されません',
    'checker.description.for-unit': '。「{unit}」については: {why}',
    'checker.description.fits-no-one':
      't = {t} 秒にこの通信を行うとき、その記述に当てはまる局がありません{why}。誰も自分宛ての通信と受け取りません。near、courseDeg、kind を航跡と照らし合わせてください',
    'checker.flight-call.caller-absent': '{when}。無線機が切れているため、この通信は送信されません',
    'checker.flight-call.addressee-absent': '{when}。無線機が切れているため、この通信は受信可能の段階で止まります',
    'checker.flight-call.before-takeoff': 't = {t} 秒の時点で「{unit}」はまだ離陸していません（離陸は {takeoff} 秒）',
    'checker.flight-call.after-landing': 't = {t} 秒の時点で「{unit}」は着陸済みです（{landing} 秒に着陸）',
    'checker.phrases.unknown-vocabulary':
      '語彙「{vocabulary}」は成句集に成句がなく、よく知られた語彙（{known}）でもありません{hint}。乗員は意図した語彙の成句をすべて聞き逃します',
    'checker.relay.no-link':
      '「{hq}」には「{unit}」へのリンクがありません。「{counterpart}」が {reporters} からの報告（{contact}）を伝えても、「{hq}」はそれを中継できず（{relay}）、実行記録には中継できなかったことが残ります。両者をリンクに載せてください（links: に members [{hq}, {unit}]）{setHq, select, true {。また「{unit}」に headquarters: {hq} を設定してください} other {}}',
    'checker.area.unit-never-enters':
      '「{unit}」は区域「{area}」が有効な間に一度もその区域に入らないため、この行動は実行されません。航跡と区域の有効期間を確認してください',
    'checker.area.unit-never-leaves':
      '「{unit}」は区域「{area}」が有効な間に一度もその区域から出ないため、この行動は実行されません。航跡と区域の有効期間を確認してください',
    'checker.area.none-enters': '区域「{area}」が有効な間にその区域に入るユニットはないため、この行動は実行されません。航跡と区域の有効期間を確認してください',
    'checker.area.none-leaves':
      '区域「{area}」が有効な間にその区域から出るユニットはないため、この行動は実行されません。航跡と区域の有効期間を確認してください',
    'checker.join.semicolon': '{first}；{rest}',
    'checker.join.or': '{first} または {rest}',
    'checker.paren-quoted': '（「{id}」）',
    'checker.lint.crashed': 'このシナリオの追加検査が途中で止まりました（{detail}）。実行には影響しません。この問題を報告してください',
    'checker.hq.radio-only':
      '「{unit}」は司令部「{hq}」と無線チャンネル {channels} を共有していますが、リンクがありません。司令部への報告と司令部からの中継はリンクでしか届かないため、どれも届きません。links: の下に members [{unit}, {hq}] のリンク（kind は satellite、fleet-net、hotline または landline）を追加し、ユニットの links: に挙げてください',
    'checker.call.caller-not-in-link':
      '「{unit}」はリンク「{link}」のメンバーではないため、この通信は送られません。「{unit}」をリンクのメンバーに加えるか、持っているチャンネルで呼びかけてください',
    'checker.call.addressee-not-in-link':
      '{all, select, true {ほかのどのユニットも} other {「{addressee}」は}}リンク「{link}」のメンバーではないため、誰もこの通信を受信できません。宛先をリンクのメンバーに加えるか、宛先が持つチャンネルで呼びかけてください',
    'checker.call.no-receiver': '{problem}。{fix}',
    'checker.call.none-can-receive-all': 'ほかのどのユニットも {channel} MHz 用の {modulation} 無線機を持たないため、この全局あての通信は誰も受信できません',
    'checker.call.wrong-modulation-set':
      '「{unit}」は無線機「{radio}」を {channel} MHz に合わせられますが、その無線機は {modulation} で {channel} MHz は {channelModulation} です。この通信は受信できません',
    'checker.call.radio-set': '{radio}: {channels}',
    'checker.call.no-radios': '無線機なし',
    'checker.call.no-set-for': '「{unit}」は {channel} MHz 用の無線機を持たないため（{sets}）、この通信を受信できません',
    'checker.call.fix-all': 'ほかのユニットが持つチャンネルで呼びかけるか、{channel} 用の {modulation} 無線機を与えてください',
    'checker.call.both-have': '（両者とも {channels} を持っています）',
    'checker.call.fix-one': '「{unit}」が受信できるチャンネルで呼びかけるか{alt}、「{unit}」に {channel} を含む {modulation} 無線機を与えてください',
    'checker.call.no-set-on-plan':
      '「{unit}」は手順 {procedure} が呼びかけに使うどのチャンネル（{order}）の無線機も持たないため、この {action} は行われません。行動に「{unit}」が持つ channel: を与えるか、「{unit}」にそれらのチャンネルの無線機を与えてください',
    'checker.call.plan-unreceivable':
      'この {action} には channel: がないため、「{unit}」は {plan}（手順 {procedure} の呼出順）で{action, select, hail {呼びかけます} other {応答します}}が、{all, select, true {ほかのどのユニットも} other {「{addressee}」は}}{count, plural, other {それらを}}受信できません（そのチャンネルと変調方式の無線機がありません）。{all, select, true {ほかのユニット} other {「{addressee}」}}が持つチャンネルを channel: に書くか、{all, select, true {それらのユニット} other {「{addressee}」}}に {first} 用の無線機を与えてください',
    'checker.parameter.unknown':
      '「{name}」は手順 {procedure} のパラメータではないため（パラメータは {known}）、この値は効果がありません。綴りを確認してください',
    'checker.parameter.bad-norm':
      "この基準は分析に使えません（検証器の報告: 「{detail}」）。基準の形は '{ id, nation, from: YYYY-MM-DD, until?, minGroundM?, minAltitudeM?, breachWhen?: both | either, label, sources?, services? }' です",
    'checker.trigger.range-below-not-aircraft':
      'range-below は航空機から他国の艦船までの距離で測るため、{kind} である「{unit}」には起こりません。航空機を unit: に、艦船を other: に書いてください',
    'checker.trigger.range-below-not-ship':
      'range-below は航空機から他国の艦船までの距離で測りますが、「{unit}」は {kind} です。艦船を other: に書いてください',
    'checker.trigger.range-below-same-nation':
      'range-below は異なる国のユニットの間でしか測りませんが、「{unit}」と「{other}」はどちらも {nation} です。この行動は実行されません',
    'checker.trigger.any-foreign-ship': '他国の艦船',
    'checker.trigger.aircraft-named': '（航空機「{unit}」）',
    'checker.trigger.range-never-closes':
      '実行中にどの航空機{aircraft}も{other}の {rangeM} m 以内に入らないため、この行動は実行されません。航跡を確認するか、rangeM を大きくしてください',
    'checker.trigger.fcd-no-esm':
      "fire-control-detected（火器管制レーダー探知）は ESM を持つユニットに起こりますが、{named, select, true {「{unit}」は ESM を持っていない} other {ESM を持つユニットがない}}ため、この行動は実行されません。{named, select, true {「{unit}」} other {探知すべきユニット}}に emitters: ['{ id: esm, type: esm }'] を追加してください",
    'checker.trigger.fcd-no-radar':
      'fire-control-detected（火器管制レーダー探知）には他国のユニット{other}が {targets} にレーダーを照射し続けること（do: emit, mode: track, target: …）が必要ですが、そうするスクリプトの行動がないため、この行動は実行されません',
    'checker.trigger.radar-no-esm':
      "radar-detected（レーダー探知）は ESM を持つユニットに起こりますが、{named, select, true {ユニット「{unit}」は ESM を持っていない} other {ESM を持つユニットがない}}ため、この行動は実行されません。emitters: ['{ id: esm, type: esm }'] を追加してください",
    'checker.trigger.radar-none-in-horizon':
      'radar-detected（レーダー探知）には {targets} のレーダー水平線内に他国の捜索レーダー{other}が必要ですが、実行中にそれがないため、この行動は実行されません',
    'checker.never-fires': '規則 {rule}（{type}）はこのシナリオでは決して発動しません: {reasons}。{remedy}',
    'checker.never-fires.remedy-own': '必要なものを加えるか、このシナリオに不要なら {file} から規則を削除してください',
    'checker.never-fires.remedy-inherited':
      'シナリオでこの規則を試すなら必要なものを加えてください。そうでなければこの警告は無視してかまいません。または {origin} を基に remove: [{rule}] とする手順を使ってください',
    'checker.guard.watch-off':
      '{rule} は {unit} に {channel} の聴守を求めていますが、シナリオでは{powered, select, true {無線機「{radio}」を誰も聴いていません（monitored: false）} other {無線機「{radio}」の電源が切れています（powered: false）}}{others, select, true {。{channel} 用のほかの無線機も切れているか聴かれていません} other {}}。実行ではシナリオどおりの状態のまま、{unit} が聴守を守らなかったと記録します（評価表では {rule} の違反となります）。無線機が入っていて聴かれていたなら、そう書いてください（{powered, select, true {monitored: true} other {powered: true}}）',
    'checker.crew.norm-from': '{from} からの {norm}',
    'checker.crew.later-norms': '（{norms} はその後のものです）',
    'checker.crew.no-norm':
      "{unit} の乗員は {date} に有効な {nation} の安全距離基準で通過を判断しますが、その時点で {nation} には数値のある基準がありませんでした{later}。このユニットには unsafe-approach は発動しません。乗員に独自の閾値（judgesThreatening: '{ withinM: …, belowM: … }'）を与えて assumptions: に記すか、false にしてください",
    'checker.scope.outside-every-rule':
      '{unit}（{service}）は {procedure} のどの規則の対象にも入りません（適用範囲: {scope}）。その行動にも、それに対する行動にも判定は出ません',
    'checker.account.it-states': '（定める基準は {norms}）',
    'checker.account.unknown-norm': '主張 {account} が挙げる基準「{norm}」は {procedure} の safeDistanceNorms にありません{states}。何も判定しません',
    'checker.why.any-service': 'すべての軍種・機関',
    'checker.why.no-applicable':
      'この規則は {services} の {kinds}（appliesTo）にだけ適用されますが、このシナリオには規則が拘束するそのようなユニットがありません（軍艦でない船舶を拘束する手順はありません）',
    'checker.why.guard-none': '適用されるユニットがありません',
    'checker.why.never-called':
      '適用されるユニット（{units}）への{safety, select, true {安全呼出} other {呼びかけ}}が一度も行われません。そのいずれかへの do: hail をスクリプトに書く{safety, select, true {（safety: true）} other {}}か、相手側に発動しうる呼びかけの規則を与えてください',
    'checker.why.relay-no-hq': '中継するのは司令部だけですが、ここではどの司令部にも適用されません',
    'checker.why.relay-no-counterpart':
      '{hqs} を counterpart: とする司令部がありません（相手側の司令部に counterpart: を設定し、両者の間にリンクを張ってください）',
    'checker.why.relay-never-contacted': '{askers} は {hqs} に一度も連絡しません。発動しうる hq-contact の規則と相手方へのリンクが必要です',
    'checker.why.report-no-hq': '適用されるユニットのどれも司令部（ユニットの headquarters 欄）を指定していませんが、報告は司令部へ送られます',
    'checker.why.report-no-link': '{units} には{count, plural, other {}}司令部へのリンクがありませんが、報告はリンクでしか届きません',
    'checker.why.contact-no-hq': '相手側の司令部に連絡するのは司令部だけですが、ここではどの司令部にも適用されません',
    'checker.why.contact-no-counterpart':
      '{hqs} にはリンクでつながった counterpart:（相手方）がありません{count, plural, other {}}（counterpart: に相手側の司令部を設定し、両者をメンバーとするリンクを追加してください）',
    'checker.why.fcd-no-esm':
      "fire-control-detected（火器管制レーダー探知）には探知するユニットに ESM が必要ですが、{units} のどれも持っていません（emitters: ['{ id: esm, type: esm }'] を追加してください）",
    'checker.why.fcd-no-radar':
      'fire-control-detected（火器管制レーダー探知）には他国のユニットが {units} にレーダーを照射し続けることが必要ですが、そうするスクリプトの行動がありません（do: emit, emitter: <レーダー>, mode: track, target: {first}）',
    'checker.why.unsafe-no-ship': 'unsafe-approach（危険な接近）は艦艇にだけ起こりますが、{units} のどれも艦艇ではありません',
    'checker.why.unsafe-no-judge':
      "unsafe-approach（危険な接近）には飛行を脅威と判断する艦艇が必要ですが、{units} のどれもそう判断しません（crew: '{ judgesThreatening: true }' または do: judge の行動）",
    'checker.why.unsafe-no-norm':
      "unsafe-approach（危険な接近）には {date} に有効な {nations} の数値のある安全距離基準（手順の safeDistanceNorms パラメータ）か、乗員独自の閾値（crew: '{ judgesThreatening: { withinM, belowM } }'）が必要ですが、どちらもありません",
    'checker.why.nation-norm': '{nation} の基準',
    'checker.why.crew-threshold': '乗員独自の閾値',
    'checker.why.limit': '{unit}（{whose}: {ground} m より近く、かつ {altitude} m より低い）',
    'checker.why.unsafe-never-inside':
      'unsafe-approach（危険な接近）には他国の航空機が {limits} の安全距離基準の内側を通過することが必要ですが、そうする航空機はありません（航空機の航跡と altM を確認してください）',
    'checker.why.approach-no-ship': 'aircraft-approach（航空機の接近）は艦艇にだけ起こりますが、{units} のどれも艦艇ではありません',
    'checker.why.approach-no-aircraft': 'aircraft-approach（航空機の接近）には {units} とは別の国の航空機が必要ですが、ありません',
    'checker.why.approach-never-close':
      "aircraft-approach（航空機の接近）には他国の航空機が {units} の approachRangeM（{rangeM} m）以内に入ることが必要ですが、入る航空機はありません（航跡を確認するか、parameters: '{ approachRangeM: … }' を設定してください）",
    'checker.why.call-unanswered':
      'call-unanswered（応答なし）には {units} が呼びかけること（スクリプトの do: hail か、発動しうる呼びかけの規則）が必要ですが、どれも呼びかけません',
    'checker.why.report-received-no-sub':
      'report-received（報告受領）には {units} に報告するユニットが必要ですが、{count, plural, other {それ}}を司令部とするユニットがありません（ユニットに headquarters: {first} を設定し、両者をリンクに載せてください）',
    'checker.why.report-received-no-link':
      'report-received（報告受領）にはリンクによる報告が必要ですが、{units} には司令部へのリンクがありません{count, plural, other {}}',
    'checker.why.report-received-never':
      'report-received（報告受領）には報告が必要ですが、{units} は一度も報告しません（発動しうる報告の規則がなく{count, plural, other {}}、スクリプトの do: report もありません）',
    'checker.why.relay-received-no-hq':
      'relay-received（中継受領）には {units} へ中継する司令部が必要ですが、どれも司令部（ユニットの headquarters 欄）を指定していません',
    'checker.why.relay-received-never':
      'relay-received（中継受領）には {units} の司令部が相手側の司令部から連絡を受け（counterpart:、両者間のリンク、発動しうる hq-contact の規則）、リンクで中継することが必要です',
    'checker.why.area-no-declarer':
      'area-entered（区域進入）は区域を宣言したユニット（areas: の declaredBy:）にだけ起こりますが、{units} のどれも宣言していません',
    'checker.why.area-never-entered': 'area-entered（区域進入）には、{units} が宣言した区域に、それが有効な間にほかのユニットが入ることが必要です',
    'checker.range.why-script': 'スクリプトで呼びかけることになっている',
    'checker.range.why-rule': '{rule} により他国のユニットに呼びかけることがある',
    'checker.range.miss-weak':
      '{unit}（{why}。最接近は t = {t} 秒の {distanceKm} km で、電波水平線内ですが届くのは {dbm} dBm だけで、受信機に必要な {sensitivity} dBm を下回ります。powerW を確認してください）',
    'checker.range.miss-far': '{unit}（{why}。最接近は t = {t} 秒の {distanceKm} km、電波水平線は {horizonKm} km）',
    'checker.range.never':
      '「{unit}」は交信すべきどの相手の無線到達範囲にも入りません: {misses}。両者間の通信はすべて到達圏内の段階で失敗します。位置（lat/lon）と航跡を確認するか、アンテナを高くしてください（platform.antennaHeightM、航空機は altM）。衛星やネットワークで交信するなら、両者をリンクに載せてください',
    'checker.format.id': '{path}: id は英小文字・数字・ハイフンで書きます（例:「ddg971」）',
    'checker.format.time': '{path}: 時刻は秒数（364）か「6:04」の形（分と 60 未満の秒）で書いてください',
    'checker.format.source-id': '{path}: 出典 id は「S15」の形です（docs/sources.md を参照）',
    'checker.format.date': '{path}: 日付は YYYY-MM-DD の形で書きます',
    'checker.format.frequency-once': '{path}: 周波数は freqMHz か freqKHz のどちらか一方で一度だけ書いてください',
    'checker.format.start': '{path}: start はタイムゾーン付きの ISO 形式の時刻です（例: 2018-12-20T14:54:00+09:00）',
    'checker.format.parameter-name': '{path}: パラメータ名は英字と数字で書きます（例: approachRangeM）',
    'checker.format.parameter-name-interval': '{path}: パラメータ名を書いてください（例: warnIntervalS）',
    'checker.format.parameter-name-range': '{path}: パラメータ名を書いてください（例: warnRangeM）',
    'checker.format.rule-id': '{path}: 規則の id は英小文字の語をハイフンでつないで書きます',
    'checker.source.did-you-mean': '{ids} の誤りではありませんか？',
    'checker.source.unknown':
      '不明な出典 id「{id}」です。{guess}{suggested, select, true {出典} other {出典}} id の一覧は {doc} にあります。新しい出典を引用するには、{file} に追加して npm run sources を実行してください',
  },
  ko: {
    'checker.empty': '',
    'checker.as-written': '{text}',
    'checker.did-you-mean': ' ("{name}"의 오기가 아닌가요?)',
    'checker.the-file': '파일',
    'checker.in-account': '{problem} (주장 {account}의 경우)',
    'checker.file.too-large':
      '파일 크기가 {bytes, number}바이트{atLeast, select, true {를 넘습니다} other {입니다}}. 상한은 {limit, number}바이트입니다. 시나리오를 더 작게 나누거나(유닛 수를 줄이거나 시간 범위를 짧게), 긴 주석과 쓰지 않는 내용을 삭제하십시오.',
    'checker.file.not-utf8':
      '파일이 UTF-8 텍스트가 아닙니다(일부 Windows 편집기가 저장하는 UTF-16으로 보입니다). UTF-8로 다시 저장하십시오(VS Code: "인코딩하여 저장" → UTF-8)',
    'checker.file.too-deep':
      '여기서 중첩이 {limit}단계를 넘습니다. 시나리오와 절차 파일에는 몇 단계의 중첩만 필요합니다. 닫히지 않은 괄호나 계속 깊어지는 들여쓰기가 없는지 확인하십시오.',
    'checker.yaml.unreadable': 'YAML로 읽을 수 없습니다(구문 분석기 보고: "{detail}")',
    'checker.yaml.syntax': 'YAML 작성에 오류가 있습니다(구문 분석기 보고: "{detail}")',
    'checker.yaml.duplicate-key': '같은 키가 두 번 쓰였습니다(구문 분석기 보고: "{detail}"). 둘 중 하나를 삭제하십시오',
    'checker.yaml.bad-indent': '들여쓰기가 맞지 않습니다(구문 분석기 보고: "{detail}"). 하위 항목은 상위 항목보다 공백 두 칸 더 들여 씁니다',
    'checker.yaml.missing-char':
      '필요한 기호가 빠졌습니다(구문 분석기 보고: "{detail}"). 들여쓰기를 확인하십시오. 하위 항목은 상위 항목보다 공백 두 칸 더 들여 씁니다',
    'checker.yaml.tab-indent': '들여쓰기에 탭이 쓰였습니다(구문 분석기 보고: "{detail}"). 들여쓰기에는 탭 대신 공백을 쓰십시오',
    'checker.yaml.block-as-key': '블록이 키 자리에 놓였습니다(구문 분석기 보고: "{detail}"). 콜론 뒤의 값과 들여쓰기를 확인하십시오',
    'checker.yaml.multiline-key': '키가 여러 줄에 걸쳐 있습니다(구문 분석기 보고: "{detail}"). 키는 한 줄에 쓰고 콜론과 들여쓰기를 확인하십시오',
    'checker.yaml.unexpected-token': '여기에 예상하지 못한 기호가 있습니다(구문 분석기 보고: "{detail}"). 대괄호나 중괄호가 든 값은 따옴표로 감싸십시오',
    'checker.yaml.bad-scalar-start': '값을 이 문자로 시작할 수 없습니다(구문 분석기 보고: "{detail}"). 값을 따옴표로 감싸십시오',
    'checker.yaml.bad-alias': '별칭(alias)이 가리키는 대상이 없습니다(구문 분석기 보고: "{detail}")',
    'checker.yaml.tab': '이 줄은 탭으로 들여쓰기되어 있습니다. YAML은 공백으로만 들여씁니다: 탭 대신 공백을 쓰십시오',
    'checker.yaml.indent':
      '이 줄은 공백 {found}칸 들여쓰기되어 위의 어느 줄과도 맞지 않습니다: {line}행처럼 공백 {expected}칸 들여쓰십시오(하나의 목록이나 매핑의 항목은 같은 열에서 시작합니다)',
    'checker.yaml.unquoted-bracket': '{key}의 값에 대괄호가 있는데, 한 줄로 쓴 매핑 안에서 대괄호는 목록의 시작과 끝이 됩니다: 따옴표로 감싸십시오: {fix}',
    'checker.schema.unknown-action': '알 수 없는 동작 "{action}"입니다{hint}. 동작은 {actions}입니다',
    'checker.yaml.unclosed':
      '이 "{bracket}"은(는) 닫히지 않았습니다: 목록이나 매핑이 끝나는 곳에 "{close}"을(를) 넣거나, 괄호가 글의 일부라면 값을 따옴표로 감싸십시오',
    'checker.yaml.multiple-docs':
      '여기서 두 번째 YAML 문서가 시작됩니다("---" 줄). 시나리오나 절차는 하나의 문서입니다. "---"와 그 뒤의 내용을 삭제하거나 별도 파일로 옮기십시오',
    'checker.schema.unknown-field': '알 수 없는 항목 "{field}"입니다{hint}. 삭제하거나 철자를 확인하십시오',
    'checker.schema.required': '{path} 항목은 필수입니다({expected} 필요)',
    'checker.schema.wrong-type': '{path}: {expected}이(가) 필요하지만 {received}이(가) 쓰였습니다',
    'checker.schema.one-of': '{path}: 다음 중 하나여야 합니다: {options}{hint}',
    'checker.schema.too-few-items': '{path} 에는 적어도 {minimum}개의 항목이 필요합니다',
    'checker.schema.empty-text': '{path} 은(는) 비워 둘 수 없습니다',
    'checker.schema.too-small': '{path} 은(는) {minimum} {inclusive, select, true {이상} other {초과}}이어야 합니다{got}',
    'checker.schema.too-big': '{path} 은(는) {maximum} {inclusive, select, true {이하} other {미만}}이어야 합니다{got}',
    'checker.schema.got': ' (쓰인 값: {value})',
    'checker.schema.no-matching-discriminator': '{path}: 종류를 정하는 항목(do: 등)의 값이 어느 종류에도 해당하지 않습니다',
    'checker.schema.invalid': '{path}: 값이 올바르지 않습니다',
    'checker.schema.invalid-key': '{path}: {origin} 의 키가 올바르지 않습니다',
    'checker.schema.invalid-element': '{path}: {origin} 의 값이 올바르지 않습니다',
    'checker.schema.pattern': '{path}: 문자열 형식이 올바르지 않습니다(패턴 {pattern}에 맞아야 합니다)',
    'checker.schema.other': '{path}: 값이 올바르지 않습니다(검증기 보고: "{detail}")',
    'checker.value.null': 'null',
    'checker.value.list': '리스트',
    'checker.value.mapping': '매핑',
    'checker.value.text': '문자열 "{text}"',
    'checker.value.number': '{value}',
    'checker.value.other': '{type} {value}',
    'checker.limit.units':
      '시나리오의 유닛이 {units, number}개입니다. 상한은 {limit, number}개입니다. 시나리오를 (해역별 또는 단계별로) 나누거나, 교신에 참여하지 않는 유닛을 빼십시오.',
    'checker.limit.name-length': '이 이름은 {chars, number}자입니다. 상한은 {limit, number}자입니다. 이름을 짧게 하고 나머지는 주석(note)에 쓰십시오',
    'checker.limit.text-length': '이 글은 {chars, number}자입니다. 상한은 {limit, number}자입니다. 줄이거나, 전문이 실린 출처를 인용하십시오',
    'checker.limit.samples':
      '{durationS}초 동안 유닛 {units, number}개를 {stepS}초 간격으로 계산하면 센서 표본이 {huge, select, true {10¹⁵ 초과} other {{samples, number}}}개 필요합니다. 상한은 {limit, number}개입니다. environment.stepS를 {minStep}초 이상으로 하거나 durationS를 줄이십시오',
    'checker.none': '없음',
    'checker.scenario.not-a-mapping': '시나리오 파일은 id, title, units 등을 가진 매핑입니다(docs/authoring.md 참조)',
    'checker.procedure.not-loaded': '절차 "{procedure}"을(를) 불러올 수 없습니다',
    'checker.account.unknown': '이 시나리오에 주장 "{account}"은(는) 없습니다. 주장은 {accounts}입니다',
    'checker.account.none': '주장 "{account}"이(가) 지정되었지만 이 시나리오에는 주장이 없습니다',
    'checker.account.unknown-default': '주장 "{account}"은(는) 없습니다{hint}. 주장은 {accounts}입니다',
    'checker.fact.no-value': '쟁점 "{fact}"에 주장 "{account}"의 값이 없습니다. values 아래에 "{account}: …"을(를) 추가하십시오',
    'checker.fact.unknown': '"${fact}"이라는 쟁점은 없습니다. 쟁점은 {facts}입니다',
    'checker.fact.unknown-none': '"${fact}"이라는 쟁점은 없습니다. facts: 아래에 선언하십시오',
    'checker.fact.unknown-account': '쟁점 "{fact}"에 "{account}"의 값이 있지만 그것은 주장이 아닙니다{hint}. 주장은 {accounts}입니다',
    'checker.track.circular': '"{unit}"의 항적은 항적이 "{unit}"을(를) 기준으로 하는 유닛을 기준으로 합니다. 둘 중 하나에 절대 위치를 주십시오',
    'checker.unit.duplicate-id': '유닛 id "{unit}"이(가) 두 번 쓰였습니다(units[{index}]에도 있음). id는 고유해야 합니다',
    'checker.link.unknown-member': '링크 "{link}"이(가) 지정한 유닛 "{unit}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.unit.no-track': '{kind} "{unit}"에 항적이 없습니다. {aircraft, select, true {altM이 있는 } other {}}경유점을 주십시오',
    'checker.unit.no-place': '{kind} "{unit}"에는 항적도 위치도 없습니다',
    'checker.hq.unknown': '사령부 "{hq}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.hq.not-hq': '"{hq}"은(는) {kind}이며 사령부가 아닙니다',
    'checker.hq.unreachable': '"{unit}"은(는) 사령부 "{hq}"와(과) 공유하는 링크도 무선 채널도 없어 보고가 전달되지 않습니다',
    'checker.counterpart.not-hq-self': 'counterpart(상대방)는 사령부만 가질 수 있습니다',
    'checker.counterpart.unknown': '상대방 "{counterpart}"은(는) 존재하지 않습니다{hint}',
    'checker.counterpart.not-hq': '상대방 "{counterpart}"은(는) {kind}이며 사령부가 아닙니다',
    'checker.link.undeclared': '링크 "{link}"은(는) links: 아래에 선언되지 않았습니다{hint}. 선언된 링크는 {links}입니다',
    'checker.link.not-member': '"{unit}"은(는) 링크 "{link}"을(를) 나열하지만 그 구성원이 아닙니다',
    'checker.radio.duplicate-id': '무전기 id "{radio}"이(가) "{unit}"에서 두 번 쓰였습니다',
    'checker.radio.signal-as-channel': '"{channel}"은(는) 신호이며 무선 채널이 아닙니다. 유닛의 signals: 아래에 나열하십시오',
    'checker.radio.tuned-off-list': '무전기 "{radio}"은(는) {channel}에 맞춰져 있지만 그것은 자기 채널({channels})에 없습니다',
    'checker.radio.wrong-modulation':
      '무전기 "{radio}"은(는) {modulation}을(를) 복조하지만 {channel} MHz는 {channelModulation}입니다. 그곳의 교신을 수신할 수 없습니다',
    'checker.emitter.unknown-master': '"{emitter}"은(는) "{unit}"의 전파 방사원이 아닙니다{hint}',
    'checker.track.unknown-from': '경유점의 기준 "{unit}"은(는) 존재하지 않습니다{hint}',
    'checker.track.self-from': '경유점의 기준을 자기 유닛으로 할 수 없습니다',
    'checker.track.after-end': '{t}초의 경유점은 종료({durationS}초) 이후입니다',
    'checker.track.too-low': '항공기 고도가 {altM} m입니다. 30 m 미만은 초계 고도가 아닙니다. 유닛을 확인하십시오',
    'checker.script.unknown-unit': '유닛 "{unit}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.script.no-when': '행동에 시각(at:) 또는 계기(on:)를 주십시오',
    'checker.script.both-when': 'at:과 on: 중 하나만 쓰십시오',
    'checker.script.after-end': '{t}초의 행동은 시나리오 종료({durationS}초) 이후이므로 실행되지 않습니다',
    'checker.trigger.unknown-unit': '계기가 지정한 유닛 "{unit}"은(는) 존재하지 않습니다{hint}',
    'checker.trigger.range-below-needs': 'range-below 계기에는 other:와 rangeM:이 필요합니다',
    'checker.script.unknown-emitter': '"{unit}"에 전파 방사원 "{emitter}"은(는) 없습니다{hint}. 방사원은 {emitters}입니다',
    'checker.script.unknown-target': '표적 "{target}"은(는) 존재하지 않습니다{hint}',
    'checker.script.unknown-target-of': '표적 "{target}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.script.mode-needs-target': '모드 "{mode}"에는 target:이 필요합니다',
    'checker.script.unknown-addressee': '수신처 "{addressee}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.script.no-signal-gear': '"{unit}"에는 {signal}이(가) 없습니다(신호 수단: {signals}). 신호는 보내지지 않습니다',
    'checker.script.no-radio-for-channel': '"{unit}"에는 {channel} MHz를 쓸 수 있는 무전기가 없어 교신이 송신되지 않습니다',
    'checker.script.move-needs-time': '이동에는 시각(at:)이 필요합니다. 항적은 시나리오를 불러올 때 이어집니다',
    'checker.script.unknown-radio': '"{unit}"에 무전기 "{radio}"은(는) 없습니다{hint}. 무전기는 {radios}입니다',
    'checker.script.act-at-self': '행위를 자기 유닛에 향하게 할 수 없습니다. "{act}"이(가) 향하는 유닛을 지정하십시오',
    'checker.script.report-no-hq': '"{unit}"에는 사령부가 없습니다. 보고하려면 유닛에 headquarters:를 설정하십시오',
    'checker.channel.unknown': '알 수 없는 채널 "{channel}"입니다{hint}. 알려진 채널은 {channels}, 신호는 {signals}입니다{declared}',
    'checker.channel.by-frequency': ' ({frequency} MHz는 선언된 채널 "{channel}"입니다. id로 지정하십시오)',
    'checker.channel.declared': '. channels:에 선언됨: {channels}',
    'checker.channel.declare-others': '. 다른 채널은 channels: 아래에 선언하십시오',
    'checker.channel.duplicate-id': '채널 id "{channel}"이(가) 두 번 선언되었습니다',
    'checker.channel.built-in-id': '"{channel}"은(는) 내장 채널입니다. 선언하는 채널에는 다른 id를 붙이십시오',
    'checker.channel.link-id': '"{channel}"은(는) 링크의 id이기도 합니다. 채널에 다른 id를 붙이십시오',
    'checker.channel.ground-wave-unused':
      '채널 "{channel}"은(는) 가시선으로 전파되므로 groundWaveKm은 효과가 없습니다. propagation: ground-wave를 설정하거나 삭제하십시오',
    'checker.area.duplicate-id': '구역 id "{area}"이(가) 두 번 쓰였습니다. id는 고유해야 합니다',
    'checker.area.one-shape': "구역 \"{area}\"에는 형태를 정확히 하나 주십시오: circle: '{ lat, lon, radiusM }' 또는 polygon: ['{ lat, lon }', …]",
    'checker.area.unknown-declarer': '구역 "{area}"을(를) 선언한 "{unit}"은(는) 유닛이 아닙니다{hint}',
    'checker.area.ends-before-start': '구역 "{area}"은(는) 시작({from}초) 전에 끝납니다({until}초)',
    'checker.area.after-end': '구역 "{area}"이(가) 유효해지는 것은 {from}초로, 시나리오 종료({durationS}초) 이후입니다',
    'checker.area.none-declared': '없음(areas: 아래에 선언하십시오)',
    'checker.area.unknown': '구역 "{area}"은(는) 없습니다{hint}. 구역은 {areas}입니다',
    'checker.area.trigger-needs-area': '{event} 계기에는 area:가 필요합니다({areas} 중 하나)',
    'checker.area.ignored': 'area:는 enters-area와 leaves-area 계기만 읽으며 {event}는 읽지 않습니다',
    'checker.flight.self-place':
      "항공기는 자기 자신{what, select, takeoff {에서 이륙} other {에 착륙}}할 수 없습니다. 함정을 지정하거나 '{ lat, lon }'을 주십시오",
    'checker.flight.unknown-place': '{what, select, takeoff {이륙 지점} other {착륙 지점}}의 유닛 "{unit}"은(는) 존재하지 않습니다{hint}. 유닛은 {units}입니다',
    'checker.flight.not-aircraft': '이착륙하는 것은 항공기뿐입니다. "{unit}"은(는) {kind}입니다',
    'checker.flight.takeoff-after-end': '{t}초의 이륙은 종료({durationS}초) 이후입니다. "{unit}"은(는) 한 번도 나타나지 않습니다',
    'checker.flight.lands-before-takeoff': '{landing}초의 착륙이 {takeoff}초의 이륙보다 뒤가 아닙니다. 항공기는 이륙한 뒤에 착륙합니다',
    'checker.binding.unknown-unit': '이 시나리오에 유닛 "{unit}"은(는) 없습니다',
    'checker.binding.already-in-force': '"{procedure}"은(는) 이미 적용 중인 절차(또는 그 기반 절차)입니다. 이미 모든 유닛을 구속합니다',
    'checker.procedure.not-found': '절차 "{procedure}"을(를) 찾을 수 없습니다{hint}. 함께 제공되는 절차는 {shipped}입니다. 또는 .yaml 파일 경로를 지정하십시오',
    'checker.procedure.extends-own-id':
      '이 절차의 id "{procedure}"은(는) 확장하는 절차(extends)의 id와 같습니다. 고유한 id를 붙이십시오(예: "{procedure}-local")',
    'checker.procedure.extends-cycle': '절차 "{procedure}"이(가) {chain}을(를) 거쳐 자기 자신을 확장합니다',
    'checker.procedure.bad-base': '"{base}"을(를) "{procedure}"의 기반으로 쓸 수 없습니다',
    'checker.procedure.remove-unknown': 'remove: 물려받은 규칙에 "{rule}"은(는) 없습니다',
    'checker.procedure.practice-unknown-rule': 'practice가 지정한 규칙 "{rule}"은(는) 이 절차에 없습니다. 규칙은 {rules}입니다',
    'checker.procedure.step-unknown-parameter': '단계 "{rule}"이(가) 지정한 매개변수 "{parameter}"은(는) parameters: 아래에 선언되지 않았습니다',
    'checker.procedure.step-key-unknown-parameter': '단계 "{rule}": {key}이(가) 지정한 매개변수 "{parameter}"은(는) parameters: 아래에 선언되지 않았습니다',
    'checker.procedure.step-repeat-not-count': '단계 "{rule}": repeat가 지정한 매개변수 "{parameter}"은(는) 1부터 {max}까지의 정수가 아닙니다',
    'checker.procedure.step-interval-not-positive': '단계 "{rule}": intervalS가 지정한 매개변수 "{parameter}"은(는) 양수가 아닙니다',
    'checker.procedure.channel-priority-not-list': 'channelPriority.value는 채널 목록이어야 합니다(예: ["121.5", "156.8", "243.0"])',
    'checker.coverage.duplicate': '대응 항목 "{item}"이(가) 두 번 나열되었습니다(coverage[{index}]에도 있음)',
    'checker.coverage.empty': '대응 항목 "{item}"에는 규칙도 outOfScope도 없습니다. 어느 규칙이 이를 나타내는지, 또는 왜 어느 규칙도 나타내지 않는지 쓰십시오',
    'checker.coverage.unknown-rule': '대응 항목 "{item}"이(가) 지정한 규칙 "{rule}"은(는) 이 절차에 없습니다. 규칙은 {rules}입니다',
    'checker.quoted': '"{id}"',
    'checker.call-range.nearest': '"{unit}"의 무선 도달 범위 안에 국이 없습니다. 가장 가까운 "{nearest}"',
    'checker.call-range.beyond-horizon':
      't = {t}초에 이 {action}을(를) 할 때 {whom}은(는) {distanceKm} km 떨어져 있어 전파 수평선 {horizonKm} km 밖에 있으므로 누구도 이 교신을 수신할 수 없습니다(도달 범위 내 단계에서 실패합니다). 교신을 늦추거나(at:), 유닛을 가까이 옮기거나, 안테나를 높이거나(platform.antennaHeightM, 항공기는 altM), 양쪽을 링크에 넣으십시오',
    'checker.callsigns.missing':
      '{unit}에는 callSigns가 없습니다. 무선에서는 "{said}"(으)로 불리고 스스로도 그렇게 밝히며, 결코 "{name}"(으)로 불리지 않습니다. 호출 방법을 정하려면 callSigns: [...]를 추가하십시오',
    'checker.conduct.not-forbidden': '{procedure}의 어느 규칙도 "{act}"을(를) 금지하지 않습니다. 경과 기록에는 행위가 남지만 아무것도 평가하지 않습니다',
    'checker.conduct.same-nation':
      '"{target}"은(는) "{unit}"와(과) 같은 나라의 유닛입니다. 규칙은 조우한 타국 유닛을 향한 행위를 평가하므로 이 행위는 평가되지 않습니다',
    'checker.description.for-unit': '. "{unit}"에 대해서는: {why}',
    'checker.description.fits-no-one':
      't = {t}초에 이 교신을 할 때 그 묘사에 맞는 국이 없습니다{why}. 누구도 자기에게 온 교신으로 받아들이지 않습니다. near, courseDeg, kind를 항적과 대조하십시오',
    'checker.flight-call.caller-absent': '{when}. 무전기가 꺼져 있어 이 교신은 송신되지 않습니다',
    'checker.flight-call.addressee-absent': '{when}. 무전기가 꺼져 있어 이 교신은 수신 가능 단계에서 멈춥니다',
    'checker.flight-call.before-takeoff': 't = {t}초 시점에 "{unit}"은(는) 아직 이륙하지 않았습니다(이륙은 {takeoff}초)',
    'checker.flight-call.after-landing': 't = {t}초 시점에 "{unit}"은(는) 착륙했습니다({landing}초에 착륙)',
    'checker.phrases.unknown-vocabulary':
      '어휘 "{vocabulary}"은(는) 관용구집에 관용구가 없고 잘 알려진 어휘({known})도 아닙니다{hint}. 승조원은 의도한 어휘의 관용구를 모두 놓칩니다',
    'checker.relay.no-link':
      '"{hq}"에는 "{unit}"(으)로 가는 링크가 없습니다. "{counterpart}"이(가) {reporters}의 보고({contact})를 전해도 "{hq}"은(는) 이를 중계할 수 없고({relay}), 실행 기록에는 중계하지 못했다고 남습니다. 양쪽을 링크에 넣으십시오(links:에 members [{hq}, {unit}]){setHq, select, true {. 또한 "{unit}"에 headquarters: {hq}를 설정하십시오} other {}}',
    'checker.area.unit-never-enters':
      '"{unit}"은(는) 구역 "{area}"이(가) 유효한 동안 한 번도 그 구역에 들어가지 않으므로 이 행동은 실행되지 않습니다. 항적과 구역의 유효 기간을 확인하십시오',
    'checker.area.unit-never-leaves':
      '"{unit}"은(는) 구역 "{area}"이(가) 유효한 동안 한 번도 그 구역에서 나가지 않으므로 이 행동은 실행되지 않습니다. 항적과 구역의 유효 기간을 확인하십시오',
    'checker.area.none-enters':
      '구역 "{area}"이(가) 유효한 동안 그 구역에 들어가는 유닛이 없으므로 이 행동은 실행되지 않습니다. 항적과 구역의 유효 기간을 확인하십시오',
    'checker.area.none-leaves':
      '구역 "{area}"이(가) 유효한 동안 그 구역에서 나가는 유닛이 없으므로 이 행동은 실행되지 않습니다. 항적과 구역의 유효 기간을 확인하십시오',
    'checker.join.semicolon': '{first}; {rest}',
    'checker.join.or': '{first} 또는 {rest}',
    'checker.paren-quoted': ' ("{id}")',
    'checker.lint.crashed': '이 시나리오의 추가 검사가 도중에 멈췄습니다({detail}). 실행에는 영향이 없습니다. 이 문제를 보고해 주십시오',
    'checker.hq.radio-only':
      '"{unit}"은(는) 사령부 "{hq}"와(과) 무선 채널 {channels}을(를) 공유하지만 링크가 없습니다. 사령부로의 보고와 사령부로부터의 중계는 링크로만 전달되므로 하나도 전달되지 않습니다. links: 아래에 members [{unit}, {hq}]인 링크(kind는 satellite, fleet-net, hotline 또는 landline)를 추가하고 유닛의 links:에 나열하십시오',
    'checker.call.caller-not-in-link':
      '"{unit}"은(는) 링크 "{link}"의 구성원이 아니므로 이 교신은 보내지지 않습니다. "{unit}"을(를) 링크 구성원에 추가하거나, 가진 채널로 호출하십시오',
    'checker.call.addressee-not-in-link':
      '{all, select, true {다른 어떤 유닛도} other {"{addressee}"은(는)}} 링크 "{link}"의 구성원이 아니므로 누구도 이 교신을 수신할 수 없습니다. 수신처를 링크 구성원에 추가하거나, 수신처가 가진 채널로 호출하십시오',
    'checker.call.no-receiver': '{problem}. {fix}',
    'checker.call.none-can-receive-all': '다른 어떤 유닛도 {channel} MHz용 {modulation} 무전기가 없으므로 이 전체 호출은 누구도 수신할 수 없습니다',
    'checker.call.wrong-modulation-set':
      '"{unit}"은(는) 무전기 "{radio}"을(를) {channel} MHz에 맞출 수 있지만 그 무전기는 {modulation}이고 {channel} MHz는 {channelModulation}입니다. 이 교신은 수신할 수 없습니다',
    'checker.call.radio-set': '{radio}: {channels}',
    'checker.call.no-radios': '무전기 없음',
    'checker.call.no-set-for': '"{unit}"은(는) {channel} MHz용 무전기가 없어({sets}) 이 교신을 수신할 수 없습니다',
    'checker.call.fix-all': '다른 유닛이 가진 채널로 호출하거나, {channel}용 {modulation} 무전기를 주십시오',
    'checker.call.both-have': ' (양쪽 모두 {channels}을(를) 가짐)',
    'checker.call.fix-one': '"{unit}"이(가) 수신할 수 있는 채널로 호출하거나{alt}, "{unit}"에 {channel}을(를) 포함한 {modulation} 무전기를 주십시오',
    'checker.call.no-set-on-plan':
      '"{unit}"은(는) 절차 {procedure}이(가) 호출에 쓰는 어느 채널({order})의 무전기도 없으므로 이 {action}은(는) 이루어지지 않습니다. 행동에 "{unit}"이(가) 가진 channel:을 주거나, "{unit}"에 그 채널들 중 하나의 무전기를 주십시오',
    'checker.call.plan-unreceivable':
      '이 {action}에는 channel:이 없으므로 "{unit}"은(는) {plan}(절차 {procedure}의 호출 순서)로 {action, select, hail {호출합니다} other {응답합니다}}만, {all, select, true {다른 어떤 유닛도} other {"{addressee}"은(는)}} {count, plural, other {그것을}} 수신할 수 없습니다(그 채널과 변조 방식의 무전기가 없음). {all, select, true {다른 유닛} other {"{addressee}"}}이(가) 가진 채널을 channel:에 쓰거나, {all, select, true {그 유닛들} other {"{addressee}"}}에 {first}용 무전기를 주십시오',
    'checker.parameter.unknown': '"{name}"은(는) 절차 {procedure}의 매개변수가 아니므로(매개변수는 {known}) 이 값은 효과가 없습니다. 철자를 확인하십시오',
    'checker.parameter.bad-norm':
      '이 기준은 분석에 쓸 수 없습니다(검증기 보고: "{detail}"). 기준의 형태는 \'{ id, nation, from: YYYY-MM-DD, until?, minGroundM?, minAltitudeM?, breachWhen?: both | either, label, sources?, services? }\'입니다',
    'checker.trigger.range-below-not-aircraft':
      'range-below는 항공기에서 타국 함선까지의 거리로 재므로 {kind}인 "{unit}"에는 일어나지 않습니다. 항공기를 unit:에, 함선을 other:에 쓰십시오',
    'checker.trigger.range-below-not-ship': 'range-below는 항공기에서 타국 함선까지의 거리로 재지만 "{unit}"은(는) {kind}입니다. 함선을 other:에 쓰십시오',
    'checker.trigger.range-below-same-nation':
      'range-below는 서로 다른 나라의 유닛 사이에서만 재지만 "{unit}"와(과) "{other}"은(는) 둘 다 {nation}입니다. 이 행동은 실행되지 않습니다',
    'checker.trigger.any-foreign-ship': '타국 함선',
    'checker.trigger.aircraft-named': ' (항공기 "{unit}")',
    'checker.trigger.range-never-closes':
      '실행 중에 어떤 항공기{aircraft}도 {other}의 {rangeM} m 이내로 들어오지 않으므로 이 행동은 실행되지 않습니다. 항적을 확인하거나 rangeM을 늘리십시오',
    'checker.trigger.fcd-no-esm':
      'fire-control-detected(사격통제레이더 탐지)는 ESM이 있는 유닛에 일어나지만 {named, select, true {"{unit}"에는 ESM이 없으므로} other {ESM이 있는 유닛이 없으므로}} 이 행동은 실행되지 않습니다. {named, select, true {"{unit}"} other {탐지해야 할 유닛}}에 emitters: [\'{ id: esm, type: esm }\']를 추가하십시오',
    'checker.trigger.fcd-no-radar':
      'fire-control-detected(사격통제레이더 탐지)에는 타국 유닛{other}이(가) {targets}에 레이더를 계속 조사하는 것(do: emit, mode: track, target: …)이 필요하지만 그런 스크립트 행동이 없으므로 이 행동은 실행되지 않습니다',
    'checker.trigger.radar-no-esm':
      'radar-detected(레이더 탐지)는 ESM이 있는 유닛에 일어나지만 {named, select, true {유닛 "{unit}"에는 ESM이 없으므로} other {ESM이 있는 유닛이 없으므로}} 이 행동은 실행되지 않습니다. emitters: [\'{ id: esm, type: esm }\']를 추가하십시오',
    'checker.trigger.radar-none-in-horizon':
      'radar-detected(레이더 탐지)에는 {targets}의 레이더 수평선 안에 타국의 탐색 레이더{other}가 필요하지만 실행 중에 그런 레이더가 없으므로 이 행동은 실행되지 않습니다',
    'checker.never-fires': '규칙 {rule}({type})은(는) 이 시나리오에서 결코 발동하지 않습니다: {reasons}. {remedy}',
    'checker.never-fires.remedy-own': '필요한 것을 추가하거나, 이 시나리오에 필요 없으면 {file}에서 규칙을 삭제하십시오',
    'checker.never-fires.remedy-inherited':
      '시나리오에서 이 규칙을 연습하려면 필요한 것을 추가하십시오. 그렇지 않으면 이 경고는 무시해도 됩니다. 또는 {origin}을(를) 확장하고 remove: [{rule}]로 하는 절차를 쓰십시오',
    'checker.guard.watch-off':
      '{rule}은(는) {unit}에 {channel} 청수를 요구하지만 시나리오에서는 {powered, select, true {무전기 "{radio}"을(를) 아무도 듣지 않습니다(monitored: false)} other {무전기 "{radio}"의 전원이 꺼져 있습니다(powered: false)}}{others, select, true {. {channel}용 다른 무전기도 꺼져 있거나 듣지 않습니다} other {}}. 실행에서는 시나리오대로의 상태를 유지하고 {unit}이(가) 청수를 지키지 않았다고 기록합니다(평가표에서는 {rule} 위반). 무전기가 켜져 있고 듣고 있었다면 그렇게 쓰십시오({powered, select, true {monitored: true} other {powered: true}})',
    'checker.crew.norm-from': '{from}부터의 {norm}',
    'checker.crew.later-norms': ' ({norms}은(는) 그 이후의 것입니다)',
    'checker.crew.no-norm':
      "{unit}의 승조원은 {date}에 유효한 {nation}의 안전거리 기준으로 통과를 판단하지만 그 시점에 {nation}에는 수치가 있는 기준이 없었습니다{later}. 이 유닛에는 unsafe-approach가 발동하지 않습니다. 승조원에게 고유 임계값(judgesThreatening: '{ withinM: …, belowM: … }')을 주고 assumptions:에 기록하거나, false로 하십시오",
    'checker.scope.outside-every-rule':
      '{unit}({service})은(는) {procedure}의 어느 규칙의 대상에도 들지 않습니다(적용 범위: {scope}). 그 행동에도, 그에 대한 행동에도 판정이 나오지 않습니다',
    'checker.account.it-states': ' (정한 기준은 {norms})',
    'checker.account.unknown-norm':
      '주장 {account}이(가) 지정한 기준 "{norm}"은(는) {procedure}의 safeDistanceNorms에 없습니다{states}. 아무것도 판정하지 않습니다',
    'checker.why.any-service': '모든 군종·기관',
    'checker.why.no-applicable':
      '이 규칙은 {services}의 {kinds}(appliesTo)에만 적용되지만 이 시나리오에는 규칙이 구속하는 그런 유닛이 없습니다(군함이 아닌 선박을 구속하는 절차는 없습니다)',
    'checker.why.guard-none': '적용되는 유닛이 없습니다',
    'checker.why.never-called':
      '적용되는 유닛({units})에 대한 {safety, select, true {안전 호출} other {호출}}이 한 번도 이루어지지 않습니다. 그중 하나에 대한 do: hail을 스크립트에 쓰거나{safety, select, true {(safety: true)} other {}}, 상대측에 발동할 수 있는 호출 규칙을 주십시오',
    'checker.why.relay-no-hq': '중계하는 것은 사령부뿐이지만 여기서는 어느 사령부에도 적용되지 않습니다',
    'checker.why.relay-no-counterpart': '{hqs}을(를) counterpart:로 하는 사령부가 없습니다(상대측 사령부에 counterpart:를 설정하고 둘 사이에 링크를 두십시오)',
    'checker.why.relay-never-contacted': '{askers}은(는) {hqs}에 한 번도 연락하지 않습니다. 발동할 수 있는 hq-contact 규칙과 상대방으로의 링크가 필요합니다',
    'checker.why.report-no-hq': '적용되는 유닛 중 어느 것도 사령부(유닛의 headquarters 항목)를 지정하지 않았지만 보고는 사령부로 갑니다',
    'checker.why.report-no-link': '{units}에는{count, plural, other {}} 사령부로 가는 링크가 없지만 보고는 링크로만 전달됩니다',
    'checker.why.contact-no-hq': '상대측 사령부에 연락하는 것은 사령부뿐이지만 여기서는 어느 사령부에도 적용되지 않습니다',
    'checker.why.contact-no-counterpart':
      '{hqs}에는 링크로 연결된 counterpart:(상대방)가 없습니다{count, plural, other {}}(counterpart:에 상대측 사령부를 설정하고 둘을 구성원으로 하는 링크를 추가하십시오)',
    'checker.why.fcd-no-esm':
      "fire-control-detected(사격통제레이더 탐지)에는 탐지하는 유닛에 ESM이 필요하지만 {units} 중 어느 것도 없습니다(emitters: ['{ id: esm, type: esm }']를 추가하십시오)",
    'checker.why.fcd-no-radar':
      'fire-control-detected(사격통제레이더 탐지)에는 타국 유닛이 {units}에 레이더를 계속 조사하는 것이 필요하지만 그런 스크립트 행동이 없습니다(do: emit, emitter: <레이더>, mode: track, target: {first})',
    'checker.why.unsafe-no-ship': 'unsafe-approach(위험한 접근)는 함정에만 일어나지만 {units} 중 어느 것도 함정이 아닙니다',
    'checker.why.unsafe-no-judge':
      "unsafe-approach(위험한 접근)에는 비행을 위협으로 판단하는 함정이 필요하지만 {units} 중 어느 것도 그렇게 판단하지 않습니다(crew: '{ judgesThreatening: true }' 또는 do: judge 행동)",
    'checker.why.unsafe-no-norm':
      "unsafe-approach(위험한 접근)에는 {date}에 유효한 {nations}의 수치가 있는 안전거리 기준(절차의 safeDistanceNorms 매개변수)이나 승조원 고유 임계값(crew: '{ judgesThreatening: { withinM, belowM } }')이 필요하지만 둘 다 없습니다",
    'checker.why.nation-norm': '{nation}의 기준',
    'checker.why.crew-threshold': '승조원 고유 임계값',
    'checker.why.limit': '{unit}({whose}: {ground} m보다 가깝고 {altitude} m보다 낮음)',
    'checker.why.unsafe-never-inside':
      'unsafe-approach(위험한 접근)에는 타국 항공기가 {limits}의 안전거리 기준 안쪽을 통과하는 것이 필요하지만 그런 항공기가 없습니다(항공기의 항적과 altM을 확인하십시오)',
    'checker.why.approach-no-ship': 'aircraft-approach(항공기 접근)는 함정에만 일어나지만 {units} 중 어느 것도 함정이 아닙니다',
    'checker.why.approach-no-aircraft': 'aircraft-approach(항공기 접근)에는 {units}와(과) 다른 나라의 항공기가 필요하지만 없습니다',
    'checker.why.approach-never-close':
      "aircraft-approach(항공기 접근)에는 타국 항공기가 {units}의 approachRangeM({rangeM} m) 이내로 들어오는 것이 필요하지만 들어오는 항공기가 없습니다(항적을 확인하거나 parameters: '{ approachRangeM: … }'를 설정하십시오)",
    'checker.why.call-unanswered':
      'call-unanswered(무응답)에는 {units}이(가) 호출하는 것(스크립트의 do: hail 또는 발동할 수 있는 호출 규칙)이 필요하지만 어느 것도 호출하지 않습니다',
    'checker.why.report-received-no-sub':
      'report-received(보고 수신)에는 {units}에 보고하는 유닛이 필요하지만 {count, plural, other {그것을}} 사령부로 하는 유닛이 없습니다(유닛에 headquarters: {first}를 설정하고 둘을 링크에 넣으십시오)',
    'checker.why.report-received-no-link':
      'report-received(보고 수신)에는 링크를 통한 보고가 필요하지만 {units}에는 사령부로 가는 링크가 없습니다{count, plural, other {}}',
    'checker.why.report-received-never':
      'report-received(보고 수신)에는 보고가 필요하지만 {units}은(는) 한 번도 보고하지 않습니다(발동할 수 있는 보고 규칙이 없고{count, plural, other {}} 스크립트의 do: report도 없습니다)',
    'checker.why.relay-received-no-hq':
      'relay-received(중계 수신)에는 {units}(으)로 중계하는 사령부가 필요하지만 어느 것도 사령부(유닛의 headquarters 항목)를 지정하지 않았습니다',
    'checker.why.relay-received-never':
      'relay-received(중계 수신)에는 {units}의 사령부가 상대측 사령부로부터 연락을 받고(counterpart:, 둘 사이의 링크, 발동할 수 있는 hq-contact 규칙) 링크로 중계하는 것이 필요합니다',
    'checker.why.area-no-declarer':
      'area-entered(구역 진입)는 구역을 선언한 유닛(areas:의 declaredBy:)에만 일어나지만 {units} 중 어느 것도 선언하지 않았습니다',
    'checker.why.area-never-entered': 'area-entered(구역 진입)에는 {units}이(가) 선언한 구역에, 그것이 유효한 동안 다른 유닛이 들어가는 것이 필요합니다',
    'checker.range.why-script': '스크립트에서 호출하게 되어 있음',
    'checker.range.why-rule': '{rule}에 따라 타국 유닛을 호출할 수 있음',
    'checker.range.miss-weak':
      '{unit}({why}. 최근접은 t = {t}초의 {distanceKm} km로 전파 수평선 안이지만 도달하는 것은 {dbm} dBm뿐으로 수신기에 필요한 {sensitivity} dBm보다 낮습니다. powerW를 확인하십시오)',
    'checker.range.miss-far': '{unit}({why}. 최근접은 t = {t}초의 {distanceKm} km, 전파 수평선은 {horizonKm} km)',
    'checker.range.never':
      '"{unit}"은(는) 교신해야 할 어느 상대의 무선 도달 범위에도 들지 않습니다: {misses}. 둘 사이의 교신은 모두 도달 범위 내 단계에서 실패합니다. 위치(lat/lon)와 항적을 확인하거나 안테나를 높이십시오(platform.antennaHeightM, 항공기는 altM). 위성이나 네트워크로 교신한다면 양쪽을 링크에 넣으십시오',
    'checker.format.id': '{path}: id는 영문 소문자, 숫자, 하이픈으로 씁니다(예: "ddg971")',
    'checker.format.time': '{path}: 시각은 초(364) 또는 "6:04" 형태(분과 60 미만의 초)로 쓰십시오',
    'checker.format.source-id': '{path}: 출처 id는 "S15" 형태입니다(docs/sources.md 참조)',
    'checker.format.date': '{path}: 날짜는 YYYY-MM-DD 형태로 씁니다',
    'checker.format.frequency-once': '{path}: 주파수는 freqMHz 또는 freqKHz 중 하나로 한 번만 쓰십시오',
    'checker.format.start': '{path}: start는 시간대가 붙은 ISO 형식 시각입니다(예: 2018-12-20T14:54:00+09:00)',
    'checker.format.parameter-name': '{path}: 매개변수 이름은 영문자와 숫자로 씁니다(예: approachRangeM)',
    'checker.format.parameter-name-interval': '{path}: 매개변수 이름을 쓰십시오(예: warnIntervalS)',
    'checker.format.parameter-name-range': '{path}: 매개변수 이름을 쓰십시오(예: warnRangeM)',
    'checker.format.rule-id': '{path}: 규칙 id는 영문 소문자 단어를 하이픈으로 이어 씁니다',
    'checker.source.did-you-mean': '{ids}의 오기가 아닌가요? ',
    'checker.source.unknown':
      '알 수 없는 출처 id "{id}"입니다. {guess}{suggested, select, true {출처} other {출처}} id 목록은 {doc}에 있습니다. 새 출처를 인용하려면 {file}에 추가하고 npm run sources를 실행하십시오',
  },
};
