/**
 * Messages of the `app-tools.` area (the editor, step mode, the drill, what-if, compare, sweep
 * and paths), in English, Japanese and Korean. Each row is one code in the three languages, so a
 * missing language shows in the row. Call texts are quoted, never translated (the radio stays English).
 */
import type { AreaMessages } from '../catalog';

type Row = readonly [code: string, en: string, ja: string, ko: string];

const ROWS: readonly Row[] = [
  // Tabs and the banner over the plot.
  ['app-tools.tab.step', 'Step', 'ステップ', '단계별'],
  ['app-tools.tab.drill', 'Drill', '演習', '훈련'],
  ['app-tools.tab.whatif', 'What-if', '仮定分析', '가정 분석'],
  ['app-tools.banner.main-view', 'Main view: ', 'メイン表示: ', '주 화면: '],
  ['app-tools.banner.back', 'Back to scenario run', 'シナリオの実行に戻る', '시나리오 실행으로 돌아가기'],
  ['app-tools.banner.drill', 'Drill as {unit}', '{unit} として演習', '{unit}(으)로 훈련'],
  ['app-tools.banner.drill-decide', 'Drill as {unit}: decision {n}', '{unit} として演習: 判断 {n}', '{unit}(으)로 훈련: 판단 {n}'],
  [
    'app-tools.banner.drill-feedback',
    'Drill as {unit}: after decision {n}{more, select, true {, up to decision {next}} other {}}',
    '{unit} として演習: 判断 {n} の後{more, select, true {(判断 {next} まで)} other {}}',
    '{unit}(으)로 훈련: 판단 {n} 이후{more, select, true { (판단 {next}까지)} other {}}',
  ],
  [
    'app-tools.banner.drill-done',
    'Drill as {unit}: finished, {right} of {total} right',
    '{unit} として演習: 終了、{total} 問中 {right} 問正解',
    '{unit}(으)로 훈련: 종료, {total}개 중 {right}개 정답',
  ],
  ['app-tools.banner.whatif', 'What-if: {changes}', '仮定分析: {changes}', '가정 분석: {changes}'],

  // Step mode.
  ['app-tools.step.no-rule', 'no rule', '規則なし', '규칙 없음'],
  ['app-tools.step.back', 'Step back', '1つ戻る', '한 단계 뒤로'],
  ['app-tools.step.back-title', 'Step back to the previous event', '前のイベントに戻る', '이전 사건으로 돌아가기'],
  ['app-tools.step.back-button', '◀ Step', '◀ 戻る', '◀ 뒤로'],
  ['app-tools.step.forward', 'Step forward', '1つ進む', '한 단계 앞으로'],
  ['app-tools.step.forward-title', 'Step forward to the next event', '次のイベントに進む', '다음 사건으로 이동'],
  ['app-tools.step.forward-button', 'Step ▶', '進む ▶', '앞으로 ▶'],
  ['app-tools.step.toolbar', 'Step through events', 'イベントを1つずつ進む', '사건 단위로 이동'],
  ['app-tools.step.events', 'Events at the playhead', '再生位置のイベント', '재생 위치의 사건'],
  ['app-tools.step.required', 'Required next', '次に求められること', '다음에 요구되는 사항'],
  ['app-tools.step.unit', 'Unit', '部隊', '부대'],
  ['app-tools.step.pick-option', '— pick a unit —', '— 部隊を選択 —', '— 부대 선택 —'],
  ['app-tools.step.at', 'At {when}', '{when} の時点', '{when} 시점'],
  [
    'app-tools.step.nothing-here',
    'Nothing happens at this exact moment; step to the next event.',
    'この時点では何も起きません。次のイベントに進んでください。',
    '이 시점에는 아무 일도 없습니다. 다음 사건으로 이동하십시오.',
  ],
  [
    'app-tools.step.pick-unit',
    'Pick a unit (here, on the plot or in the unit inspector) to see what the procedure requires of it next.',
    '部隊を選ぶと(ここ、プロット上、または部隊インスペクタで)、手順がその部隊に次に求めることを表示します。',
    '부대를 선택하면(여기, 플롯 또는 부대 검사기에서) 절차가 그 부대에 다음에 요구하는 사항을 보여 줍니다.',
  ],
  [
    'app-tools.step.required-of',
    'Required next of {unit} under {procedure}',
    '{procedure} のもとで {unit} に次に求められること',
    '{procedure}에 따라 {unit}에 다음에 요구되는 사항',
  ],
  ['app-tools.step.state-now', 'State now: {state}', '現在の状態: {state}', '현재 상태: {state}'],
  ['app-tools.step.due-now', 'Due now', '今すべきこと', '지금 해야 할 일'],
  ['app-tools.step.due-now-count', 'Due now ({n})', '今すべきこと({n})', '지금 해야 할 일 ({n})'],
  ['app-tools.step.if', 'If something happens', '事象が起きた場合', '상황 발생 시'],
  ['app-tools.step.if-count', 'If something happens ({n})', '事象が起きた場合({n})', '상황 발생 시 ({n})'],
  ['app-tools.step.nothing-owed', 'Nothing is owed at this moment.', 'この時点で果たすべき義務はありません。', '이 시점에 이행할 의무는 없습니다.'],
  ['app-tools.step.nothing', 'Nothing.', 'なし。', '없음.'],

  // Kinds of unit.
  ['app-tools.kind.ship', 'ship', '艦艇', '함정'],
  ['app-tools.kind.aircraft', 'aircraft', '航空機', '항공기'],
  ['app-tools.kind.headquarters', 'headquarters', '司令部', '사령부'],
  ['app-tools.kind.vessel', 'vessel', '船舶', '선박'],

  // The drill.
  ['app-tools.drill.situation.incoming-call', 'A call for you', '自隊宛ての呼びかけ', '자대에 대한 호출'],
  ['app-tools.drill.situation.call-not-made-out', 'A call you could not make out', '聞き取れなかった呼びかけ', '알아듣지 못한 호출'],
  ['app-tools.drill.situation.safety-concern', 'Your safety is at risk', '安全が脅かされている', '안전이 위협받고 있음'],
  ['app-tools.drill.situation.state-activity', 'Say what you are doing?', '自隊の行動を通報するか?', '자대의 활동을 통보할 것인가?'],
  ['app-tools.drill.situation.report', 'Report to headquarters?', '司令部に報告するか?', '사령부에 보고할 것인가?'],
  ['app-tools.drill.situation.unanswered-call', 'Your call goes unanswered', '呼びかけに応答がない', '호출에 응답이 없음'],
  ['app-tools.drill.situation.headquarters', 'Headquarters decision', '司令部の判断', '사령부의 판단'],
  ['app-tools.drill.cite', ' ({rule})', '({rule})', ' ({rule})'],
  ['app-tools.drill.feedback.right', '{rule}{cite}', '{rule}{cite}', '{rule}{cite}'],
  ['app-tools.drill.feedback.right-verdict', 'Right: {rule}{cite}', '正解: {rule}{cite}', '정답: {rule}{cite}'],
  [
    'app-tools.drill.feedback.wrong',
    'You chose "{chosen}"; the procedure asks: "{correct}". {rule}{cite}',
    '選んだのは「{chosen}」。手順が求めるのは「{correct}」。{rule}{cite}',
    '선택한 것: "{chosen}". 절차가 요구하는 것: "{correct}". {rule}{cite}',
  ],
  [
    'app-tools.drill.feedback.not-an-option',
    '"{chosen}" is not one of the options here; the procedure asks: "{correct}". {rule}{cite}',
    '「{chosen}」はこの場面の選択肢にありません。手順が求めるのは「{correct}」。{rule}{cite}',
    '"{chosen}"은(는) 이 상황의 선택지가 아닙니다. 절차가 요구하는 것: "{correct}". {rule}{cite}',
  ],
  ['app-tools.drill.unit-option', '{unit} — {kind}', '{unit} — {kind}', '{unit} — {kind}'],
  [
    'app-tools.drill.intro',
    'Play one unit under {procedure}{account, select, none {} other { (account {account})}}. The run stops at every decision the procedure gives your unit: choose what you would do, then read what the procedure asks and why.',
    '{procedure} のもとで部隊を1つ担当します{account, select, none {} other {(見解 {account})}}。手順が担当部隊に課す判断のたびに実行が止まります。自分ならどうするかを選び、手順が何を、なぜ求めるかを読んでください。',
    '{procedure}에 따라 부대 하나를 맡습니다{account, select, none {} other { (견해 {account})}}. 절차가 맡은 부대에 판단을 요구할 때마다 실행이 멈춥니다. 자신이라면 어떻게 할지 고른 뒤, 절차가 무엇을 왜 요구하는지 읽으십시오.',
  ],
  [
    'app-tools.drill.nothing-to-drill',
    'No unit in this scenario is bound by {procedure}, so there is nothing to drill.',
    'このシナリオには {procedure} が適用される部隊がないため、演習する判断はありません。',
    '이 시나리오에는 {procedure}이(가) 적용되는 부대가 없어 훈련할 판단이 없습니다.',
  ],
  [
    'app-tools.drill.meta',
    ' · {procedure}{account, select, none {} other { · account {account}}}{scored, select, true { · score {right}/{total}} other {}}',
    ' · {procedure}{account, select, none {} other { · 見解 {account}}}{scored, select, true { · 得点 {right}/{total}} other {}}',
    ' · {procedure}{account, select, none {} other { · 견해 {account}}}{scored, select, true { · 점수 {right}/{total}} other {}}',
  ],
  ['app-tools.drill.right', 'Right.', '正解。', '정답.'],
  ['app-tools.drill.wrong', 'Not what the procedure asks.', '手順が求める対応ではありません。', '절차가 요구하는 조치가 아닙니다.'],
  ['app-tools.drill.feedback', ' Decision {n} at {when}: {feedback}', ' 判断 {n}({when}): {feedback}', ' 판단 {n} ({when}): {feedback}'],
  ['app-tools.drill.decision', 'Decision {n} at {when}: {situation}', '判断 {n}({when}): {situation}', '판단 {n} ({when}): {situation}'],
  [
    'app-tools.drill.how',
    'What do you do? Press 1–{last} or pick one.',
    'どうしますか? 1–{last} のキーを押すか、選んでください。',
    '어떻게 하겠습니까? 1–{last} 키를 누르거나 하나를 고르십시오.',
  ],
  ['app-tools.drill.options', 'What do you do?', 'どうしますか?', '어떻게 하겠습니까?'],
  ['app-tools.drill.chosen', 'You chose: "{option}".', '選んだのは「{option}」。', '선택한 것: "{option}".'],
  ['app-tools.drill.chosen-short', 'You chose: "{option}"', '選んだのは「{option}」', '선택한 것: "{option}"'],
  ['app-tools.drill.next-decision', 'Next decision ▶', '次の判断 ▶', '다음 판단 ▶'],
  ['app-tools.drill.see-summary', 'See the summary ▶', '結果を見る ▶', '결과 보기 ▶'],
  [
    'app-tools.drill.hint-next',
    'Or press Play to watch what follows your answer, up to the next decision.',
    'または再生を押すと、次の判断まで、回答の後に起きることを見られます。',
    '또는 재생을 눌러 다음 판단까지 답변 이후의 전개를 보십시오.',
  ],
  [
    'app-tools.drill.hint-last',
    'Or press Play to watch what follows your answer.',
    'または再生を押すと、回答の後に起きることを見られます。',
    '또는 재생을 눌러 답변 이후의 전개를 보십시오.',
  ],
  ['app-tools.drill.finished', 'Drill finished: {right} of {total} right', '演習終了: {total} 問中 {right} 問正解', '훈련 종료: {total}개 중 {right}개 정답'],
  [
    'app-tools.drill.made',
    'In the run you made: {exchanges, plural, one {{exchanges} exchange} other {{exchanges} exchanges}} completed, {breakdowns, plural, one {{breakdowns} breakdown} other {{breakdowns} breakdowns}} (listed under Findings), {own, plural, =0 {none of them from your answers (the drill scores your decisions; the others come from the scenario as scripted and the other units)} other {{own} of them straight from your answers}}.',
    'あなたの実行では: 完了した交信 {exchanges} 件、伝達の失敗 {breakdowns} 件(「所見」に一覧)、{own, plural, =0 {うちあなたの回答によるものはなし(演習が採点するのはあなたの判断で、その他はシナリオの筋書きと他の部隊によるもの)} other {うち {own} 件はあなたの回答によるもの}}。',
    '귀관의 실행 결과: 완료된 교신 {exchanges}건, 전달 실패 {breakdowns}건(「발견 사항」에 표시), {own, plural, =0 {그중 귀관의 답변에서 비롯된 것은 없음(훈련은 귀관의 판단을 채점하며, 나머지는 시나리오 각본과 다른 부대에서 비롯됨)} other {그중 {own}건은 귀관의 답변에서 직접 비롯됨}}.',
  ],
  ['app-tools.drill.verdict-right', 'Right', '正解', '정답'],
  ['app-tools.drill.verdict-wrong', 'Not what the procedure asks', '手順が求める対応ではない', '절차가 요구하는 조치 아님'],
  ['app-tools.drill.decision-line', ' · decision {n} at {when} · {situation}', ' · 判断 {n}({when})· {situation}', ' · 판단 {n} ({when}) · {situation}'],
  ['app-tools.drill.nothing', 'nothing', 'なし', '없음'],
  ['app-tools.drill.cause', ' — {cause}', ' — {cause}', ' — {cause}'],
  [
    'app-tools.drill.call-stopped',
    ' {from} → {to} on {channel} ({kind}): reached {reached}, stopped at {stopped}{cause}',
    ' {from} → {to}({channel}、{kind}): 「{reached}」まで到達、「{stopped}」で停止{cause}',
    ' {from} → {to} ({channel}, {kind}): 「{reached}」까지 도달, 「{stopped}」에서 중단{cause}',
  ],
  [
    'app-tools.drill.call-through',
    ' {from} → {to} on {channel} ({kind}): got through ({reached})',
    ' {from} → {to}({channel}、{kind}): 伝達成立({reached})',
    ' {from} → {to} ({channel}, {kind}): 전달 성공 ({reached})',
  ],
  ['app-tools.drill.retry', 'Retry', 'もう一度', '다시 하기'],
  ['app-tools.drill.another', 'Play another unit', '別の部隊を担当する', '다른 부대 맡기'],
  ['app-tools.drill.your-decisions', 'Your decisions', 'あなたの判断', '귀관의 판단'],
  [
    'app-tools.drill.no-decisions',
    'The procedure gave this unit no decision in this run.',
    'この実行では、手順はこの部隊に判断を課しませんでした。',
    '이번 실행에서 절차는 이 부대에 판단을 요구하지 않았습니다.',
  ],
  ['app-tools.drill.calls-heading', 'What became of the calls to and from you', 'あなたとの間の呼びかけの結果', '귀관과 주고받은 호출의 결과'],
  ['app-tools.drill.calls', 'Calls to and from you', 'あなたとの間の呼びかけ', '귀관과 주고받은 호출'],
  ['app-tools.drill.no-calls', 'No calls to or from this unit.', 'この部隊との間の呼びかけはありません。', '이 부대와 주고받은 호출이 없습니다.'],
  ['app-tools.drill.start', 'Start drill', '演習開始', '훈련 시작'],
  ['app-tools.drill.play-as', 'Play as', '担当する部隊', '맡을 부대'],
  ['app-tools.drill.you-are', 'You are {unit}', '担当: {unit}', '맡은 부대: {unit}'],
  ['app-tools.drill.show-run', 'Show the drill run', '演習の実行を表示', '훈련 실행 보기'],
  ['app-tools.drill.start-over', 'Start over', 'やり直す', '처음부터'],
  // What-if: a change in words (unit, radio and link ids as the file has them).
  ['app-tools.whatif.change-sep', '; ', '; ', '; '],
  ['app-tools.whatif.nothing', 'nothing', 'なし', '없음'],
  [
    'app-tools.whatif.change.radio',
    '{unit}: set {radio}{power, select, on { on} off { off} other {}}{retune, select, true {, tuned to {tuned}} other {}}{listen, select, yes {, listened to} no {, not listened to} other {}}',
    '{unit}: {radio} を設定{power, select, on {、電源オン} off {、電源オフ} other {}}{retune, select, true {、{tuned} に同調} other {}}{listen, select, yes {、聴守する} no {、聴守しない} other {}}',
    '{unit}: {radio} 설정{power, select, on {, 전원 켬} off {, 전원 끔} other {}}{retune, select, true {, {tuned}에 동조} other {}}{listen, select, yes {, 청취함} no {, 청취 안 함} other {}}',
  ],
  [
    'app-tools.whatif.change.noise',
    '{unit}: noise at {radio} {floor, select, true {back to the environment floor} other {{db} dBm}}',
    '{unit}: {radio} の雑音を{floor, select, true {環境の雑音レベルに戻す} other {{db} dBm に}}',
    '{unit}: {radio}의 잡음을 {floor, select, true {환경 잡음 수준으로 복원} other {{db} dBm으로}}',
  ],
  [
    'app-tools.whatif.change.crew',
    '{unit}: crew{hasWorkload, select, true { workload {workload}} other {}}{hasEnglish, select, true { English {english}} other {}}',
    '{unit}: 乗員{hasWorkload, select, true { 業務負荷 {workload}} other {}}{hasEnglish, select, true { 英語能力 {english}} other {}}',
    '{unit}: 승조원{hasWorkload, select, true { 업무 부하 {workload}} other {}}{hasEnglish, select, true { 영어 능력 {english}} other {}}',
  ],
  [
    'app-tools.whatif.change.link',
    '{link}{state, select, up { up} down { down} other {}}{hasDelay, select, true {, delay {delay} s} other {}}',
    '{link}{state, select, up { 接続} down { 断} other {}}{hasDelay, select, true {、遅延 {delay} 秒} other {}}',
    '{link}{state, select, up { 연결} down { 두절} other {}}{hasDelay, select, true {, 지연 {delay}초} other {}}',
  ],
  [
    'app-tools.whatif.change.silence',
    '{unit} {silent, select, true {stays silent} other {may transmit again}}',
    '{unit} は{silent, select, true {沈黙を続ける} other {再び送信してよい}}',
    '{unit}은(는) {silent, select, true {침묵 유지} other {다시 송신 가능}}',
  ],
  [
    'app-tools.whatif.change.hail',
    '{unit} calls {to}{hasChannel, select, true { on {channel}} other {}}',
    '{unit} が {to} を呼び出す{hasChannel, select, true {({channel})} other {}}',
    '{unit}이(가) {to}을(를) 호출{hasChannel, select, true { ({channel})} other {}}',
  ],
];

function lang(i: 1 | 2 | 3): Record<string, string> {
  return Object.fromEntries(ROWS.map((r) => [r[0], r[i]]));
}

export const appTools: AreaMessages = { en: lang(1), ja: lang(2), ko: lang(3) };
