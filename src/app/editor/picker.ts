/**
 * The editor's "Open…" picker: drafts kept in this browser, the shipped scenarios and procedures,
 * and new files from a template. Picking opens at once and the picker returns to "Open…".
 */
import { fill, h } from '../dom';
import type { Lang } from '../../i18n';
import { wordsIn } from '../said';
import { pickerChoice, pickerGroups, type PickerChoice, type ShippedFile } from './editor-model';
import type { DraftStore } from './drafts';

export interface Picker {
  /** Rebuilds the choices (after a draft is saved, or another file is opened). */
  refresh(): void;
}

export function mountPicker(
  picker: HTMLSelectElement,
  drafts: DraftStore,
  shipped: { scenarios: readonly ShippedFile[]; procedures: readonly ShippedFile[] },
  lang: () => Lang,
  onPick: (choice: NonNullable<PickerChoice>) => void,
): Picker {
  const refresh = () => {
    const opt = (value: string, text: string) => h('option', { value, text });
    fill(
      picker,
      opt('', wordsIn(lang())('app-tools.editor.pick-open')),
      pickerGroups(drafts.list(), shipped.scenarios, shipped.procedures, lang()).map((g) =>
        h(
          'optgroup',
          { label: g.label },
          g.options.map((o) => opt(o.value, o.text)),
        ),
      ),
    );
    picker.value = '';
  };
  picker.addEventListener('change', () => {
    const choice = pickerChoice(picker.value);
    picker.value = '';
    if (choice) onPick(choice);
  });
  return { refresh };
}
