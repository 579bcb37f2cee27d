/**
 * Messages of the `terms.` area: the domain's words, in English, Japanese and Korean, as the
 * glossary (docs/glossary.md) fixes them. Other messages use the same words.
 */
import type { AreaMessages } from '../catalog';

export const terms: AreaMessages = {
  en: {
    'terms.stage.transmitted': 'transmitted',
    'terms.stage.in-range': 'in range',
    'terms.stage.receivable': 'receivable',
    'terms.stage.heard': 'heard',
    'terms.stage.understood': 'understood',
    'terms.stage.acknowledged': 'acknowledged',
    'terms.stage.acted-on': 'acted on',
  },
  ja: {
    'terms.stage.transmitted': '送信',
    'terms.stage.in-range': '到達圏内',
    'terms.stage.receivable': '受信可能',
    'terms.stage.heard': '聴取',
    'terms.stage.understood': '理解',
    'terms.stage.acknowledged': '応答',
    'terms.stage.acted-on': '対応',
  },
  ko: {
    'terms.stage.transmitted': '송신',
    'terms.stage.in-range': '도달 범위 내',
    'terms.stage.receivable': '수신 가능',
    'terms.stage.heard': '청취',
    'terms.stage.understood': '이해',
    'terms.stage.acknowledged': '응답',
    'terms.stage.acted-on': '조치',
  },
};
