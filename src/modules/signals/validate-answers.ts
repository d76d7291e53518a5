/** Checks the answers to a category's extra questions: required ones given, types and options right. */
import type { CategoryQuestion } from '../../platform/database/tables.ts';
import { AppError, type ErrorDetail } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';

/** Reserved answer key: the optional description of a person, asked last in the anti-profiling form. */
export const PERSON_DESCRIPTION_KEY = 'person_description';

export function validateAnswers(
  questions: CategoryQuestion[],
  answers: Record<string, unknown>,
  language: Language,
): Record<string, string | number | string[]> {
  const details: ErrorDetail[] = [];
  const clean: Record<string, string | number | string[]> = {};
  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) {
      details.push({
        path: `body/answers/${code}`,
        code: 'unknown_question',
        message: translate(language, 'validation.unknown_question'),
      });
    }
  }
  for (const question of questions) {
    const value = answers[question.code];
    const path = `body/answers/${question.code}`;
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (question.required)
        details.push({ path, code: 'required', message: translate(language, 'validation.required') });
      continue;
    }
    const optionKeys = question.options.map((o) => o.key);
    const wrong = () =>
      details.push({ path, code: 'answer_invalid', message: translate(language, 'validation.answer_type') });
    switch (question.type) {
      case 'text':
        if (typeof value !== 'string') wrong();
        else clean[question.code] = value.trim();
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) wrong();
        else clean[question.code] = value;
        break;
      case 'datetime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) wrong();
        else clean[question.code] = new Date(value).toISOString();
        break;
      case 'singlevaluelist':
        if (typeof value !== 'string' || !optionKeys.includes(value)) wrong();
        else clean[question.code] = value;
        break;
      case 'multivaluelist':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !optionKeys.includes(v)))
          wrong();
        else clean[question.code] = [...new Set(value as string[])];
        break;
    }
  }
  if (details.length > 0) throw new AppError('answer_invalid', {}, details);
  return clean;
}
