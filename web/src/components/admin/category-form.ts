/**
 * The category form's working copy: questions and options carry a local id
 * (their code may be empty or change while typing), and the checks the form
 * runs before sending (the server checks again).
 */
import { t, type LocalizedText } from '../../lib/i18n.svelte.ts';
import type { Question, QuestionType } from '../staff/staff-api.ts';
import { cleanLocalized } from './admin-api.ts';

export interface EditableOption {
  uid: string;
  key: string;
  label: LocalizedText;
}

export interface EditableQuestion {
  uid: string;
  code: string;
  label: LocalizedText;
  type: QuestionType;
  required: boolean;
  options: EditableOption[];
}

let counter = 0;
export const uid = (): string => `q${(counter += 1)}`;

export function editableQuestions(questions: Question[]): EditableQuestion[] {
  return questions.map((q) => ({
    uid: uid(),
    code: q.code,
    label: { ...q.label },
    type: q.type,
    required: q.required,
    options: q.options.map((o) => ({ uid: uid(), key: o.key, label: { ...o.label } })),
  }));
}

export const isList = (type: QuestionType): boolean =>
  type === 'singlevaluelist' || type === 'multivaluelist';

/** The questions as the API takes them (options only for list questions). */
export function questionsBody(questions: EditableQuestion[]): Question[] {
  return questions.map((q) => ({
    code: q.code.trim(),
    label: cleanLocalized(q.label),
    type: q.type,
    required: q.required,
    options: isList(q.type)
      ? q.options.map((o) => ({ key: o.key.trim(), label: cleanLocalized(o.label) }))
      : [],
  }));
}

const CODE = /^[a-z][a-z0-9_]{0,62}$/;
const KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Problems by path ("questions/0/code", "questions/1/options/0/key", …). */
export function checkQuestions(questions: EditableQuestion[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const codes = new Set<string>();
  questions.forEach((q, i) => {
    const code = q.code.trim();
    if (!CODE.test(code)) problems[`questions/${i}/code`] = t('web.admin.categories.question_code_invalid');
    else if (code === 'person_description')
      problems[`questions/${i}/code`] = t('web.admin.categories.question_code_reserved');
    else if (codes.has(code)) problems[`questions/${i}/code`] = t('web.admin.categories.question_code_taken');
    codes.add(code);
    if (Object.keys(cleanLocalized(q.label)).length === 0)
      problems[`questions/${i}/label`] = t('web.admin.categories.label_required');
    if (isList(q.type)) {
      if (q.options.length === 0)
        problems[`questions/${i}/options`] = t('web.admin.categories.options_required');
      const keys = new Set<string>();
      q.options.forEach((o, j) => {
        const key = o.key.trim();
        if (!KEY.test(key))
          problems[`questions/${i}/options/${j}/key`] = t('web.admin.categories.option_key_invalid');
        else if (keys.has(key))
          problems[`questions/${i}/options/${j}/key`] = t('web.admin.categories.option_key_taken');
        keys.add(key);
        if (Object.keys(cleanLocalized(o.label)).length === 0)
          problems[`questions/${i}/options/${j}/label`] = t('web.admin.categories.label_required');
      });
    }
  });
  return problems;
}

/** Every path of the question fields, so server errors land at the right field. */
export function questionPaths(questions: EditableQuestion[]): string[] {
  return questions.flatMap((q, i) => [
    `questions/${i}/code`,
    `questions/${i}/label`,
    `questions/${i}/type`,
    // The options' own paths first: a field matches the first path that is its prefix.
    ...q.options.flatMap((_, j) => [`questions/${i}/options/${j}/key`, `questions/${i}/options/${j}/label`]),
    `questions/${i}/options`,
  ]);
}

/** Moves an item one place up (-1) or down (+1) in a copy of the list. */
export function moved<T>(list: T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}
